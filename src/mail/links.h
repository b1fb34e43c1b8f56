#pragma once

#include <filesystem>
#include <string>

// Unsubscribe links that work without signing in: each names a person and a kind of email and
// carries a code only this service can make (a keyed hash with a key kept in the data folder).
namespace trellis::mail {

class UnsubscribeLinks {
  public:
    static UnsubscribeLinks kept_in(const std::filesystem::path& folder);
    // The path of the link, e.g. /email/off/3/12/training_days/CODE.
    std::string path(long long trust_id, long long person_id, const std::string& kind) const;
    bool genuine(long long trust_id, long long person_id, const std::string& kind,
                 const std::string& code) const;

  private:
    std::string code(long long trust_id, long long person_id, const std::string& kind) const;
    std::string m_key;
};

} // namespace trellis::mail

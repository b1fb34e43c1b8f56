#include "people/colleagues.h"

#include <stdexcept>

#include "people/store.h"

namespace trellis::people {

Person colleague_by_email(soci::session& sql, long long trust_id, const std::string& email,
                          const std::string& problem) {
    const std::string wanted = normalised_email(email);
    auto person = wanted.empty() ? std::nullopt : store::find_colleague(sql, trust_id, wanted);
    if (!person)
        throw std::invalid_argument(problem);
    return *person;
}

} // namespace trellis::people

#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "surveys/model.h"

// Figures worked out from a survey's answers, kept while those answers are unchanged: keyed by the
// very list of responses SurveyService::responses() hands back (the same list until the answers
// change) and by everything else the figures come from, as text. Each server keeps its own; what
// they come from is read from the database on every request.
namespace trellis::surveys {

using KeptResponses = std::shared_ptr<const std::vector<Response>>;

template <typename Value, std::size_t Kept> class KeptByResponses {
  public:
    std::optional<Value> find(const KeptResponses& responses, const std::string& key) {
        std::lock_guard lock(m_mutex);
        for (auto entry = m_entries.begin(); entry != m_entries.end(); ++entry)
            if (entry->responses == responses && entry->key == key) {
                m_entries.splice(m_entries.begin(), m_entries, entry);
                return m_entries.front().value;
            }
        return std::nullopt;
    }
    void keep(const KeptResponses& responses, const std::string& key, const Value& value) {
        std::lock_guard lock(m_mutex);
        m_entries.push_front({responses, key, value});
        if (m_entries.size() > Kept)
            m_entries.pop_back();
    }

  private:
    struct Entry {
        KeptResponses responses; // held, so its address names this version while the entry lives
        std::string key;
        Value value;
    };
    std::mutex m_mutex;
    std::list<Entry> m_entries; // the most lately used first
};

// The priorities a survey's questions and options are tied to, as text for such a key.
inline std::string tags_key(const std::vector<Question>& questions) {
    std::string key;
    for (const Question& question : questions) {
        key += "|q" + std::to_string(question.id) + ":" + std::to_string(question.priority_id);
        for (const Option& option : question.options)
            key += "," + std::to_string(option.priority_id);
    }
    return key;
}

} // namespace trellis::surveys

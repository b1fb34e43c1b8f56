#include "expertise/model.h"

#include <algorithm>
#include <stdexcept>

#include "text/words.h"

namespace trellis::expertise {

namespace {

constexpr std::size_t kMostTags = 12, kLongestTag = 40;

// Everything a search may find the expert by, in lower case.
std::string searchable_text(const Expert& expert) {
    std::string text =
        expert.name + "\n" + expert.offer + "\n" + expert.job_title + "\n" + expert.school_name;
    for (const Topic& topic : expert.topics)
        text += "\n" + topic.text;
    for (const Work& work : expert.work)
        text += "\n" + work.text;
    return text::lowered(std::move(text));
}

} // namespace

bool Expert::serves(long long priority_id) const {
    const auto topic_serves = [&](const Topic& topic) { return topic.priority_id == priority_id; };
    const auto work_serves = [&](const Work& done) {
        return std::find(done.priority_ids.begin(), done.priority_ids.end(), priority_id) !=
               done.priority_ids.end();
    };
    return std::any_of(topics.begin(), topics.end(), topic_serves) ||
           std::any_of(work.begin(), work.end(), work_serves);
}

bool Expert::matches(const std::vector<std::string>& words) const {
    const std::string text = searchable_text(*this);
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& word) { return text.find(word) != std::string::npos; });
}

std::vector<std::string> tags_from(const std::string& typed) {
    std::vector<std::string> tags;
    for (const std::string& item : text::split_commas(typed)) {
        const std::string tag = text::lowered(text::trimmed(item));
        if (tag.empty() || std::find(tags.begin(), tags.end(), tag) != tags.end())
            continue;
        if (tag.size() > kLongestTag)
            throw std::invalid_argument("Keep each tag to 40 characters: \"" + tag.substr(0, 40) +
                                        "…\" is longer.");
        tags.push_back(tag);
    }
    if (tags.size() > kMostTags)
        throw std::invalid_argument("Give up to 12 tags, separated by commas.");
    return tags;
}

std::string request_link(long long request_id) {
    return "/expertise/mine#request-" + std::to_string(request_id);
}

std::string request_notice(const std::string& asker_name, const std::string& about) {
    return asker_name + " asks for your help: \u201c" + about + "\u201d";
}

std::vector<std::string> search_words(const std::string& typed) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text::lowered(typed) + " ") {
        if (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r') {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

} // namespace trellis::expertise

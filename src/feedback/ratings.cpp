#include "feedback/ratings.h"

#include <map>
#include <stdexcept>

#include "reports/small_groups.h"
#include "text/words.h"

namespace trellis::feedback {

std::string text_of(AboutKind kind) {
    return kind == AboutKind::Event ? "event" : "activity";
}

namespace {

const Item* item_of(const std::vector<Item>& items, long long id) {
    for (const Item& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

// The field as an answer, or nullopt when it was left blank.
std::optional<Answer> answer_of(const Field& field, const std::string& title) {
    const std::string rating = text::trimmed(field.rating), comment = text::trimmed(field.comment);
    if (rating.empty()) {
        if (!comment.empty())
            throw std::invalid_argument("Give a rating from 1 to 5 for \"" + title +
                                        "\" as well as a comment.");
        return std::nullopt;
    }
    if (rating.size() != 1 || rating[0] < '1' || rating[0] > '5')
        throw std::invalid_argument("The rating for \"" + title + "\" must be from 1 to 5.");
    if (comment.size() > kMaxComment)
        throw std::invalid_argument("The comment on \"" + title + "\" is longer than 2,000 characters.");
    return Answer{field.item_id, rating[0] - '0', comment};
}

std::vector<RatingSummary> grouped(const std::vector<Response>& responses, int smallest,
                                   const std::function<std::string(const Response&)>& key) {
    std::map<std::string, std::vector<Response>> groups;
    for (const Response& response : responses)
        if (response.item_id != 0)
            groups[key(response)].push_back(response);
    std::vector<RatingSummary> summaries;
    std::vector<std::vector<int>> sizes;
    for (const auto& [label, members] : groups) {
        summaries.push_back(summarise(label, 0, members));
        summaries.back().comments.clear(); // comments are read per item, never per group
        sizes.push_back({summaries.back().responses});
    }
    const reports::HiddenParts hidden = reports::hide_small_groups(sizes, smallest);
    for (std::size_t row = 0; row < summaries.size(); ++row)
        if (hidden.cell(row, 0))
            summaries[row] =
                RatingSummary{.label = summaries[row].label, .hidden = true, .smallest = smallest};
    return summaries;
}

} // namespace

std::vector<Question> questions_of(const std::vector<Item>& items, const std::vector<Answer>& answers) {
    std::vector<Question> questions;
    for (const Item& item : items) {
        Question question{item.id, item.title, std::nullopt};
        for (const Answer& answer : answers)
            if (answer.item_id == item.id)
                question.answer = answer;
        questions.push_back(question);
    }
    return questions;
}

std::vector<Answer> answers_from(const std::vector<Item>& items, const std::vector<Field>& fields) {
    std::vector<Answer> answers;
    for (const Field& field : fields) {
        const Item* item = item_of(items, field.item_id);
        if (!item)
            throw std::invalid_argument("You can only give feedback on what you attended.");
        if (auto answer = answer_of(field, item->title))
            answers.push_back(*answer);
    }
    if (answers.empty())
        throw std::invalid_argument("Give at least one rating before saving.");
    return answers;
}

RatingSummary summarise(const std::string& label, long long item_id, const std::vector<Response>& responses) {
    RatingSummary summary;
    summary.label = label;
    summary.item_id = item_id;
    long long total = 0;
    for (const Response& response : responses) {
        if (response.rating < 1 || response.rating > 5)
            continue;
        ++summary.responses;
        ++summary.counts[response.rating - 1];
        total += response.rating;
        if (!response.comment.empty())
            summary.comments.push_back(response.comment);
    }
    summary.mean = summary.responses ? static_cast<double>(total) / summary.responses : 0;
    return summary;
}

std::vector<RatingSummary> by_school(const std::vector<Response>& responses, int smallest) {
    return grouped(responses, smallest, [](const Response& response) { return response.school_name; });
}

std::vector<RatingSummary> by_staff_group(const std::vector<Response>& responses, int smallest) {
    return grouped(responses, smallest,
                   [](const Response& response) { return people::label_of(response.staff_group); });
}

} // namespace trellis::feedback

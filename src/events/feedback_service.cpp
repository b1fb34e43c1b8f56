#include "events/feedback_service.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <stdexcept>

#include "events/day_store.h"
#include "events/feedback_store.h"
#include "events/model.h"

namespace trellis::events {

namespace {

constexpr std::size_t kMaxComment = 2000;

// The field as an answer, or nullopt when it was left blank. `title` names it in messages.
std::optional<FeedbackAnswer> answer_of(const FeedbackField& field, const std::string& title) {
    const std::string rating = trimmed(field.rating), comment = trimmed(field.comment);
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
    return FeedbackAnswer{field.offer_id, rating[0] - '0', comment};
}

std::vector<RatingSummary> grouped(const std::vector<FeedbackResponse>& responses,
                                   const std::function<std::string(const FeedbackResponse&)>& key) {
    std::map<std::string, std::vector<FeedbackResponse>> groups;
    for (const FeedbackResponse& response : responses)
        if (response.offer_id != 0)
            groups[key(response)].push_back(response);
    std::vector<RatingSummary> summaries;
    for (const auto& [label, members] : groups)
        summaries.push_back(summarise(label, 0, members));
    return summaries;
}

} // namespace

RatingSummary summarise(const std::string& label, long long offer_id,
                        const std::vector<FeedbackResponse>& responses) {
    RatingSummary summary;
    summary.label = label;
    summary.offer_id = offer_id;
    long long total = 0;
    for (const FeedbackResponse& response : responses) {
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

std::vector<SurveyQuestion> FeedbackService::survey(const accounts::Actor& actor, const Event& event) {
    db::Database::Lease session(m_database);
    const auto workshops =
        feedback_store::attended_workshops(*session, actor.trust_id, event.id, actor.person_id);
    if (workshops.empty())
        return {};
    const auto answers = feedback_store::answers_of(*session, actor.trust_id, event.id, actor.person_id);
    auto answer_to = [&](long long offer_id) -> std::optional<FeedbackAnswer> {
        for (const FeedbackAnswer& answer : answers)
            if (answer.offer_id == offer_id)
                return answer;
        return std::nullopt;
    };
    std::vector<SurveyQuestion> questions;
    for (const auto& [offer_id, title] : workshops)
        questions.push_back({offer_id, title, answer_to(offer_id)});
    questions.push_back({0, "The day as a whole", answer_to(0)});
    return questions;
}

void FeedbackService::submit(const accounts::Actor& actor, const Event& event,
                             const std::vector<FeedbackField>& fields) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto workshops = feedback_store::attended_workshops(sql, actor.trust_id, event.id, actor.person_id);
    if (workshops.empty())
        throw std::invalid_argument("The survey is for people who were marked present at a workshop.");
    std::vector<FeedbackAnswer> answers;
    for (const FeedbackField& field : fields) {
        std::string title = field.offer_id == 0 ? "The day as a whole" : "";
        for (const auto& [offer_id, workshop_title] : workshops)
            if (offer_id == field.offer_id)
                title = workshop_title;
        if (title.empty())
            throw std::invalid_argument("You can only give feedback on workshops you attended.");
        if (auto answer = answer_of(field, title))
            answers.push_back(*answer);
    }
    if (answers.empty())
        throw std::invalid_argument("Give at least one rating before saving.");
    for (const FeedbackAnswer& answer : answers)
        feedback_store::save_answer(sql, actor.trust_id, event.id, actor.person_id, answer);
    transaction.commit();
}

FeedbackResults FeedbackService::results(const accounts::Actor& actor, const Event& event,
                                         ResultsScope scope) {
    db::Database::Lease session(m_database);
    const auto responses = feedback_store::responses_to(*session, actor.trust_id, event.id);
    FeedbackResults results;
    results.event = event;
    results.everything = scope == ResultsScope::Everything;
    std::vector<long long> seen;
    for (const SessionView& view : day_store::sessions_of(*session, actor.trust_id, event.id)) {
        if (std::find(seen.begin(), seen.end(), view.offer_id) != seen.end())
            continue;
        if (!results.everything && view.presenter_id != actor.person_id)
            continue;
        seen.push_back(view.offer_id);
        std::vector<FeedbackResponse> about;
        std::copy_if(responses.begin(), responses.end(), std::back_inserter(about),
                     [&](const FeedbackResponse& response) { return response.offer_id == view.offer_id; });
        results.workshops.push_back(summarise(view.title, view.offer_id, about));
    }
    std::sort(results.workshops.begin(), results.workshops.end(),
              [](const RatingSummary& a, const RatingSummary& b) { return a.label < b.label; });
    if (!results.everything)
        return results;
    std::vector<FeedbackResponse> day;
    std::copy_if(responses.begin(), responses.end(), std::back_inserter(day),
                 [](const FeedbackResponse& response) { return response.offer_id == 0; });
    results.day = summarise("The day as a whole", 0, day);
    results.by_school =
        grouped(responses, [](const FeedbackResponse& response) { return response.school_name; });
    results.by_staff_group = grouped(
        responses, [](const FeedbackResponse& response) { return people::label_of(response.staff_group); });
    return results;
}

} // namespace trellis::events

#include "feedback/handlers/views.h"

#include <algorithm>

#include "reports/handlers/bar_chart.h"
#include "reports/small_groups.h"

namespace trellis::feedback::handlers {

namespace {

constexpr const char* kRatingWords[] = {"Poor", "Weak", "Fair", "Good", "Excellent"};

using reports::handlers::Bar;

std::string hidden_words(const RatingSummary& summary) {
    return "fewer than " + std::to_string(summary.smallest) + " answers";
}

mstch::map question_view(const Question& question, bool saved) {
    const std::string id = std::to_string(question.item_id);
    mstch::array choices;
    for (int rating = 1; rating <= 5; ++rating)
        choices.push_back(mstch::map{{"id", "rating-" + id + "-" + std::to_string(rating)},
                                     {"name", "rating_" + id},
                                     {"value", std::to_string(rating)},
                                     {"word", std::string(kRatingWords[rating - 1])},
                                     {"checked", question.answer && question.answer->rating == rating}});
    return mstch::map{{"id", id},
                      {"title", question.title},
                      {"choices", choices},
                      {"comment", question.answer ? question.answer->comment : std::string()},
                      {"answered", saved && question.answer.has_value()}};
}

mstch::map summary_row(const RatingSummary& summary) {
    mstch::array counts, comments;
    for (int count : summary.counts)
        counts.push_back(mstch::map{{"count", summary.hidden ? std::string("–") : std::to_string(count)}});
    for (const std::string& comment : summary.comments)
        comments.push_back(mstch::map{{"text", comment}});
    const bool has_mean = summary.responses > 0 && !summary.hidden;
    return mstch::map{
        {"label", summary.label},
        {"responses", summary.hidden ? hidden_words(summary) : std::to_string(summary.responses)},
        {"mean", has_mean ? reports::handlers::one_place(summary.mean) : std::string("–")},
        {"counts", counts},
        {"comments", comments},
        {"any_comments", !comments.empty()}};
}

mstch::map section(const std::string& id, const std::string& heading, const std::string& column,
                   const std::optional<mstch::map>& chart, const std::vector<RatingSummary>& summaries,
                   bool show_comments) {
    mstch::array rows;
    for (const RatingSummary& summary : summaries)
        rows.push_back(summary_row(summary));
    mstch::map result{{"id", id},     {"heading", heading},        {"column", column},
                      {"rows", rows}, {"any_rows", !rows.empty()}, {"show_comments", show_comments}};
    if (chart)
        result["chart"] = *chart;
    return result;
}

} // namespace

mstch::map form_view(const std::vector<Question>& questions, const std::string& action, bool saved) {
    mstch::array views;
    for (const Question& question : questions)
        views.push_back(question_view(question, saved));
    return mstch::map{{"questions", views}, {"action", action}};
}

std::vector<Field> fields_from(http::RequestContext& context, const std::vector<Question>& questions) {
    std::vector<Field> fields;
    for (const Question& question : questions) {
        const std::string id = std::to_string(question.item_id);
        fields.push_back({question.item_id, context.form("rating_" + id), context.form("comment_" + id)});
    }
    return fields;
}

std::vector<Question> as_typed(std::vector<Question> questions, const std::vector<Field>& fields) {
    for (std::size_t i = 0; i < questions.size() && i < fields.size(); ++i) {
        const int rating = fields[i].rating.size() == 1 ? fields[i].rating[0] - '0' : 0;
        questions[i].answer = Answer{questions[i].item_id, rating, fields[i].comment};
    }
    return questions;
}

mstch::map distribution_section(const std::string& id, const std::string& heading,
                                const RatingSummary& summary) {
    std::optional<mstch::map> chart;
    if (summary.responses > 0 && !summary.hidden) {
        std::vector<Bar> bars;
        int most = 1;
        for (int rating = 1; rating <= 5; ++rating) {
            bars.push_back(
                {std::to_string(rating) + " · " + kRatingWords[rating - 1], summary.counts[rating - 1], ""});
            most = std::max(most, summary.counts[rating - 1]);
        }
        chart = reports::handlers::bar_chart("chart-" + id, "Ratings given for " + summary.label, bars, most,
                                             false);
    }
    mstch::map result = section(id, heading, "Rating", chart, {summary}, true);
    if (summary.hidden)
        result["hidden_note"] =
            "Fewer than " + std::to_string(summary.smallest) +
            " people have answered, so the ratings and comments stay hidden until more do: "
            "with so few, anyone could be picked out.";
    return result;
}

mstch::map means_section(const std::string& id, const std::string& heading, const std::string& column,
                         const std::string& chart_title, const std::vector<RatingSummary>& summaries,
                         bool show_comments) {
    std::vector<Bar> bars;
    for (const RatingSummary& summary : summaries) {
        if (summary.hidden)
            bars.push_back({summary.label, std::nullopt, hidden_words(summary)});
        else if (summary.responses == 0)
            bars.push_back({summary.label, std::nullopt, "no answers yet"});
        else
            bars.push_back({summary.label, summary.mean, ""});
    }
    return section(id, heading, column,
                   reports::handlers::bar_chart("chart-" + id, chart_title, bars, 5, true), summaries,
                   show_comments);
}

} // namespace trellis::feedback::handlers

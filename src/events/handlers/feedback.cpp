// The feedback survey after a training day and its results, with server-drawn bar charts (inline SVG
// with a data table beside each, so nothing is downloaded and every figure can be read as text).
#include "events/handlers/feedback.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "accounts/permissions.h"
#include "events/handlers/day.h"
#include "http/response.h"

namespace trellis::events::handlers {

namespace {

constexpr const char* kRatingWords[] = {"Poor", "Weak", "Fair", "Good", "Excellent"};
constexpr double kBarArea = 440; // widest bar in the chart's 640-wide box
constexpr int kRowHeight = 44;

std::optional<Event> event_at_feedback(http::RequestContext& context) {
    auto event = event_in(context);
    if (event && event->stage != Stage::Feedback) {
        http::render_error(context, 404, "Feedback on " + event->title + " is not open.");
        return std::nullopt;
    }
    return event;
}

std::string one_place(double value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// `saved` says whether the answer shown is the one stored (not what was just typed and refused).
mstch::map question_view(const SurveyQuestion& question, bool saved) {
    const std::string id = std::to_string(question.offer_id);
    mstch::array choices;
    for (int rating = 1; rating <= 5; ++rating)
        choices.push_back(mstch::map{{"id", "rating-" + id + "-" + std::to_string(rating)},
                                     {"name", "rating_" + id},
                                     {"value", std::to_string(rating)},
                                     {"word", std::string(kRatingWords[rating - 1])},
                                     {"checked", question.answer && question.answer->rating == rating}});
    return mstch::map{{"id", id},
                      {"title", question.title},
                      {"is_day", question.offer_id == 0},
                      {"choices", choices},
                      {"comment", question.answer ? question.answer->comment : std::string()},
                      {"answered", saved && question.answer.has_value()}};
}

void render_survey(http::RequestContext& context, const Event& event,
                   const std::vector<SurveyQuestion>& questions, const std::string& error, bool saved,
                   int status) {
    mstch::array views;
    for (const SurveyQuestion& question : questions)
        views.push_back(question_view(question, error.empty()));
    http::render_page(context, "events/feedback_show", "Feedback: " + event.title,
                      mstch::map{{"title", event.title},
                                 {"date", day_label(event.event_date)},
                                 {"questions", views},
                                 {"any", !views.empty()},
                                 {"error", error},
                                 {"saved", saved},
                                 {"action", "/events/" + std::to_string(event.id) + "/feedback"}},
                      status);
}

// A horizontal bar chart of (label, value) drawn on a 0..`most` scale, with its figures as text. A row
// without a value (nobody answered) draws no bar and says so, rather than a bar of zero.
mstch::map bar_chart(const std::string& id, const std::string& title,
                     const std::vector<std::pair<std::string, std::optional<double>>>& rows, double most,
                     bool means) {
    mstch::array bars;
    int row = 0;
    for (const auto& [label, value] : rows) {
        const int top = row++ * kRowHeight;
        mstch::map bar{{"label", label},
                       {"label_y", std::to_string(top + 14)},
                       {"bar_y", std::to_string(top + 20)},
                       {"value_y", std::to_string(top + 33)},
                       {"has_bar", value.has_value()}};
        if (!value) {
            bar["value"] = std::string("no answers yet");
            bar["value_x"] = std::string("0");
        } else {
            const double width = std::max(most > 0 ? *value / most * kBarArea : 0, 1.0);
            bar["value"] = means ? one_place(*value) : std::to_string(static_cast<int>(*value));
            bar["width"] = one_place(width);
            bar["value_x"] = one_place(width + 8);
        }
        bars.push_back(bar);
    }
    return mstch::map{{"chart_id", id},
                      {"chart_title", title},
                      {"height", std::to_string(row * kRowHeight + 4)},
                      {"bars", bars}};
}

mstch::map summary_row(const RatingSummary& summary) {
    mstch::array counts, comments;
    for (int count : summary.counts)
        counts.push_back(mstch::map{{"count", std::to_string(count)}});
    for (const std::string& comment : summary.comments)
        comments.push_back(mstch::map{{"text", comment}});
    return mstch::map{{"label", summary.label},
                      {"responses", std::to_string(summary.responses)},
                      {"mean", summary.responses ? one_place(summary.mean) : std::string("–")},
                      {"counts", counts},
                      {"comments", comments},
                      {"any_comments", !comments.empty()}};
}

// One part of the results page: a heading, a chart (none when nobody answered), the same figures as a
// table, and comments.
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

mstch::map means_chart(const std::string& id, const std::string& title,
                       const std::vector<RatingSummary>& summaries) {
    std::vector<std::pair<std::string, std::optional<double>>> rows;
    for (const RatingSummary& summary : summaries)
        rows.emplace_back(summary.label,
                          summary.responses ? std::optional<double>(summary.mean) : std::nullopt);
    return bar_chart(id, title, rows, 5, true);
}

// How many gave each rating, for one workshop; no chart of five empty rows when nobody answered.
std::optional<mstch::map> distribution_chart(const std::string& id, const RatingSummary& summary) {
    if (summary.responses == 0)
        return std::nullopt;
    std::vector<std::pair<std::string, std::optional<double>>> rows;
    int most = 1;
    for (int rating = 1; rating <= 5; ++rating) {
        rows.emplace_back(std::to_string(rating) + " · " + kRatingWords[rating - 1],
                          summary.counts[rating - 1]);
        most = std::max(most, summary.counts[rating - 1]);
    }
    return bar_chart(id, "Ratings given for " + summary.label, rows, most, false);
}

} // namespace

void feedback_show(http::RequestContext& context) {
    auto event = event_at_feedback(context);
    if (!event)
        return;
    render_survey(context, *event, context.app.feedback.survey(context.signed_in(), *event), "",
                  context.query("saved") == "1", 200);
}

void feedback_submit(http::RequestContext& context) {
    auto event = event_at_feedback(context);
    if (!event)
        return;
    const auto questions = context.app.feedback.survey(context.signed_in(), *event);
    std::vector<FeedbackField> fields;
    for (const SurveyQuestion& question : questions) {
        const std::string id = std::to_string(question.offer_id);
        fields.push_back({question.offer_id, context.form("rating_" + id), context.form("comment_" + id)});
    }
    try {
        context.app.feedback.submit(context.signed_in(), *event, fields);
    } catch (const std::invalid_argument& problem) {
        // Show what they typed again, so nothing is lost.
        auto typed = questions;
        for (std::size_t i = 0; i < typed.size(); ++i) {
            const int rating = fields[i].rating.size() == 1 ? fields[i].rating[0] - '0' : 0;
            typed[i].answer = FeedbackAnswer{typed[i].offer_id, rating, fields[i].comment};
        }
        return render_survey(context, *event, typed, problem.what(), false, 400);
    }
    http::redirect(context, "/events/" + std::to_string(event->id) + "/feedback?saved=1");
}

void results_show(http::RequestContext& context) {
    auto event = event_at_feedback(context);
    if (!event)
        return;
    const accounts::Actor& actor = context.signed_in();
    const auto scope =
        accounts::may_see_all_feedback(actor) ? ResultsScope::Everything : ResultsScope::OwnWorkshops;
    const FeedbackResults results = context.app.feedback.results(actor, *event, scope);
    if (scope == ResultsScope::OwnWorkshops && results.workshops.empty())
        return http::render_error(
            context, 403, "Feedback is shown to the presenters of workshops and the trust's PD lead.");
    mstch::array sections;
    if (results.everything) {
        sections.push_back(section("day", "The day as a whole", "Rating",
                                   distribution_chart("chart-day", results.day), {results.day}, true));
        sections.push_back(
            section("workshops", "Workshops", "Workshop",
                    means_chart("chart-workshops", "Mean rating by workshop", results.workshops),
                    results.workshops, true));
        sections.push_back(
            section("schools", "Workshop ratings by school", "School",
                    means_chart("chart-schools", "Mean workshop rating by school", results.by_school),
                    results.by_school, false));
        sections.push_back(section(
            "groups", "Workshop ratings by staff group", "Staff group",
            means_chart("chart-groups", "Mean workshop rating by staff group", results.by_staff_group),
            results.by_staff_group, false));
    } else {
        for (std::size_t i = 0; i < results.workshops.size(); ++i) {
            const std::string id = "workshop-" + std::to_string(i + 1);
            sections.push_back(section(id, results.workshops[i].label, "Workshop",
                                       distribution_chart("chart-" + id, results.workshops[i]),
                                       {results.workshops[i]}, true));
        }
    }
    http::render_page(context, "events/results_show", "Feedback results: " + event->title,
                      mstch::map{{"title", event->title},
                                 {"date", day_label(event->event_date)},
                                 {"everything", results.everything},
                                 {"sections", sections}});
}

} // namespace trellis::events::handlers

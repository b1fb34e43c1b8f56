#include "surveys/handlers/views.h"

#include <algorithm>
#include <cmath>

#include "calendar/london_time.h"
#include "db/database.h"
#include "http/request_context.h"
#include "organisations/model.h"
#include "reports/handlers/bar_chart.h"

namespace trellis::surveys::handlers {

namespace {

using reports::handlers::Bar;
using reports::handlers::bar_chart;
using reports::handlers::one_place;

std::string field_name(const Question& question) {
    return "q" + std::to_string(question.id);
}

std::string field_name(const Question& question, std::size_t part) {
    return field_name(question) + "_" + std::to_string(part);
}

bool picked(const Answer* answer, int index) {
    return answer && std::find(answer->picks.begin(), answer->picks.end(), index) != answer->picks.end();
}

// Radio buttons or tick boxes, one per label.
mstch::array choices_of(const std::string& name, const std::vector<std::string>& labels,
                        const Answer* answer) {
    mstch::array choices;
    for (std::size_t i = 0; i < labels.size(); ++i)
        choices.push_back(mstch::map{{"name", name},
                                     {"value", std::to_string(i)},
                                     {"label", labels[i]},
                                     {"input_id", name + "-" + std::to_string(i)},
                                     {"checked", picked(answer, static_cast<int>(i))}});
    return choices;
}

std::vector<std::string> option_labels(const Question& question) {
    std::vector<std::string> labels;
    for (const Option& option : question.options)
        labels.push_back(option.label);
    return labels;
}

mstch::array rank_fields(const Question& question, const Answer* answer) {
    mstch::array fields;
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        std::string rank;
        if (answer)
            if (auto at = std::find(answer->picks.begin(), answer->picks.end(), static_cast<int>(i));
                at != answer->picks.end())
                rank = std::to_string(at - answer->picks.begin() + 1);
        fields.push_back(mstch::map{{"name", field_name(question, i)},
                                    {"input_id", field_name(question, i)},
                                    {"label", question.options[i].label},
                                    {"rank", rank},
                                    {"most", std::to_string(question.options.size())}});
    }
    return fields;
}

mstch::map grid_fields(const Question& question, const Answer* answer) {
    mstch::array scale, rows;
    for (const auto& point : question.scale)
        scale.push_back(mstch::map{{"label", point}});
    for (std::size_t row = 0; row < question.rows.size(); ++row) {
        mstch::array points;
        const std::string name = field_name(question, row);
        for (std::size_t point = 0; point < question.scale.size(); ++point)
            points.push_back(mstch::map{{"name", name},
                                        {"value", std::to_string(point)},
                                        {"label", question.scale[point]},
                                        {"input_id", name + "-" + std::to_string(point)},
                                        {"checked", answer && row < answer->picks.size() &&
                                                        answer->picks[row] == static_cast<int>(point)}});
        rows.push_back(mstch::map{{"label", question.rows[row]}, {"row_id", name}, {"points", points}});
    }
    return mstch::map{{"scale", scale}, {"rows", rows}};
}

std::string percent_of(double percent) {
    return std::to_string(static_cast<int>(std::lround(percent))) + "%";
}

mstch::array tally_rows(const std::vector<Tally>& tallies) {
    mstch::array rows;
    for (const Tally& tally : tallies)
        rows.push_back(mstch::map{{"label", tally.label},
                                  {"count", std::to_string(tally.count)},
                                  {"percent", percent_of(tally.percent)}});
    return rows;
}

mstch::map counts_chart(const std::string& id, const std::string& title, const std::vector<Tally>& tallies) {
    std::vector<Bar> bars;
    double most = 0;
    for (const Tally& tally : tallies) {
        bars.push_back({tally.label, double(tally.count), ""});
        most = std::max(most, double(tally.count));
    }
    return bar_chart(id, title, bars, most, false);
}

void add_ranking(mstch::map& section, const QuestionResult& result, const std::string& id) {
    std::vector<std::size_t> order(result.scores.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return result.scores[a] > result.scores[b]; });
    std::vector<Bar> bars;
    mstch::array rows;
    for (std::size_t i : order) {
        bars.push_back({result.question.options[i].label, result.scores[i], ""});
        rows.push_back(mstch::map{{"label", result.question.options[i].label},
                                  {"score", one_place(result.scores[i])},
                                  {"firsts", std::to_string(result.tallies[i].count)}});
    }
    section["chart"] = bar_chart(
        id, "Mean points (the top place scores " + std::to_string(result.question.options.size()) + ")", bars,
        double(result.question.options.size()), true);
    section["ranking"] = rows;
    section["any_ranking"] = true;
}

void add_grid(mstch::map& section, const QuestionResult& result, const std::string& id) {
    std::vector<Bar> bars;
    mstch::array rows, scale;
    for (const auto& point : result.question.scale)
        scale.push_back(mstch::map{{"label", point}});
    for (std::size_t row = 0; row < result.grid.size(); ++row) {
        const auto& mean = result.row_means[row];
        bars.push_back({result.question.rows[row], mean, "no answers"});
        mstch::array counts;
        for (const Tally& tally : result.grid[row])
            counts.push_back(mstch::map{{"count", std::to_string(tally.count)}});
        rows.push_back(mstch::map{{"label", result.question.rows[row]},
                                  {"counts", counts},
                                  {"mean", mean ? one_place(*mean) : "–"}});
    }
    section["chart"] = bar_chart(id,
                                 "Mean point for each statement (1 = " + result.question.scale.front() +
                                     ", " + std::to_string(result.question.scale.size()) + " = " +
                                     result.question.scale.back() + ")",
                                 bars, double(result.question.scale.size()), true);
    section["grid"] = mstch::map{{"scale", scale}, {"rows", rows}};
}

} // namespace

Filter filter_of(const http::RequestContext& context) {
    Filter filter;
    const std::string school = context.query("school");
    if (school == "central")
        filter.school_id = 0;
    else if (auto id = http::parse_id(school))
        filter.school_id = *id;
    filter.staff_group = people::staff_group_from_text(context.query("group"));
    const std::string phase = context.query("phase");
    if (organisations::is_known_phase(phase))
        filter.phase = phase;
    return filter;
}

std::string groups_label(const std::vector<people::StaffGroup>& groups) {
    if (groups.empty())
        return "everyone";
    std::string label;
    for (const auto group : groups)
        label += (label.empty() ? "" : ", ") + people::label_of(group);
    return label;
}

mstch::array question_fields(const std::vector<Question>& questions, const Answers& answers) {
    mstch::array fields;
    std::size_t number = 0;
    for (const Question& question : questions) {
        const auto found = answers.find(question.id);
        const Answer* answer = found == answers.end() ? nullptr : &found->second;
        const std::string name = field_name(question);
        mstch::map field{{"id", std::to_string(question.id)},
                         {"number", std::to_string(++number)},
                         {"prompt", question.prompt},
                         {"help", question.help},
                         {"name", name}};
        switch (question.kind) {
        case QuestionKind::Rating:
            field["choices"] = choices_of(name, question.scale, answer);
            field["is_single"] = true;
            break;
        case QuestionKind::Single:
            field["choices"] = choices_of(name, option_labels(question), answer);
            field["is_single"] = true;
            break;
        case QuestionKind::Multiple:
            field["choices"] = choices_of(name, option_labels(question), answer);
            field["is_multiple"] = true;
            break;
        case QuestionKind::Rank:
            field["ranks"] = rank_fields(question, answer);
            field["is_rank"] = true;
            break;
        case QuestionKind::Grid:
            field["grid"] = grid_fields(question, answer);
            field["is_grid"] = true;
            break;
        case QuestionKind::Text:
            field["text"] = answer ? answer->text : std::string();
            field["is_text"] = true;
            break;
        }
        fields.push_back(field);
    }
    return fields;
}

std::map<long long, TypedAnswer> typed_answers(const http::RequestContext& context,
                                               const std::vector<Question>& questions) {
    std::map<long long, TypedAnswer> typed;
    for (const Question& question : questions) {
        TypedAnswer& values = typed[question.id];
        switch (question.kind) {
        case QuestionKind::Multiple:
            values.values = context.form_all(field_name(question));
            break;
        case QuestionKind::Rank:
            for (std::size_t i = 0; i < question.options.size(); ++i)
                values.values.push_back(context.form(field_name(question, i)));
            break;
        case QuestionKind::Grid:
            for (std::size_t row = 0; row < question.rows.size(); ++row)
                values.values.push_back(context.form(field_name(question, row)));
            break;
        default:
            values.values = {context.form(field_name(question))};
        }
    }
    return typed;
}

Answers with_typed(Answers kept, const std::vector<Question>& questions,
                   const std::map<long long, TypedAnswer>& typed) {
    for (const Question& question : questions)
        if (auto found = typed.find(question.id); found != typed.end()) {
            try {
                kept[question.id] = answer_from(question, found->second);
            } catch (const std::invalid_argument&) {
                // Left as it was: the message at the top says which question to look at.
            }
        }
    return kept;
}

mstch::map result_section(const QuestionResult& result, std::size_t number) {
    const std::string id = "question-" + std::to_string(result.question.id);
    mstch::map section{{"id", id},
                       {"number", std::to_string(number)},
                       {"prompt", result.question.prompt},
                       {"kind", label_of(result.question.kind)},
                       {"asked_of", groups_label(result.question.groups)},
                       {"answered", std::to_string(result.answered)},
                       {"hidden", result.hidden}};
    if (result.hidden)
        return section;
    switch (result.question.kind) {
    case QuestionKind::Rating:
        section["chart"] = counts_chart(id + "-chart", "How many chose each point", result.tallies);
        section["tallies"] = tally_rows(result.tallies);
        section["any_tallies"] = true;
        section["mean"] =
            result.mean ? one_place(*result.mean) + " of " + std::to_string(result.question.scale.size())
                        : std::string("–");
        break;
    case QuestionKind::Single:
    case QuestionKind::Multiple:
        section["chart"] = counts_chart(id + "-chart", "How many chose each option", result.tallies);
        section["tallies"] = tally_rows(result.tallies);
        section["any_tallies"] = true;
        break;
    case QuestionKind::Rank:
        add_ranking(section, result, id + "-chart");
        break;
    case QuestionKind::Grid:
        add_grid(section, result, id + "-chart");
        break;
    case QuestionKind::Text: {
        mstch::array texts;
        for (const auto& text : result.texts)
            if (!text.empty())
                texts.push_back(mstch::map{{"text", text}});
        section["texts"] = texts;
        section["any_texts"] = !texts.empty();
        section["text_count"] = std::to_string(texts.size());
        break;
    }
    }
    return section;
}

} // namespace trellis::surveys::handlers

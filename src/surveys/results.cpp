#include "surveys/results.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "people/staff_csv.h"

namespace trellis::surveys {

namespace {

enum class Dimension { School, StaffGroup, Phase };

// The respondent's value along a dimension, as a key siblings are grouped by.
std::string key_of(const Respondent& respondent, Dimension dimension) {
    switch (dimension) {
    case Dimension::School:
        return std::to_string(respondent.school_id);
    case Dimension::StaffGroup:
        return people::text_of(respondent.staff_group);
    case Dimension::Phase:
        return "phase:" + respondent.phase;
    }
    return "";
}

std::string key_of(const Filter& filter, Dimension dimension) {
    switch (dimension) {
    case Dimension::School:
        return std::to_string(filter.school_id);
    case Dimension::StaffGroup:
        return people::text_of(*filter.staff_group);
    case Dimension::Phase:
        return "phase:" + filter.phase;
    }
    return "";
}

Filter without(Filter filter, Dimension dimension) {
    switch (dimension) {
    case Dimension::School:
        filter.school_id = -1;
        break;
    case Dimension::StaffGroup:
        filter.staff_group.reset();
        break;
    case Dimension::Phase:
        filter.phase.clear();
        break;
    }
    return filter;
}

bool fixes(const Filter& filter, Dimension dimension) {
    switch (dimension) {
    case Dimension::School:
        return filter.school_id >= 0;
    case Dimension::StaffGroup:
        return filter.staff_group.has_value();
    case Dimension::Phase:
        return !filter.phase.empty();
    }
    return false;
}

// The sibling views withheld along one dimension: those under `smallest`, then the smallest of the
// rest until the withheld add up to at least `smallest`, so that the parent minus the shown ones
// never leaves a small group.
std::map<std::string, bool> withheld_siblings(const std::map<std::string, int>& counts, int smallest) {
    std::map<std::string, bool> withheld;
    int withheld_sum = 0;
    for (const auto& [key, count] : counts) {
        withheld[key] = reports::too_small(count, smallest);
        withheld_sum += withheld[key] ? count : 0;
    }
    while (withheld_sum > 0 && withheld_sum < smallest) {
        const std::string* next = nullptr;
        for (const auto& [key, count] : counts)
            if (!withheld[key] && count > 0 && (!next || count < counts.at(*next)))
                next = &key;
        if (!next)
            break;
        withheld[*next] = true;
        withheld_sum += counts.at(*next);
    }
    return withheld;
}

std::vector<Tally> tallies_of(const std::vector<std::string>& labels, const std::vector<int>& counts,
                              int total) {
    std::vector<Tally> tallies;
    for (std::size_t i = 0; i < labels.size(); ++i)
        tallies.push_back({labels[i], counts[i], total ? 100.0 * counts[i] / total : 0.0});
    return tallies;
}

std::vector<std::string> labels_of(const std::vector<Option>& options) {
    std::vector<std::string> labels;
    for (const Option& option : options)
        labels.push_back(option.label);
    return labels;
}

bool in_range(int pick, std::size_t size) {
    return pick >= 0 && static_cast<std::size_t>(pick) < size;
}

void sum_choices(QuestionResult& result, const std::vector<const Answer*>& answers) {
    const Question& question = result.question;
    const bool scaled = question.kind == QuestionKind::Rating;
    const std::size_t size = scaled ? question.scale.size() : question.options.size();
    std::vector<int> counts(size, 0);
    std::vector<double> points(size, 0);
    double point_sum = 0;
    for (const Answer* answer : answers)
        for (std::size_t place = 0; place < answer->picks.size(); ++place) {
            const int pick = answer->picks[place];
            if (!in_range(pick, size))
                continue;
            if (question.kind == QuestionKind::Rank) {
                points[pick] += static_cast<double>(size - place);
                counts[pick] += place == 0 ? 1 : 0;
            } else {
                ++counts[pick];
                point_sum += pick + 1;
            }
        }
    result.tallies =
        tallies_of(scaled ? question.scale : labels_of(question.options), counts, result.answered);
    if (scaled && result.answered)
        result.mean = point_sum / result.answered;
    if (question.kind == QuestionKind::Rank)
        for (double total : points)
            result.scores.push_back(result.answered ? total / result.answered : 0.0);
}

void sum_grid(QuestionResult& result, const std::vector<const Answer*>& answers) {
    const Question& question = result.question;
    for (std::size_t row = 0; row < question.rows.size(); ++row) {
        std::vector<int> counts(question.scale.size(), 0);
        int rated = 0, point_sum = 0;
        for (const Answer* answer : answers)
            if (row < answer->picks.size() && in_range(answer->picks[row], question.scale.size())) {
                ++counts[answer->picks[row]];
                ++rated;
                point_sum += answer->picks[row] + 1;
            }
        result.grid.push_back(tallies_of(question.scale, counts, rated));
        result.row_means.push_back(rated ? std::optional<double>(double(point_sum) / rated) : std::nullopt);
    }
}

} // namespace

std::vector<Respondent> respondents_of(const std::vector<Response>& responses) {
    std::vector<Respondent> respondents;
    for (const Response& response : responses)
        respondents.push_back(response.respondent);
    return respondents;
}

bool Filter::matches(const Respondent& respondent) const {
    return (school_id < 0 || respondent.school_id == school_id) &&
           (!staff_group || respondent.staff_group == *staff_group) &&
           (phase.empty() || respondent.phase == phase);
}

bool view_allowed(const std::vector<Respondent>& respondents, const Filter& filter, int smallest) {
    const auto in_view =
        std::count_if(respondents.begin(), respondents.end(),
                      [&](const Respondent& respondent) { return filter.matches(respondent); });
    if (in_view < smallest)
        return false;
    for (Dimension dimension : {Dimension::School, Dimension::StaffGroup, Dimension::Phase}) {
        if (!fixes(filter, dimension))
            continue;
        const Filter parent = without(filter, dimension);
        std::map<std::string, int> siblings;
        for (const Respondent& respondent : respondents)
            if (parent.matches(respondent))
                ++siblings[key_of(respondent, dimension)];
        if (withheld_siblings(siblings, smallest)[key_of(filter, dimension)])
            return false;
    }
    return true;
}

Results results_of(const std::vector<Question>& questions, const std::vector<Response>& responses,
                   const Filter& filter, int smallest) {
    const std::vector<Respondent> respondents = respondents_of(responses);
    Results results;
    results.smallest = smallest;
    for (const Response& response : responses)
        results.responses += filter.matches(response.respondent) ? 1 : 0;
    results.hidden = !view_allowed(respondents, filter, smallest);
    for (const Question& question : questions) {
        QuestionResult result{question};
        std::vector<const Answer*> answers;
        for (const Response& response : responses)
            if (filter.matches(response.respondent))
                if (auto found = response.answers.find(question.id); found != response.answers.end())
                    answers.push_back(&found->second);
        result.answered = static_cast<int>(answers.size());
        result.hidden = results.hidden || reports::too_small(result.answered, smallest);
        if (!result.hidden) {
            if (question.kind == QuestionKind::Grid)
                sum_grid(result, answers);
            else if (question.kind == QuestionKind::Text) {
                for (const Answer* answer : answers)
                    result.texts.push_back(answer->text);
                std::sort(result.texts.begin(), result.texts.end());
            } else
                sum_choices(result, answers);
        }
        results.questions.push_back(std::move(result));
    }
    return results;
}

namespace {

std::string csv_line(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i)
        line += (i ? "," : "") + people::csv_field(fields[i]);
    return line + "\r\n";
}

std::string rounded(double value, int places) {
    const double scale = std::pow(10.0, places);
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", places, std::round(value * scale) / scale);
    return text;
}

} // namespace

std::string csv_of(const Results& results, const std::string& view_label) {
    std::string csv = csv_line({"View", view_label});
    csv += csv_line({"Question", "Statement", "Answer", "Count", "Percent or mean"});
    const std::string withheld = reports::fewer_than(results.smallest, "answers");
    for (const QuestionResult& result : results.questions) {
        const std::string& prompt = result.question.prompt;
        if (result.hidden) {
            csv += csv_line({prompt, "", withheld, "", ""});
            continue;
        }
        switch (result.question.kind) {
        case QuestionKind::Text:
            csv += csv_line({prompt, "", "free text (not exported)", std::to_string(result.answered), ""});
            break;
        case QuestionKind::Grid:
            for (std::size_t row = 0; row < result.grid.size(); ++row) {
                for (const Tally& tally : result.grid[row])
                    csv += csv_line({prompt, result.question.rows[row], tally.label,
                                     std::to_string(tally.count), rounded(tally.percent, 1)});
                if (result.row_means[row])
                    csv += csv_line({prompt, result.question.rows[row], "mean point", "",
                                     rounded(*result.row_means[row], 2)});
            }
            break;
        case QuestionKind::Rank:
            for (std::size_t i = 0; i < result.tallies.size(); ++i)
                csv += csv_line({prompt, "", result.tallies[i].label, std::to_string(result.tallies[i].count),
                                 rounded(result.scores[i], 2)});
            break;
        default:
            for (const Tally& tally : result.tallies)
                csv += csv_line(
                    {prompt, "", tally.label, std::to_string(tally.count), rounded(tally.percent, 1)});
            if (result.mean)
                csv += csv_line({prompt, "", "mean point", "", rounded(*result.mean, 2)});
        }
    }
    return csv;
}

} // namespace trellis::surveys

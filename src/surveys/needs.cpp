#include "surveys/needs.h"

#include <algorithm>

namespace trellis::surveys {

namespace {

// The answers to one question in the view.
std::vector<const Answer*> answers_to(const Question& question, const std::vector<Response>& responses,
                                      const Filter& filter) {
    std::vector<const Answer*> answers;
    for (const Response& response : responses)
        if (filter.matches(response.respondent))
            if (auto found = response.answers.find(question.id); found != response.answers.end())
                answers.push_back(&found->second);
    return answers;
}

// An option's need: the share who chose it, or for a ranking its mean points over the most possible.
double option_need(const Question& question, std::size_t option, const std::vector<const Answer*>& answers) {
    double total = 0;
    for (const Answer* answer : answers) {
        const auto at = std::find(answer->picks.begin(), answer->picks.end(), static_cast<int>(option));
        if (at == answer->picks.end())
            continue;
        total +=
            question.kind == QuestionKind::Rank
                ? double(question.options.size() - (at - answer->picks.begin())) / question.options.size()
                : 1.0;
    }
    return total / answers.size();
}

// A whole question's need: the share of points given in the lower half of the scale.
double low_share(const Question& question, const std::vector<const Answer*>& answers) {
    const int lower_half = static_cast<int>(question.scale.size()) / 2; // points below this index
    int low = 0, given = 0;
    for (const Answer* answer : answers)
        for (int pick : answer->picks)
            if (pick >= 0) {
                ++given;
                low += pick < lower_half ? 1 : 0;
            }
    return given ? double(low) / given : 0.0;
}

} // namespace

std::map<long long, double> needs_in(const std::vector<Question>& questions,
                                     const std::vector<Response>& responses, const Filter& filter) {
    std::map<long long, std::pair<double, int>> sums; // priority: total need, items
    for (const Question& question : questions) {
        const bool tagged = question.priority_id != 0 ||
                            std::any_of(question.options.begin(), question.options.end(),
                                        [](const Option& option) { return option.priority_id != 0; });
        if (!tagged)
            continue;
        const auto answers = answers_to(question, responses, filter);
        if (answers.empty())
            continue;
        if (question.priority_id != 0 &&
            (question.kind == QuestionKind::Rating || question.kind == QuestionKind::Grid)) {
            auto& sum = sums[question.priority_id];
            sum.first += low_share(question, answers);
            ++sum.second;
        }
        for (std::size_t option = 0; option < question.options.size(); ++option)
            if (const long long priority = question.options[option].priority_id; priority != 0) {
                auto& sum = sums[priority];
                sum.first += option_need(question, option, answers);
                ++sum.second;
            }
    }
    std::map<long long, double> needs;
    for (const auto& [priority, sum] : sums)
        needs[priority] = sum.first / sum.second;
    return needs;
}

NeedTable needs_by(const std::vector<Question>& questions, const std::vector<Response>& responses,
                   const std::vector<long long>& priority_ids, const std::vector<NeedColumn>& columns,
                   int smallest) {
    const std::vector<Respondent> respondents = respondents_of(responses);
    NeedTable table;
    table.priority_ids = priority_ids;
    table.cells.assign(priority_ids.size(), std::vector<std::optional<double>>(columns.size()));
    for (std::size_t column = 0; column < columns.size(); ++column) {
        table.columns.push_back(columns[column].label);
        const bool hidden = !view_allowed(respondents, columns[column].filter, smallest);
        table.hidden.push_back(hidden);
        if (hidden)
            continue;
        const auto needs = needs_in(questions, responses, columns[column].filter);
        for (std::size_t row = 0; row < priority_ids.size(); ++row)
            if (auto found = needs.find(priority_ids[row]); found != needs.end())
                table.cells[row][column] = found->second;
    }
    return table;
}

std::vector<UntaggedOption> popular_untagged(const std::vector<Question>& questions,
                                             const std::vector<Response>& responses, std::size_t limit,
                                             int smallest) {
    std::vector<UntaggedOption> options;
    for (const Question& question : questions) {
        if (question.kind != QuestionKind::Single && question.kind != QuestionKind::Multiple &&
            question.kind != QuestionKind::Rank)
            continue;
        const auto answers = answers_to(question, responses, Filter{});
        if (reports::too_small(static_cast<int>(answers.size()), smallest) || answers.empty())
            continue;
        for (std::size_t option = 0; option < question.options.size(); ++option)
            if (question.options[option].priority_id == 0)
                options.push_back({question.id, option, question.options[option].label,
                                   option_need(question, option, answers), static_cast<int>(answers.size())});
    }
    std::stable_sort(options.begin(), options.end(),
                     [](const UntaggedOption& a, const UntaggedOption& b) { return a.share > b.share; });
    if (options.size() > limit)
        options.resize(limit);
    return options;
}

} // namespace trellis::surveys

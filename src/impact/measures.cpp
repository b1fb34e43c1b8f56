#include "impact/measures.h"

#include <map>

namespace trellis::impact {

namespace {

struct Sums {
    std::vector<double> total;
    std::vector<int> count;
    explicit Sums(std::size_t rows) : total(rows), count(rows) {}
    std::optional<double> mean(std::size_t row) const {
        return count[row] ? std::optional<double>(total[row] / count[row]) : std::nullopt;
    }
};

// Points are 1 (the lowest) up; -1 (skipped) and anything off the scale count nothing.
std::optional<int> point(const surveys::Answer& answer, std::size_t row, std::size_t scale) {
    if (row >= answer.picks.size() || answer.picks[row] < 0 ||
        static_cast<std::size_t>(answer.picks[row]) >= scale)
        return std::nullopt;
    return answer.picks[row] + 1;
}

const surveys::Answer* answer_to(const surveys::Response& response, long long question_id) {
    const auto found = response.answers.find(question_id);
    return found == response.answers.end() ? nullptr : &found->second;
}

} // namespace

const surveys::Question* confidence_grid(const std::vector<surveys::Question>& questions) {
    for (const auto& question : questions)
        if (question.kind == surveys::QuestionKind::Grid)
            return &question;
    return nullptr;
}

Learning learning_of(const surveys::Question& before_grid, const std::vector<surveys::Response>& before,
                     const surveys::Question& after_grid, const std::vector<surveys::Response>& after,
                     const surveys::Filter& filter, int smallest) {
    Learning learning;
    const std::size_t rows = std::min(before_grid.rows.size(), after_grid.rows.size());
    Sums before_sums(rows), after_sums(rows), change_sums(rows);
    std::map<std::string, const surveys::Answer*> before_by_key;
    for (const auto& response : before)
        if (filter.matches(response.respondent))
            if (const auto* answer = answer_to(response, before_grid.id)) {
                ++learning.before_answers;
                for (std::size_t row = 0; row < rows; ++row)
                    if (auto given = point(*answer, row, before_grid.scale.size())) {
                        before_sums.total[row] += *given;
                        ++before_sums.count[row];
                    }
                if (!response.match_key.empty())
                    before_by_key[response.match_key] = answer;
            }
    for (const auto& response : after)
        if (filter.matches(response.respondent))
            if (const auto* answer = answer_to(response, after_grid.id)) {
                ++learning.after_answers;
                const auto paired =
                    response.match_key.empty() ? before_by_key.end() : before_by_key.find(response.match_key);
                learning.matched += paired != before_by_key.end() ? 1 : 0;
                for (std::size_t row = 0; row < rows; ++row) {
                    const auto given = point(*answer, row, after_grid.scale.size());
                    if (!given)
                        continue;
                    after_sums.total[row] += *given;
                    ++after_sums.count[row];
                    if (paired != before_by_key.end())
                        if (auto earlier = point(*paired->second, row, before_grid.scale.size())) {
                            change_sums.total[row] += *given - *earlier;
                            ++change_sums.count[row];
                        }
                }
            }
    // Both surveys' views must be showable, each under the rule for its own respondents.
    auto withheld = [&](const std::vector<surveys::Response>& responses, int answers) {
        return answers > 0 && (reports::too_small(answers, smallest) ||
                               !surveys::view_allowed(surveys::respondents_of(responses), filter, smallest));
    };
    learning.hidden = withheld(before, learning.before_answers) || withheld(after, learning.after_answers);
    learning.change_hidden = learning.hidden || learning.matched < smallest;
    for (std::size_t row = 0; row < rows; ++row) {
        LearningRow line{after_grid.rows[row], std::nullopt, std::nullopt, std::nullopt};
        if (!learning.hidden) {
            line.before = before_sums.mean(row);
            line.after = after_sums.mean(row);
        }
        if (!learning.change_hidden)
            line.change = change_sums.mean(row);
        learning.rows.push_back(line);
    }
    return learning;
}

std::vector<Term> terms_of_year(int starts_in) {
    const std::string autumn = std::to_string(starts_in), rest = std::to_string(starts_in + 1);
    return {{autumn + "-autumn", "Autumn " + autumn},
            {rest + "-spring", "Spring " + rest},
            {rest + "-summer", "Summer " + rest}};
}

std::string term_label(const std::string& key) {
    if (key.size() < 6 || key[4] != '-')
        return "";
    const std::string year = key.substr(0, 4), season = key.substr(5);
    if (year.find_first_not_of("0123456789") != std::string::npos)
        return "";
    if (season == "autumn")
        return "Autumn " + year;
    if (season == "spring")
        return "Spring " + year;
    if (season == "summer")
        return "Summer " + year;
    return "";
}

} // namespace trellis::impact

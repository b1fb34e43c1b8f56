#include "surveys/side_by_side.h"

#include <algorithm>

namespace trellis::surveys {

namespace {

bool asked_of_both(const Question& question) {
    if (question.kind != QuestionKind::Grid || !question.asked_of(people::StaffGroup::Leader))
        return false;
    for (auto group : {people::StaffGroup::Teacher, people::StaffGroup::Ect, people::StaffGroup::Support})
        if (question.asked_of(group))
            return true;
    return false;
}

// Sums of points and counts per statement on one side.
struct Side {
    int answered = 0;
    std::vector<double> sums;
    std::vector<int> counts;
};

std::optional<double> mean_of(const Side& side, std::size_t row, bool hidden) {
    if (hidden || side.counts[row] == 0)
        return std::nullopt;
    return side.sums[row] / side.counts[row];
}

} // namespace

std::vector<SideBySide> side_by_side(const std::vector<Question>& questions,
                                     const std::vector<Response>& responses, int smallest,
                                     long long school_id) {
    std::vector<SideBySide> comparisons;
    for (const Question& question : questions) {
        if (!asked_of_both(question))
            continue;
        Side leaders{0, std::vector<double>(question.rows.size()), std::vector<int>(question.rows.size())};
        Side staff = leaders;
        for (const Response& response : responses) {
            if (school_id >= 0 && response.respondent.school_id != school_id)
                continue;
            const auto answer = response.answers.find(question.id);
            if (answer == response.answers.end())
                continue;
            Side& side = response.respondent.staff_group == people::StaffGroup::Leader ? leaders : staff;
            ++side.answered;
            for (std::size_t row = 0; row < answer->second.picks.size() && row < question.rows.size(); ++row)
                if (const int pick = answer->second.picks[row];
                    pick >= 0 && static_cast<std::size_t>(pick) < question.scale.size()) {
                    side.sums[row] += pick + 1;
                    ++side.counts[row];
                }
        }
        // Either side too small hides both: the other beside the whole view's figures would give it away.
        const bool small =
            reports::too_small(leaders.answered, smallest) || reports::too_small(staff.answered, smallest);
        SideBySide comparison{question.id, question.prompt, leaders.answered, staff.answered, small, small,
                              {}};
        for (std::size_t row = 0; row < question.rows.size(); ++row) {
            SideBySideRow line{question.rows[row], mean_of(leaders, row, comparison.leaders_hidden),
                               mean_of(staff, row, comparison.staff_hidden), std::nullopt};
            if (line.leaders && line.staff)
                line.gap = *line.leaders - *line.staff;
            comparison.rows.push_back(line);
        }
        std::stable_sort(comparison.rows.begin(), comparison.rows.end(),
                         [](const SideBySideRow& a, const SideBySideRow& b) {
                             return a.gap.value_or(-100) > b.gap.value_or(-100);
                         });
        comparisons.push_back(std::move(comparison));
    }
    return comparisons;
}

} // namespace trellis::surveys

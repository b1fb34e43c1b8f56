#include "surveys/questions.h"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <stdexcept>

#include "text/words.h"

namespace trellis::surveys {

namespace {

constexpr std::pair<QuestionKind, const char*> kKindNames[] = {
    {QuestionKind::Rating, "rating"}, {QuestionKind::Single, "single"}, {QuestionKind::Multiple, "multiple"},
    {QuestionKind::Rank, "rank"},     {QuestionKind::Grid, "grid"},     {QuestionKind::Text, "text"}};

void check_lines(const std::vector<std::string>& lines, const std::string& what, std::size_t fewest) {
    if (lines.size() < fewest)
        throw std::invalid_argument("Give at least " + std::to_string(fewest) + " " + what +
                                    ", one per line.");
    if (lines.size() > kMaxOptions)
        throw std::invalid_argument("Give at most " + std::to_string(kMaxOptions) + " " + what + ".");
    for (const auto& line : lines)
        if (line.size() > 200)
            throw std::invalid_argument("Keep each of the " + what + " under 200 characters.");
}

// An index typed into a form, or nullopt when blank; throws when it is not one of `count`.
std::optional<int> index_in(const std::string& typed, std::size_t count) {
    const std::string value = text::trimmed(typed);
    if (value.empty())
        return std::nullopt;
    int index = -1;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
    if (error != std::errc() || end != value.data() + value.size() || index < 0 ||
        static_cast<std::size_t>(index) >= count)
        throw std::invalid_argument("That is not one of the answers offered.");
    return index;
}

const std::string& only_value(const TypedAnswer& typed) {
    static const std::string blank;
    return typed.values.empty() ? blank : typed.values.front();
}

Answer ranking_from(const Question& question, const TypedAnswer& typed) {
    // Ranks are typed beside each option; the answer lists option indexes in rank order.
    std::vector<std::pair<int, int>> ranked; // rank, option
    for (std::size_t option = 0; option < typed.values.size() && option < question.options.size(); ++option)
        if (auto rank = index_in(typed.values[option], question.options.size() + 1)) {
            if (*rank == 0)
                throw std::invalid_argument("Ranks start at 1.");
            ranked.emplace_back(*rank, static_cast<int>(option));
        }
    std::sort(ranked.begin(), ranked.end());
    Answer answer{question.id, {}, {}};
    for (std::size_t place = 0; place < ranked.size(); ++place) {
        if (ranked[place].first != static_cast<int>(place) + 1)
            throw std::invalid_argument("Number your choices 1, 2, 3 … without using a number twice or "
                                        "leaving one out.");
        answer.picks.push_back(ranked[place].second);
    }
    return answer;
}

Answer grid_from(const Question& question, const TypedAnswer& typed) {
    Answer answer{question.id, std::vector<int>(question.rows.size(), -1), {}};
    bool any = false;
    for (std::size_t row = 0; row < typed.values.size() && row < question.rows.size(); ++row)
        if (auto point = index_in(typed.values[row], question.scale.size())) {
            answer.picks[row] = *point;
            any = true;
        }
    if (!any)
        answer.picks.clear();
    return answer;
}

} // namespace

std::optional<QuestionKind> question_kind_from_text(const std::string& text) {
    for (const auto& [kind, name] : kKindNames)
        if (text == name)
            return kind;
    return std::nullopt;
}

std::string text_of(QuestionKind kind) {
    for (const auto& [known, name] : kKindNames)
        if (known == kind)
            return name;
    return "text";
}

std::string label_of(QuestionKind kind) {
    switch (kind) {
    case QuestionKind::Rating:
        return "Rating scale";
    case QuestionKind::Single:
        return "Single choice";
    case QuestionKind::Multiple:
        return "Multiple choice";
    case QuestionKind::Rank:
        return "Rank these";
    case QuestionKind::Grid:
        return "Confidence grid";
    case QuestionKind::Text:
        return "Free text";
    }
    return "Free text";
}

bool Question::asked_of(people::StaffGroup group) const {
    return groups.empty() || std::find(groups.begin(), groups.end(), group) != groups.end();
}

std::vector<std::string> default_scale() {
    return {"Not at all confident", "Slightly confident", "Fairly confident", "Confident", "Very confident"};
}

Question question_from(const QuestionForm& form, const std::set<long long>& priorities) {
    Question question;
    const auto kind = question_kind_from_text(form.kind);
    if (!kind)
        throw std::invalid_argument("Choose what kind of question this is.");
    question.kind = *kind;
    question.prompt = text::trimmed(form.prompt);
    question.help = text::trimmed(form.help);
    if (question.prompt.empty())
        throw std::invalid_argument("Write the question.");
    if (question.prompt.size() > kMaxPrompt || question.help.size() > 1000)
        throw std::invalid_argument("Keep the question under 500 characters and its help under 1,000.");
    if (kind == QuestionKind::Single || kind == QuestionKind::Multiple || kind == QuestionKind::Rank) {
        const auto labels = text::lines_of(form.options);
        check_lines(labels, "options", 2);
        for (const auto& label : labels)
            question.options.push_back({label, 0});
    }
    if (kind == QuestionKind::Grid) {
        question.rows = text::lines_of(form.rows);
        check_lines(question.rows, "statements", 1);
    }
    if (kind == QuestionKind::Rating || kind == QuestionKind::Grid) {
        question.scale = text::lines_of(form.scale);
        if (question.scale.empty())
            question.scale = default_scale();
        check_lines(question.scale, "points on the scale", 2);
    }
    question.groups = people::staff_groups_from_text(text::joined(form.groups));
    if (question.groups.size() != form.groups.size())
        throw std::invalid_argument("Choose staff groups from the list.");
    if (!form.priority_id.empty() && form.priority_id != "0") {
        long long id = 0;
        std::from_chars(form.priority_id.data(), form.priority_id.data() + form.priority_id.size(), id);
        if (!priorities.count(id))
            throw std::invalid_argument("Choose a priority from the list.");
        question.priority_id = id;
    }
    return question;
}

QuestionForm form_of(const Question& question) {
    QuestionForm form;
    form.kind = text_of(question.kind);
    form.prompt = question.prompt;
    form.help = question.help;
    for (const auto& option : question.options)
        form.options += option.label + "\n";
    for (const auto& row : question.rows)
        form.rows += row + "\n";
    for (const auto& point : question.scale)
        form.scale += point + "\n";
    for (const auto group : question.groups)
        form.groups.push_back(people::text_of(group));
    form.priority_id = std::to_string(question.priority_id);
    return form;
}

Answer answer_from(const Question& question, const TypedAnswer& typed) {
    Answer answer{question.id, {}, {}};
    switch (question.kind) {
    case QuestionKind::Rating:
        if (auto point = index_in(only_value(typed), question.scale.size()))
            answer.picks = {*point};
        return answer;
    case QuestionKind::Single:
        if (auto option = index_in(only_value(typed), question.options.size()))
            answer.picks = {*option};
        return answer;
    case QuestionKind::Multiple:
        for (const auto& value : typed.values)
            if (auto option = index_in(value, question.options.size());
                option && std::find(answer.picks.begin(), answer.picks.end(), *option) == answer.picks.end())
                answer.picks.push_back(*option);
        std::sort(answer.picks.begin(), answer.picks.end());
        return answer;
    case QuestionKind::Rank:
        return ranking_from(question, typed);
    case QuestionKind::Grid:
        return grid_from(question, typed);
    case QuestionKind::Text:
        answer.text = text::trimmed(only_value(typed));
        if (answer.text.size() > kMaxTextAnswer)
            throw std::invalid_argument("Keep your answer under 4,000 characters.");
        return answer;
    }
    return answer;
}

std::string text_of_picks(const std::vector<int>& picks) {
    std::string text;
    for (std::size_t i = 0; i < picks.size(); ++i)
        text += (i ? "," : "") + std::to_string(picks[i]);
    return text;
}

std::vector<int> picks_from_text(const std::string& text) {
    std::vector<int> picks;
    for (const auto& part : text::split_commas(text)) {
        int value = 0;
        if (std::from_chars(part.data(), part.data() + part.size(), value).ec == std::errc())
            picks.push_back(value);
    }
    return picks;
}

} // namespace trellis::surveys

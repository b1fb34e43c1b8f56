// The blocks that ask the learner something: quiz, sort and reflection.

#include <algorithm>

#include "learning/content/block_reader.h"
#include "learning/content/markdown.h"

namespace trellis::learning::content {

QuizBlock parse_quiz(BlockReader& reader) {
    QuizBlock quiz;
    const BlockLines lines = reader.read_lines({"question", "multiple"}, true);
    quiz.question = reader.required(lines, "question");
    quiz.question_html = render_inline_markdown(quiz.question);
    const auto multiple = lines.fields.find("multiple");
    if (multiple != lines.fields.end()) {
        if (multiple->second.value == "true")
            quiz.multiple = true;
        else if (multiple->second.value != "false")
            reader.report(multiple->second.line, "'multiple:' must be true or false");
    }
    int correct = 0;
    for (const SourceLine& item : lines.items) {
        const std::string& text = item.text;
        if (text.starts_with("[X]")) {
            reader.report(item.number, "write the correct-answer box as lowercase [x]");
            continue;
        }
        if (!(text.starts_with("[x] ") || text.starts_with("[ ] "))) {
            reader.report(item.number, "bad option line '- " + text +
                                           "' (want '- [x] text | feedback' or '- [ ] text | feedback')");
            continue;
        }
        QuizOption option;
        option.correct = text[1] == 'x';
        const std::string rest = text.substr(4);
        if (auto parts = split_first(rest, " | ")) {
            option.text = parts->first;
            option.feedback = parts->second;
        } else {
            option.text = trim(rest);
        }
        if (option.text.empty()) {
            reader.report(item.number, "an option needs text after its box");
            continue;
        }
        option.text_html = render_inline_markdown(option.text);
        option.feedback_html = option.feedback.empty() ? std::string{} : render_markdown(option.feedback);
        correct += option.correct ? 1 : 0;
        quiz.options.push_back(std::move(option));
    }
    if (lines.items.size() < 2)
        reader.report("a quiz needs at least 2 options");
    if (correct == 0)
        reader.report("a quiz needs a correct answer: mark at least one option [x]");
    else if (!quiz.multiple && correct > 1)
        reader.report("a quiz with several [x] options needs 'multiple: true' (it has " +
                      std::to_string(correct) + " correct options)");
    return quiz;
}

SortBlock parse_sort(BlockReader& reader) {
    SortBlock sort;
    const BlockLines lines = reader.read_lines({"prompt", "mode", "groups", "feedback"}, true);
    sort.prompt = reader.required(lines, "prompt");
    sort.prompt_html = render_inline_markdown(sort.prompt);
    sort.feedback = reader.required(lines, "feedback");
    sort.feedback_html = render_markdown(sort.feedback);
    const std::string mode = reader.required(lines, "mode");
    if (!mode.empty() && mode != "order" && mode != "groups")
        reader.report(lines.fields.find("mode")->second.line,
                      "'mode:' must be order or groups, not '" + mode + "'");
    sort.mode = mode == "groups" ? SortMode::Groups : SortMode::Order;
    if (lines.items.size() < 2)
        reader.report("a sort needs at least 2 items");

    const auto groups = lines.fields.find("groups");
    if (sort.mode == SortMode::Order && groups != lines.fields.end())
        reader.report(groups->second.line, "'groups:' is only used with 'mode: groups'");
    if (sort.mode == SortMode::Groups) {
        std::string rest = groups == lines.fields.end() ? std::string{} : groups->second.value;
        while (!rest.empty()) {
            const auto parts = split_first(rest, " | ");
            const std::string name = parts ? parts->first : trim(rest);
            rest = parts ? parts->second : std::string{};
            if (name.empty())
                continue;
            if (std::find(sort.groups.begin(), sort.groups.end(), name) != sort.groups.end())
                reader.report(groups->second.line, "group '" + name + "' is listed twice");
            else
                sort.groups.push_back(name);
        }
        if (sort.groups.size() < 2)
            reader.report(groups == lines.fields.end() ? reader.block().line : groups->second.line,
                          "groups mode needs 'groups: A | B' with at least 2 groups separated by ' | '");
    }

    for (const SourceLine& item : lines.items) {
        SortItem entry;
        if (sort.mode == SortMode::Order) {
            if (item.text.find(" => ") != std::string::npos)
                reader.report(item.number, "an item of an order sort must not contain ' => '");
            entry.text = item.text;
            for (const SortItem& earlier : sort.items)
                if (earlier.text == entry.text)
                    reader.report(item.number,
                                  "item '" + entry.text + "' appears twice, so the order is ambiguous");
        } else {
            const auto parts = split_last(item.text, " => ");
            if (!parts || parts->first.empty()) {
                reader.report(item.number, "item '" + item.text + "' needs ' => Group name' after its text");
                continue;
            }
            entry.text = parts->first;
            entry.group = parts->second;
            if (std::find(sort.groups.begin(), sort.groups.end(), entry.group) == sort.groups.end())
                reader.report(item.number, "item '" + entry.text + "' names group '" + entry.group +
                                               "', which is not in 'groups:' (names must match exactly)");
        }
        sort.items.push_back(std::move(entry));
    }
    return sort;
}

ReflectionBlock parse_reflection(BlockReader& reader) {
    ReflectionBlock reflection;
    const BlockLines lines = reader.read_lines({"prompt", "hint"}, false);
    reflection.prompt = reader.required(lines, "prompt");
    reflection.prompt_html = render_inline_markdown(reflection.prompt);
    reflection.hint = BlockReader::optional(lines, "hint");
    reflection.hint_html = render_inline_markdown(reflection.hint);
    return reflection;
}

} // namespace trellis::learning::content

#include "impact/handlers/report_text.h"

#include "impact/measures.h"
#include "pdf/pdf.h"
#include "reports/handlers/bar_chart.h"
#include "text/dates.h"

namespace trellis::impact::handlers {

namespace {

using reports::handlers::one_place;

std::string figure(const std::optional<double>& value) {
    return value ? one_place(*value) : "not shown";
}

std::string plain(const std::string& text) {
    return pdf::markdown_plain(text);
}

void reactions(std::string& out, const Report& report) {
    out += "## 1. Reactions\n\nThe short feedback after each live session (mean rating, 1 to 5).\n\n";
    if (report.reactions.empty())
        out += "No live session has happened yet.\n\n";
    for (const Reaction& reaction : report.reactions)
        out += "- " + text::long_date(reaction.day) + ", " + plain(reaction.title) + ": " +
               (reaction.mean
                    ? one_place(*reaction.mean) + " from " + std::to_string(reaction.responses) + " answers"
                    : (reaction.responses ? reports::fewer_than(report.smallest, "answers")
                                          : "no feedback yet")) +
               "\n";
    out += "\n";
}

void learning(std::string& out, const Report& report) {
    out += "## 2. Learning\n\n";
    if (!report.learning) {
        out += "Not measured in this plan.\n\n";
        return;
    }
    const Learning& found = *report.learning;
    if (found.before_answers == 0 && found.after_answers == 0) {
        out += "No answers yet.\n\n";
        return;
    }
    if (found.hidden) {
        out += "Fewer than " + std::to_string(report.smallest) +
               " answers in this view, so no figures are shown.\n\n";
        return;
    }
    out +=
        "Confidence before and after the programme (mean, 1 to 5): " + std::to_string(found.before_answers) +
        " answers before, " + std::to_string(found.after_answers) + " after, " +
        std::to_string(found.matched) + " matched.\n\n";
    for (const LearningRow& row : found.rows)
        out += "- " + plain(row.statement) + ": " + figure(row.before) + " before, " + figure(row.after) +
               " after" + (row.change ? ", change " + one_place(*row.change) : std::string()) + "\n";
    out += "\n";
}

void support(std::string& out, const Report& report) {
    out += "## 3. Organisational support\n\n";
    if (report.support.empty()) {
        out += "Not measured in this plan.\n\n";
        return;
    }
    out += "Agreement with each statement (mean, 1 = strongly disagree, 5 = strongly agree).\n\n";
    for (std::size_t row = 0; row < report.support_statements.size(); ++row) {
        out += "- " + report.support_statements[row] + ":";
        for (const SupportColumn& column : report.support)
            out += " " + column.label + " " +
                   (column.answered == 0 ? std::string("no answers yet")
                    : column.hidden || row >= column.means.size()
                        ? reports::fewer_than(report.smallest, "answers")
                        : figure(column.means[row])) +
                   ";";
        out.back() = '\n';
    }
    out += "\n";
}

void use(std::string& out, const Report& report) {
    out += "## 4. Use in practice\n\n";
    if (report.use.empty()) {
        out += "Not measured in this plan.\n\n";
        return;
    }
    for (const CheckIn& check_in : report.use) {
        out += "- " + check_in.label + " (opens " + text::long_date(check_in.opens_on) + "): ";
        out += check_in.hidden
                   ? (check_in.answered ? reports::fewer_than(report.smallest, "answers") : "no answers yet")
                   : std::to_string(check_in.answered) + " answers, how often they use it " +
                         figure(check_in.how_often.mean) + " on a scale of 1 (not yet) to 5 (every day)";
        out += "\n";
    }
    out += "\n";
}

void outcomes(std::string& out, const Report& report) {
    out += "## 5. Pupil outcomes\n\nAggregate figures entered by the programme's lead for each school and "
           "term.\n\n";
    if (report.outcomes.empty())
        out += "No figures entered yet.\n\n";
    for (const Outcome& outcome : report.outcomes)
        out += "- " + plain(outcome.measure) + ", " + plain(outcome.school_name) + ", " +
               term_label(outcome.term) + ": " + one_place(outcome.value) + "\n";
    out += "\n";
}

} // namespace

std::string report_markdown(const programmes::Programme& programme, const Report& report) {
    std::string out;
    if (!programme.purpose.empty())
        out += plain(programme.purpose) + "\n\n";
    if (!programme.pupil_outcome.empty())
        out += "What it aims to change for pupils: " + plain(programme.pupil_outcome) + "\n\n";
    out += "Figures about fewer than " + std::to_string(report.smallest) + " people are never shown.\n\n";
    reactions(out, report);
    learning(out, report);
    support(out, report);
    use(out, report);
    outcomes(out, report);
    return out;
}

} // namespace trellis::impact::handlers

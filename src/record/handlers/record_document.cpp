#include "record/handlers/record_document.h"

#include "pdf/pdf.h"
#include "text/dates.h"

namespace trellis::record::handlers {

namespace {

void span_text(std::string& out, const std::string& heading, const Span& span) {
    out += "## " + heading + "\n\n";
    out += text::long_date(span.from) + " to " + text::long_date(span.to) + ": **" +
           time_spent(span.minutes) + "** in all.\n\n";
    for (const Total& total : span.totals)
        out += "- " + pdf::markdown_plain(total.label) + ": " + time_spent(total.minutes) + " (" +
               std::to_string(total.count) + (total.count == 1 ? " entry" : " entries") + ")\n";
    out += "\n";
}

} // namespace

std::string record_markdown(const std::string& person_name, const Record& record) {
    std::string out = "The professional development of " + pdf::markdown_plain(person_name) +
                      ": what Trellis knows they took part in, and what they logged themselves.\n\n";
    span_text(out, "The school year " + record.year_label, record.year);
    if (record.chosen)
        span_text(out, "The range chosen", *record.chosen);
    out += "## Every entry\n\n";
    if (record.entries.empty())
        out += "Nothing yet.\n";
    // Under a heading for each month, so that a year of entries reads as a year, and each line starts
    // with what was done rather than a long date.
    std::string month;
    for (const Entry& entry : record.entries) {
        if (std::string entry_month = text::month_of(entry.day); entry_month != month) {
            month = std::move(entry_month);
            out += "\n### " + pdf::markdown_plain(month) + "\n\n";
        }
        out += "- " + text::formatted_date(entry.day, "%a %e") + ", " + pdf::markdown_plain(label_of(entry)) +
               ": " + pdf::markdown_plain(entry.title);
        if (!entry.context.empty() && entry.kind != EntryKind::Logged) // "logged by you" says nothing here
            out += " (" + pdf::markdown_plain(entry.context) + ")";
        if (entry.minutes > 0)
            out += ", " + time_spent(entry.minutes);
        out += "\n";
    }
    return out;
}

} // namespace trellis::record::handlers

// A person's own CPD record: what Trellis knows they have done, with hours by kind for the school
// year and for a range they choose.
#include "record/handlers/record.h"
#include "text/url.h"

#include <stdexcept>

#include "calendar/london_time.h"
#include "db/database.h"
#include "http/app.h"
#include "http/response.h"
#include "pdf/pdf.h"
#include "record/handlers/record_document.h"
#include "text/dates.h"

namespace trellis::record::handlers {

namespace {

mstch::map span_view(const Span& span) {
    mstch::array totals;
    for (const Total& total : span.totals)
        totals.push_back(mstch::map{{"kind", total.label},
                                    {"count", std::to_string(total.count)},
                                    {"hours", time_spent(total.minutes)}});
    return mstch::map{{"from", text::long_date(span.from)},
                      {"to", text::long_date(span.to)},
                      {"totals", totals},
                      {"any", !totals.empty()},
                      {"hours", time_spent(span.minutes)}};
}

LogForm read_form(http::RequestContext& context) {
    return {context.form("day"),
            context.form("category"),
            context.form("title"),
            context.form("hours"),
            context.form("link"),
            context.form("reflection"),
            false};
}

void show_form(http::RequestContext& context, long long entry_id, const LogForm& form,
               const std::string& error, int status) {
    mstch::array categories;
    for (Category category : kCategories)
        categories.push_back(mstch::map{{"value", text_of(category)},
                                        {"label", label_of(category)},
                                        {"checked", form.category == text_of(category)}});
    mstch::map data{{"editing", entry_id != 0},
                    {"action", entry_id ? "/record/entries/" + std::to_string(entry_id) + "/edit"
                                        : std::string("/record")},
                    {"categories", categories},
                    {"day", form.day.empty() ? context.app.clock.today() : form.day},
                    {"max_day", context.app.clock.today()},
                    {"title", form.title},
                    {"hours", form.hours},
                    {"link", form.link},
                    {"reflection", form.reflection}};
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "record/entry_form", entry_id ? "Change what you logged" : "Log your learning",
                      std::move(data), status);
}

// The person's own logged entry named by the route, or nullopt after answering 404 (another
// person's entry is never theirs to see).
std::optional<Entry> own_entry(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    auto entry = id ? context.app.record.find_own(context.signed_in(), *id) : std::nullopt;
    if (!entry)
        http::render_error(context, 404, "There is no such entry in your record.");
    return entry;
}

} // namespace

void record_csv(http::RequestContext& context) {
    context.response.set_header("Content-Disposition", "attachment; filename=\"cpd-record.csv\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(context.app.record.csv(context.signed_in(), context.app.clock.today()),
                                 "text/csv; charset=utf-8");
}

void record_pdf(http::RequestContext& context) {
    Record record;
    try {
        record = context.app.record.of(context.signed_in(), context.app.clock.today(), context.query("from"),
                                       context.query("to"));
    } catch (const std::invalid_argument& problem) {
        return http::render_error(context, 400, problem.what());
    }
    const accounts::Actor& person = context.signed_in();
    const std::string bytes = pdf::markdown_document(
        "CPD record: " + person.display_name, record_markdown(person.display_name, record),
        person.trust_name + " · " + text::long_date(context.app.clock.today()));
    context.response.set_header("Content-Disposition", "attachment; filename=\"cpd-record.pdf\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(bytes, "application/pdf");
}

void entry_new(http::RequestContext& context) {
    show_form(context, 0, {}, "", 200);
}

void entry_create(http::RequestContext& context) {
    const LogForm form = read_form(context);
    try {
        context.app.record.log(context.signed_in(), form, context.app.clock.today());
    } catch (const std::invalid_argument& problem) {
        return show_form(context, 0, form, problem.what(), 400);
    }
    http::redirect(context, "/record?saved=1");
}

void entry_edit(http::RequestContext& context) {
    if (auto entry = own_entry(context))
        show_form(context, entry->logged_id, CpdRecord::form_of(*entry), "", 200);
}

void entry_update(http::RequestContext& context) {
    auto entry = own_entry(context);
    if (!entry)
        return;
    const LogForm form = read_form(context);
    try {
        context.app.record.update(context.signed_in(), entry->logged_id, form, context.app.clock.today());
    } catch (const std::invalid_argument& problem) {
        return show_form(context, entry->logged_id, form, problem.what(), 400);
    }
    http::redirect(context, "/record?saved=1");
}

void entry_delete(http::RequestContext& context) {
    if (auto entry = own_entry(context)) {
        context.app.record.remove(context.signed_in(), entry->logged_id);
        http::redirect(context, "/record?removed=1");
    }
}

void record_show(http::RequestContext& context) {
    const std::string from = context.query("from"), to = context.query("to");
    Record record;
    std::string error;
    try {
        record = context.app.record.of(context.signed_in(), context.app.clock.today(), from, to);
    } catch (const std::invalid_argument& problem) {
        error = problem.what();
        record = context.app.record.of(context.signed_in(), context.app.clock.today());
    }
    mstch::array entries;
    for (const Entry& entry : record.entries)
        entries.push_back(mstch::map{{"day", text::long_date(entry.day)},
                                     {"kind", label_of(entry)},
                                     {"title", entry.title},
                                     {"context", entry.context},
                                     {"hours", time_spent(entry.minutes)},
                                     {"link", entry.link},
                                     {"logged", entry.kind == EntryKind::Logged},
                                     {"edit", "/record/entries/" + std::to_string(entry.logged_id) + "/edit"},
                                     {"reflection", entry.reflection}});
    mstch::map data{{"entries", entries},
                    {"any", !entries.empty()},
                    {"year_label", record.year_label},
                    {"year", span_view(record.year)},
                    {"from", from},
                    {"to", to}};
    if (context.query("saved") == "1")
        data["notice"] = std::string("Saved to your record.");
    if (context.query("removed") == "1")
        data["notice"] = std::string("Removed from your record.");
    if (record.chosen) {
        data["chosen"] = span_view(*record.chosen);
        data["range_pdf"] = "/record.pdf?from=" + text::url_encode(from) + "&to=" + text::url_encode(to);
    }
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "record/show", "My CPD record", std::move(data), error.empty() ? 200 : 400);
}

} // namespace trellis::record::handlers

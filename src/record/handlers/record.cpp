// A person's own CPD record: what Trellis knows they have done, with hours by kind for the school
// year and for a range they choose.
#include "record/handlers/record.h"

#include <stdexcept>

#include "calendar/london_time.h"
#include "db/database.h"
#include "http/app.h"
#include "http/response.h"
#include "text/dates.h"

namespace trellis::record::handlers {

namespace {

std::string hours_of(int minutes) {
    if (minutes == 0)
        return "–";
    const int whole = minutes / 60, rest = minutes % 60;
    if (whole == 0)
        return std::to_string(rest) + " min";
    return std::to_string(whole) + (whole == 1 ? " hour" : " hours") +
           (rest ? " " + std::to_string(rest) + " min" : "");
}

mstch::map span_view(const Span& span) {
    mstch::array totals;
    for (const Total& total : span.totals)
        totals.push_back(mstch::map{{"kind", label_of(total.kind)},
                                    {"count", std::to_string(total.count)},
                                    {"hours", hours_of(total.minutes)}});
    return mstch::map{{"from", text::long_date(span.from)},
                      {"to", text::long_date(span.to)},
                      {"totals", totals},
                      {"any", !totals.empty()},
                      {"hours", hours_of(span.minutes)}};
}

} // namespace

void record_show(http::RequestContext& context) {
    const std::string today = calendar::london_moment(db::now_seconds()).substr(0, 10);
    const std::string from = context.query("from"), to = context.query("to");
    Record record;
    std::string error;
    try {
        record = context.app.record.of(context.signed_in(), today, from, to);
    } catch (const std::invalid_argument& problem) {
        error = problem.what();
        record = context.app.record.of(context.signed_in(), today);
    }
    mstch::array entries;
    for (const Entry& entry : record.entries)
        entries.push_back(mstch::map{{"day", text::long_date(entry.day)},
                                     {"kind", label_of(entry.kind)},
                                     {"title", entry.title},
                                     {"context", entry.context},
                                     {"hours", hours_of(entry.minutes)},
                                     {"link", entry.link}});
    mstch::map data{{"entries", entries},
                    {"any", !entries.empty()},
                    {"year_label", record.year_label},
                    {"year", span_view(record.year)},
                    {"from", from},
                    {"to", to}};
    if (record.chosen)
        data["chosen"] = span_view(*record.chosen);
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "record/show", "My CPD record", std::move(data), error.empty() ? 200 : 400);
}

} // namespace trellis::record::handlers

#include "audit/handlers/audit.h"

#include <ctime>

#include "http/response.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::audit::handlers {

namespace {

// "14:05" on the day, UTC, beside the day in words.
std::string time_of(long long seconds) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M", &parts);
    return text;
}

int page_number(const std::string& text) {
    try {
        return std::max(1, std::stoi(text));
    } catch (const std::exception&) {
        return 1;
    }
}

} // namespace

void audit_show(http::RequestContext& context) {
    const AuditPage page =
        context.app.audit.page(context.signed_in().trust_id, page_number(context.query("page")));
    mstch::array rows;
    for (const store::AuditEvent& event : page.events)
        rows.push_back(mstch::map{{"when", text::day_of(event.at) + ", " + time_of(event.at)},
                                  {"who", event.actor_id == 0        ? std::string("The command line")
                                          : event.actor_name.empty() ? std::string("A person since erased")
                                                                     : event.actor_name},
                                  {"summary", event.summary}});
    mstch::map data{{"rows", rows},
                    {"any", !rows.empty()},
                    {"count", text::counted(page.total, "entry", "entries")},
                    {"page", std::to_string(page.page)},
                    {"pages", std::to_string(page.pages)}};
    if (page.page > 1)
        data["previous"] = "/audit?page=" + std::to_string(page.page - 1);
    if (page.page < page.pages)
        data["next"] = "/audit?page=" + std::to_string(page.page + 1);
    http::render_page(context, "audit/log", "Audit log", data);
}

} // namespace trellis::audit::handlers

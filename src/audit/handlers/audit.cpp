#include "audit/handlers/audit.h"

#include "http/response.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::audit::handlers {

void audit_show(http::RequestContext& context) {
    const AuditPage page =
        context.app.audit.page(context.signed_in().trust_id, http::page_number(context.query("page")));
    mstch::array rows;
    for (const store::AuditEvent& event : page.events)
        rows.push_back(mstch::map{{"when", text::day_of(event.at) + ", " + text::utc(event.at, "%H:%M")},
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

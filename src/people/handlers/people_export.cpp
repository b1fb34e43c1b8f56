#include "http/response.h"
#include "people/handlers/handlers.h"

namespace trellis::people::handlers {

void people_export(http::RequestContext& context) {
    const std::string csv = context.app.people.export_csv(context.signed_in().trust_id);
    context.response.set_header("Content-Disposition", "attachment; filename=\"staff.csv\"");
    context.response.set_content(csv, "text/csv; charset=utf-8");
}

} // namespace trellis::people::handlers

#include "notifications/handlers.h"

#include "http/response.h"

namespace trellis::notifications::handlers {

void notice_dismiss(http::RequestContext& context) {
    const auto notice_id = context.id_capture(1);
    if (!notice_id || !context.app.notices.dismiss(context.signed_in(), *notice_id))
        return http::render_error(context, 404, "There is no such notice.");
    http::redirect(context, "/");
}

} // namespace trellis::notifications::handlers

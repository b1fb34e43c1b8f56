#pragma once

#include <string>

#include <mstch/mstch.hpp>

#include "http/request_context.h"

namespace trellis::http {

// Renders a template inside the site layout, with navigation for the signed-in person.
void render_page(RequestContext& context, const std::string& template_name, const std::string& title,
                 mstch::map data = {}, int status = 200);
// The one way every failure is shown: a page with the status and a message for people.
void render_error(RequestContext& context, int status, const std::string& message);
// Sends the browser to another page after a form (303 See Other).
void redirect(RequestContext& context, const std::string& location);
// Sets a cookie that scripts cannot read and other sites do not send.
void set_cookie(RequestContext& context, const std::string& name, const std::string& value,
                long long max_age_seconds);

} // namespace trellis::http

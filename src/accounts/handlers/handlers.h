#pragma once

#include "http/request_context.h"

// HTTP handlers for signing in and out, first-run setup, passwords and the home page.
namespace trellis::accounts::handlers {

void home_show(http::RequestContext& context);
// The sign-in page (buttons for each trust's provider, then the password form), with `message` as an
// error when it is not empty, answered with `status`.
void sign_in_page(http::RequestContext& context, const std::string& email, const std::string& message,
                  int status);
void sign_in_show(http::RequestContext& context);
void sign_in_submit(http::RequestContext& context);
void sign_out_submit(http::RequestContext& context);
void setup_show(http::RequestContext& context);
void setup_submit(http::RequestContext& context);
void password_change_show(http::RequestContext& context);
void password_change_submit(http::RequestContext& context);
void password_reset_show(http::RequestContext& context);
void password_reset_submit(http::RequestContext& context);
void reset_link_create(http::RequestContext& context);

} // namespace trellis::accounts::handlers

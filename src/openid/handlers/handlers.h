#pragma once

#include "http/request_context.h"

// Signing in with Microsoft or Google, and the administrator's page that sets it up.
namespace trellis::openid::handlers {

// The buttons the sign-in page shows, one per trust and provider.
mstch::array sign_in_buttons(http::RequestContext& context, const std::string& next_path);

void sign_in_start(http::RequestContext& context);
void sign_in_callback(http::RequestContext& context);
void settings_show(http::RequestContext& context);
void provider_save(http::RequestContext& context);
void provider_remove(http::RequestContext& context);
void password_setting_save(http::RequestContext& context);

} // namespace trellis::openid::handlers

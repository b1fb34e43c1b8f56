#pragma once

#include "http/request_context.h"

// Email: stopping a kind from a message's link (no sign-in), a person's choices, and the outbox
// for the administrator.
namespace trellis::mail::handlers {

void unsubscribe_show(http::RequestContext& context);
void unsubscribe_submit(http::RequestContext& context);
void choices_show(http::RequestContext& context);
void choices_save(http::RequestContext& context);
void outbox_show(http::RequestContext& context);

} // namespace trellis::mail::handlers

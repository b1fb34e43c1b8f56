#pragma once

#include "http/request_context.h"

// Needs against provision over HTTP: /provision, the map and the fairness view, for those who lead
// professional development.
namespace trellis::provision::handlers {

void provision_show(http::RequestContext& context);

} // namespace trellis::provision::handlers

#pragma once

#include "http/request_context.h"

// Public documents that let anyone check a badge this service issued: the key it signs with, and who
// each issuer is.
namespace trellis::badges::handlers {

// GET /badges/keys: the public signing key as a JSON Web Key Set.
void keys(http::RequestContext& context);
// GET /badges/issuers/N: the trust as an Open Badges issuer profile.
void issuer(http::RequestContext& context);

} // namespace trellis::badges::handlers

#include "badges/handlers/handlers.h"

#include <nlohmann/json.hpp>

#include "http/response.h"

namespace trellis::badges::handlers {

namespace {

void send_json(http::RequestContext& context, const nlohmann::json& body) {
    context.response.set_header("Cache-Control", "public, max-age=3600");
    context.response.set_header("Access-Control-Allow-Origin", "*"); // wallets and verifiers fetch it
    context.response.set_content(body.dump(2), "application/json");
}

} // namespace

void keys(http::RequestContext& context) {
    send_json(context, {{"keys", {context.app.badge_key.public_jwk()}}});
}

void issuer(http::RequestContext& context) {
    const auto trust_id = context.id_capture(1);
    const auto trust = trust_id ? context.app.organisations.trust(*trust_id) : std::nullopt;
    if (!trust)
        return http::render_error(context, 404, "There is no such issuer.");
    const std::string& base = context.app.config.public_url;
    send_json(context, {{"@context",
                         {"https://www.w3.org/ns/credentials/v2",
                          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
                        {"id", base + "/badges/issuers/" + std::to_string(*trust_id)},
                        {"type", {"Profile"}},
                        {"name", trust->name},
                        {"url", base}});
}

} // namespace trellis::badges::handlers

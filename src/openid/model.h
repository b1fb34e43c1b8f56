#pragma once

#include <optional>
#include <string>
#include <vector>

// Signing in with Microsoft Entra ID or Google Workspace (OpenID Connect, authorization code flow with
// PKCE, state and nonce). Schema: 0027_openid.sql.
namespace trellis::openid {

enum class ProviderKind { Microsoft, Google };
std::string text_of(ProviderKind kind); // "microsoft", "google"
std::optional<ProviderKind> provider_kind_from_text(const std::string& text);
std::string label_of(ProviderKind kind); // "Microsoft", "Google"

// A trust's provider, as its administrator sets it.
struct ProviderSettings {
    long long trust_id = 0;
    ProviderKind kind = ProviderKind::Microsoft;
    std::string tenant;                       // Microsoft: the directory id, or "organizations"
    std::vector<std::string> allowed_tenants; // Microsoft: directory ids whose people may sign in
    std::string hosted_domain;                // Google: the Workspace domain
    std::vector<std::string> email_domains;   // first sign-ins link by address only at these domains
    std::string client_id;
    std::string client_secret;
    std::string authority; // where the discovery document is; the provider's own unless changed
};

// The provider's public address for its discovery document, from the kind and tenant.
std::string default_authority(ProviderKind kind, const std::string& tenant);

// A button on the sign-in page.
struct SignInChoice {
    long long trust_id = 0;
    std::string trust_name;
    ProviderKind kind = ProviderKind::Microsoft;
};

// A sign-in sent to the provider and not yet back.
struct PendingSignIn {
    long long trust_id = 0;
    ProviderKind kind = ProviderKind::Microsoft;
    std::string nonce;
    std::string code_verifier;
    std::string next_path;
    long long created_at = 0;
};

} // namespace trellis::openid

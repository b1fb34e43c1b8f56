#include "openid/model.h"

namespace trellis::openid {

std::string text_of(ProviderKind kind) {
    return kind == ProviderKind::Google ? "google" : "microsoft";
}

std::optional<ProviderKind> provider_kind_from_text(const std::string& text) {
    if (text == "microsoft")
        return ProviderKind::Microsoft;
    if (text == "google")
        return ProviderKind::Google;
    return std::nullopt;
}

std::string label_of(ProviderKind kind) {
    return kind == ProviderKind::Google ? "Google" : "Microsoft";
}

std::string default_authority(ProviderKind kind, const std::string& tenant) {
    if (kind == ProviderKind::Google)
        return "https://accounts.google.com";
    return "https://login.microsoftonline.com/" + tenant + "/v2.0";
}

} // namespace trellis::openid

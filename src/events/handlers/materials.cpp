#include <stdexcept>

#include "accounts/permissions.h"
#include "events/handlers/offer_views.h"
#include "events/handlers/offers.h"
#include "events/offer_service.h"
#include "http/app.h"
#include "http/response.h"
#include "text/words.h"

namespace trellis::events::handlers {

namespace {

bool may_view(http::RequestContext& context, const Offer& offer) {
    return accounts::may_view_offer(context.signed_in(), offer.presenter_id,
                                    offer.status == OfferStatus::Approved,
                                    may_review_event(context, offer.event_id));
}

// The offer of a material the caller may see; otherwise renders 404.
std::optional<std::pair<Material, Offer>> visible_material(http::RequestContext& context) {
    const long long trust_id = context.signed_in().trust_id;
    const auto id = context.id_capture(1);
    auto material = id ? context.app.offers.find_material(trust_id, *id) : std::nullopt;
    auto offer = material ? context.app.offers.find(trust_id, material->offer_id) : std::nullopt;
    if (!offer || !may_view(context, *offer)) {
        http::render_error(context, 404, "There is no such file.");
        return std::nullopt;
    }
    return std::pair{*material, *offer};
}

// A filename header that every browser reads: a plain ASCII name, and the real one encoded.
std::string attachment_header(const std::string& filename) {
    std::string ascii;
    for (unsigned char c : filename)
        ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::url_encode(filename);
}

} // namespace

void material_upload(http::RequestContext& context) {
    auto offer = offer_or_404(context);
    if (!offer)
        return;
    if (!may_view(context, *offer))
        return http::render_error(context, 404, "There is no such workshop offer.");
    if (!accounts::may_manage_materials(context.signed_in(), offer->presenter_id))
        return http::render_error(context, 403, "Only the presenter of this workshop can add its materials.");
    auto layout = event_of_offer(context, *offer);
    if (!layout)
        return;
    if (!context.request.has_file("file"))
        return render_offer_page(context, *offer, *layout, "Choose a file to upload.", 400);
    const auto& file = context.request.get_file_value("file");
    try {
        context.app.offers.add_material(context.signed_in(), *offer, file.filename, file.content);
        http::redirect(context, "/offers/" + std::to_string(offer->id) + "#materials");
    } catch (const std::invalid_argument& problem) {
        render_offer_page(context, *offer, *layout, problem.what(), 400);
    }
}

void material_delete(http::RequestContext& context) {
    auto found = visible_material(context);
    if (!found)
        return;
    const auto& [material, offer] = *found;
    if (!accounts::may_manage_materials(context.signed_in(), offer.presenter_id))
        return http::render_error(context, 403,
                                  "Only the presenter of this workshop can remove its materials.");
    context.app.offers.delete_material(offer.trust_id, material);
    http::redirect(context, "/offers/" + std::to_string(offer.id) + "#materials");
}

void material_download(http::RequestContext& context) {
    auto found = visible_material(context);
    if (!found)
        return;
    const Material& material = found->first;
    context.response.set_header("Content-Disposition", attachment_header(material.filename));
    context.response.set_header("X-Content-Type-Options", "nosniff");
    // Opened in a tab by mistake, the file still runs no script and reaches nothing of ours.
    context.response.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(context.app.offers.read_material(material), material.content_type);
}

void materials_search(http::RequestContext& context) {
    const std::string text = context.query("q");
    mstch::array rows;
    for (const Material& material : context.app.offers.search_materials(context.signed_in().trust_id, text))
        rows.push_back(mstch::map{{"id", std::to_string(material.id)},
                                  {"filename", material.filename},
                                  {"size", size_label(material.bytes)},
                                  {"offer_id", std::to_string(material.offer_id)},
                                  {"offer_title", material.offer_title},
                                  {"presenter", material.presenter_name},
                                  {"event_title", material.event_title}});
    http::render_page(
        context, "events/materials_list", "Workshop materials",
        mstch::map{{"q", text},
                   {"rows", rows},
                   {"any", !rows.empty()},
                   {"count", text::counted(static_cast<long long>(rows.size()), "file", "files")},
                   {"searched", !text.empty()}});
}

} // namespace trellis::events::handlers

#include <stdexcept>

#include "accounts/permissions.h"
#include "events/handlers/offer_views.h"
#include "events/handlers/offers.h"
#include "events/offers/offer_service.h"
#include "http/app.h"
#include "http/response.h"
#include "library/files.h"
#include "library/handlers/views.h"

namespace trellis::events::handlers {

namespace {

bool may_view(http::RequestContext& context, const Offer& offer) {
    return accounts::may_view_offer(context.signed_in(), offer.presenter_id,
                                    offer.status == OfferStatus::Approved,
                                    may_review_event(context, offer.event_id));
}

// The offer of a material the caller may see; otherwise renders 404.
std::optional<std::pair<library::Material, Offer>> visible_material(http::RequestContext& context) {
    const long long trust_id = context.signed_in().trust_id;
    const auto id = context.id_capture(1);
    auto material = id ? context.app.materials.find(trust_id, *id) : std::nullopt;
    if (material && material->owner.kind != library::OwnerKind::Offer)
        material.reset(); // a programme's files are reached through the programme
    auto offer = material ? context.app.offers.find(trust_id, material->owner.id) : std::nullopt;
    if (!offer || !may_view(context, *offer)) {
        http::render_error(context, 404, "There is no such file.");
        return std::nullopt;
    }
    return std::pair{*material, *offer};
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
        const library::Use use{offer->title, "/offers/" + std::to_string(offer->id), "/materials", 0};
        context.app.materials.add(offer->trust_id, {library::OwnerKind::Offer, offer->id},
                                  context.signed_in().person_id, file.filename, file.content, use);
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
    context.app.materials.remove(offer.trust_id, material);
    http::redirect(context, "/offers/" + std::to_string(offer.id) + "#materials");
}

void material_download(http::RequestContext& context) {
    auto found = visible_material(context);
    if (!found)
        return;
    const library::Material& material = found->first;
    library::handlers::send_material(context, material, context.app.materials.read(material));
}

} // namespace trellis::events::handlers

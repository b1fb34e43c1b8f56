// An activity's materials: slides, handouts and readings the lead shares with everyone who can see
// the programme. The files and their checks are the library's, as for training days' workshops.
#include <stdexcept>

#include "http/response.h"
#include "library/handlers/views.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/handlers/views.h"

namespace trellis::programmes::handlers {

namespace {

library::Owner owner_of(const Activity& activity) {
    return {library::OwnerKind::Activity, activity.id};
}

void show(http::RequestContext& context, const Programme& programme, const Activity& activity,
          const std::string& upload_error, int status) {
    const bool lead = ProgrammeService::may_keep(context.signed_in(), programme);
    const std::string base = activity_path(activity) + "/materials";
    const auto rows = library::handlers::material_rows(
        context.app.materials.of(activity.trust_id, owner_of(activity)), base);
    mstch::map data{{"programme_id", std::to_string(programme.id)},
                    {"programme_title", programme.title},
                    {"title", activity.title},
                    {"kind_label", label_of(activity.kind)},
                    {"when", views::when_of(activity)},
                    {"materials", rows},
                    {"has_materials", !rows.empty()},
                    {"can_delete", lead},
                    {"can_upload", lead},
                    {"upload_action", base},
                    {"upload_hint", std::string("Everyone who can see this programme can download them.")}};
    if (!upload_error.empty())
        data["upload_error"] = upload_error;
    http::render_page(context, "programmes/materials", "Materials: " + activity.title, data, status);
}

// The activity's material named by the route's third capture, or nullopt after answering 404.
std::optional<library::Material> material_in_route(http::RequestContext& context, const Activity& activity) {
    const auto id = context.id_capture(3);
    auto material = id ? context.app.materials.find(activity.trust_id, *id) : std::nullopt;
    if (!material || material->owner.kind != library::OwnerKind::Activity ||
        material->owner.id != activity.id) {
        http::render_error(context, 404, "There is no such file.");
        return std::nullopt;
    }
    return material;
}

} // namespace

void materials_show(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    if (auto activity = activity_in_route(context, summary->programme))
        show(context, summary->programme, *activity, "", 200);
}

void material_upload(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    auto activity = activity_in_route(context, *programme);
    if (!activity)
        return;
    if (!context.request.has_file("file"))
        return show(context, *programme, *activity, "Choose a file to upload.", 400);
    const auto& file = context.request.get_file_value("file");
    try {
        const std::string base = activity_path(*activity) + "/materials";
        const library::Use use{programme->title + ": " + activity->title, base, base, programme->school_id};
        context.app.materials.add(activity->trust_id, owner_of(*activity), context.signed_in().person_id,
                                  file.filename, file.content, use);
    } catch (const std::invalid_argument& problem) {
        return show(context, *programme, *activity, problem.what(), 400);
    }
    http::redirect(context, activity_path(*activity) + "/materials");
}

void material_download(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = activity_in_route(context, summary->programme);
    if (!activity)
        return;
    if (auto material = material_in_route(context, *activity))
        library::handlers::send_material(context, *material, context.app.materials.read(*material));
}

void material_delete(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    auto activity = activity_in_route(context, *programme);
    if (!activity)
        return;
    if (auto material = material_in_route(context, *activity)) {
        context.app.materials.remove(activity->trust_id, *material);
        http::redirect(context, activity_path(*activity) + "/materials");
    }
}

} // namespace trellis::programmes::handlers

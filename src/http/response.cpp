#include "http/response.h"

#include <cstdio>

#include "accounts/permissions.h"

namespace trellis::http {

namespace {

mstch::array navigation_for(const RequestContext& context) {
    using accounts::Permission;
    const accounts::Actor& actor = *context.actor;
    struct Link {
        std::string href;
        std::string label;
    };
    std::vector<Link> links = {{"/", "Home"},
                               {"/my-year", "My year"},
                               {"/record", "My record"},
                               {"/mentoring", "Mentoring"},
                               {"/observations", "Observation"},
                               {"/groups", "Groups"},
                               {"/expertise", "Who can help"},
                               {"/learning", "Online learning"},
                               {"/programmes", "Programmes"},
                               {"/events", "Training days"},
                               {"/library", "Library"},
                               {"/priorities", "Priorities"},
                               {"/surveys", "Surveys"}};
    if (accounts::may_see_provision(actor))
        links.push_back({"/provision", "Needs and provision"});
    if (accounts::allows(actor, Permission::ViewDirectory))
        links.push_back({"/people", "People"});
    if (accounts::allows(actor, Permission::ImportStaff))
        links.push_back({"/people/import", "Import staff"});
    if (accounts::allows(actor, Permission::ManagePeople))
        links.push_back({"/schools", "Schools"});
    // The current link is the one whose address is the longest whole-segment prefix of the path.
    const std::string& path = context.request.path;
    auto covers = [&](const std::string& href) {
        return path == href || (href != "/" && path.rfind(href + "/", 0) == 0);
    };
    std::string current;
    for (const Link& link : links)
        if (covers(link.href) && link.href.size() > current.size())
            current = link.href;
    mstch::array items;
    for (const Link& link : links)
        items.push_back(
            mstch::map{{"href", link.href}, {"label", link.label}, {"current", link.href == current}});
    return items;
}

} // namespace

void render_page(RequestContext& context, const std::string& template_name, const std::string& title,
                 mstch::map data, int status) {
    data["csrf"] = context.csrf_token;
    // Any page may say "fewer than {{smallest_group}}" of what its reports withhold.
    if (context.actor)
        data["smallest_group"] = std::to_string(context.actor->smallest_group);
    // Moved into the node rather than copied: a page's data can be a large tree.
    const std::string body = context.app.views.render(template_name, mstch::node(std::move(data)));
    mstch::map layout{{"title", title}, {"csrf", context.csrf_token}};
    if (context.actor) {
        layout["signed_in"] = true;
        layout["person_name"] = context.actor->display_name;
        layout["profile_href"] = "/people/" + std::to_string(context.actor->person_id);
        layout["trust_name"] = context.actor->trust_name;
        layout["role_label"] = people::label_of(context.actor->role, context.actor->staff_group);
        layout["navigation"] = navigation_for(context);
    }
    context.response.status = status;
    context.response.set_content(context.app.views.render_around("layout/page", layout, body),
                                 "text/html; charset=utf-8");
}

void render_error(RequestContext& context, int status, const std::string& message) {
    const char* title = status == 404   ? "Not found"
                        : status == 403 ? "Not allowed"
                        : status == 400 ? "Something is not right"
                        : status == 429 ? "Too many attempts"
                                        : "Something went wrong";
    render_page(context, "errors/error", title, mstch::map{{"message", message}, {"status", status}}, status);
}

void redirect(RequestContext& context, const std::string& location) {
    context.response.status = 303;
    context.response.set_header("Location", location);
}

void set_cookie(RequestContext& context, const std::string& name, const std::string& value,
                long long max_age_seconds) {
    std::string cookie =
        name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds);
    if (context.app.config.secure_cookies)
        cookie += "; Secure";
    context.response.set_header("Set-Cookie", cookie);
}

} // namespace trellis::http

#include "http/router.h"

#include "accounts/handlers/handlers.h"
#include "http/middleware.h"
#include "learning/handlers/handlers.h"
#include "people/handlers/handlers.h"

namespace trellis::http {

void register_routes(httplib::Server& server, App& app) {
    using accounts::Permission;
    namespace account = accounts::handlers;
    namespace staff = people::handlers;
    constexpr auto open = Access::Public;
    constexpr auto member = Access::SignedIn;
    const std::optional<Permission> any;

    server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("ok\n", "text/plain");
    });

    server.Get("/", guarded(app, member, any, account::home_show));
    server.Get("/sign-in", guarded(app, open, any, account::sign_in_show));
    server.Post("/sign-in", guarded(app, open, any, account::sign_in_submit));
    server.Post("/sign-out", guarded(app, open, any, account::sign_out_submit));
    server.Get("/setup", guarded(app, open, any, account::setup_show));
    server.Post("/setup", guarded(app, open, any, account::setup_submit));
    server.Get("/account/password", guarded(app, member, any, account::password_change_show));
    server.Post("/account/password", guarded(app, member, any, account::password_change_submit));
    server.Get(R"(/reset/([A-Za-z0-9_-]{43}))", guarded(app, open, any, account::password_reset_show));
    server.Post(R"(/reset/([A-Za-z0-9_-]{43}))", guarded(app, open, any, account::password_reset_submit));

    server.Get("/learning", guarded(app, member, any, learning::handlers::catalogue_show));
    server.Get(R"(/learning/([a-z0-9-]+))", guarded(app, member, any, learning::handlers::module_show));

    server.Get("/people", guarded(app, member, Permission::ViewDirectory, staff::people_list));
    server.Get("/people/export.csv", guarded(app, member, Permission::ExportStaff, staff::people_export));
    server.Get("/people/import", guarded(app, member, Permission::ImportStaff, staff::import_new));
    server.Post("/people/import", guarded(app, member, Permission::ImportStaff, staff::import_preview));
    server.Get(R"(/people/imports/(\d+))", guarded(app, member, Permission::ImportStaff, staff::import_show));
    server.Post(R"(/people/imports/(\d+)/commit)",
                guarded(app, member, Permission::ImportStaff, staff::import_commit));
    server.Get(R"(/people/imports/(\d+)/progress)",
               guarded(app, member, Permission::ImportStaff, staff::import_progress));
    server.Get(R"(/people/(\d+))", guarded(app, member, any, staff::person_show));
    server.Post(R"(/people/(\d+)/reset-link)",
                guarded(app, member, Permission::CreateResetLink, account::reset_link_create));
}

} // namespace trellis::http

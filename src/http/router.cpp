#include "http/router.h"

#include "accounts/handlers/handlers.h"
// --- Training days: schedule, catalogue, choices, allocation ---
#include "events/handlers/allocation.h"
#include "events/handlers/catalogue.h"
#include "events/handlers/choices.h"
#include "events/handlers/schedule.h"
// --- end ---
#include "events/handlers/day.h"
#include "events/handlers/events.h"
#include "events/handlers/feedback.h"
#include "events/handlers/offers.h"
#include "http/middleware.h"
#include "learning/handlers/handlers.h"
#include "organisations/handlers/handlers.h"
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

    namespace learn = learning::handlers;
    constexpr auto module = R"(/learning/([a-z0-9]+(?:-[a-z0-9]+)*))";
    auto in_module = [&](const std::string& rest) { return std::string(module) + rest; };
    server.Get("/learning", guarded(app, member, any, learn::catalogue_show));
    server.Get("/learning/mine", guarded(app, member, any, learn::my_learning));
    server.Get(module, guarded(app, member, any, learn::module_show));
    server.Get(in_module("/continue"), guarded(app, member, any, learn::module_continue));
    server.Get(in_module(R"(/(\d+))"), guarded(app, member, any, learn::module_page));
    server.Post(in_module("/blocks/([a-z0-9-]+)"), guarded(app, member, any, learn::block_submit));
    server.Get(in_module("/transcripts/([a-z0-9-]+)"), guarded(app, member, any, learn::transcript_show));
    server.Get(in_module("/resources/([a-z0-9-]+)"), guarded(app, member, any, learn::resource_download));
    server.Get(in_module(R"(/action-plan\.pdf)"), guarded(app, member, any, learn::action_plan_download));
    server.Get(in_module("/certificate"), guarded(app, member, any, learn::certificate_show));
    server.Get(in_module(R"(/((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.[a-z0-9]+))"),
               guarded(app, member, any, learn::media_show));
    server.Get(R"(/certificates/([A-Z0-9-]{1,40})\.pdf)",
               guarded(app, member, any, learn::certificate_download));
    server.Get("/verify", guarded(app, open, any, learn::verify_show));
    server.Get(R"(/verify/([A-Za-z0-9-]{1,40}))", guarded(app, open, any, learn::verify_show));

    // Training days: the events themselves.
    namespace events = events::handlers;
    constexpr auto manage = Permission::ManageEvents;
    server.Get("/events", guarded(app, member, any, events::events_list));
    server.Get("/events/new", guarded(app, member, manage, events::event_new));
    server.Post("/events", guarded(app, member, manage, events::event_create));
    server.Get(R"(/events/(\d+))", guarded(app, member, any, events::event_show));
    server.Get(R"(/events/(\d+)/edit)", guarded(app, member, manage, events::event_edit));
    server.Post(R"(/events/(\d+)/edit)", guarded(app, member, manage, events::event_update));
    server.Post(R"(/events/(\d+)/stage)", guarded(app, member, manage, events::event_stage_update));
    server.Post(R"(/events/(\d+)/reviewers)", guarded(app, member, manage, events::event_reviewers_update));

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
    const auto manage_people = Permission::ManagePeople;
    server.Get(R"(/people/(\d+)/edit)", guarded(app, member, manage_people, staff::person_edit));
    server.Post(R"(/people/(\d+)/edit)", guarded(app, member, manage_people, staff::person_update));
    server.Post(R"(/people/(\d+)/leaver)", guarded(app, member, manage_people, staff::person_leaver));
    namespace schools = ::trellis::organisations::handlers;
    server.Get("/schools", guarded(app, member, manage_people, schools::schools_list));
    server.Post("/schools", guarded(app, member, manage_people, schools::school_create));
    server.Post(R"(/schools/(\d+))", guarded(app, member, manage_people, schools::school_rename));
    // --- Training days: schedule, catalogue, choices, allocation ---
    {
        namespace days = ::trellis::events::handlers;
        constexpr auto event = R"(/events/(\d+))";
        auto in_event = [&](const std::string& rest) { return std::string(event) + rest; };
        const auto lead = Permission::ManageEvents;
        server.Get(in_event("/schedule"), guarded(app, member, lead, days::schedule_show));
        server.Post(in_event("/schedule"), guarded(app, member, lead, days::schedule_save));
        server.Post(in_event("/schedule/suggest"), guarded(app, member, lead, days::schedule_suggest));
        server.Get(in_event("/workshops"), guarded(app, member, any, days::catalogue_show));
        server.Get(in_event(R"(/workshops/(\d+))"), guarded(app, member, any, days::workshop_show));
        server.Get(in_event("/choices"), guarded(app, member, any, days::choices_show));
        server.Post(in_event("/choices"), guarded(app, member, any, days::choices_save));
        server.Get(in_event("/demand"), guarded(app, member, lead, days::demand_show));
        server.Post(in_event("/demand/remind"), guarded(app, member, lead, days::demand_remind));
        server.Get(in_event("/allocation"), guarded(app, member, lead, days::allocation_show));
        server.Post(in_event("/allocation"), guarded(app, member, lead, days::allocation_start));
        server.Get(in_event(R"(/allocation/runs/(\d+))"),
                   guarded(app, member, lead, days::allocation_run_show));
        server.Get(in_event(R"(/allocation/runs/(\d+)/progress)"),
                   guarded(app, member, lead, days::allocation_progress));
        server.Post(in_event("/allocation/move"), guarded(app, member, lead, days::allocation_move));
        server.Get(in_event("/allocation/publish"),
                   guarded(app, member, lead, days::allocation_publish_confirm));
        server.Post(in_event("/allocation/publish"), guarded(app, member, lead, days::allocation_publish));
    }
    // --- end ---

    // --- Training days: call for offers, quality assurance, materials (offers branch) ---
    namespace offers = trellis::events::handlers;
    server.Get(R"(/events/(\d+)/offers)", guarded(app, member, any, offers::call_show));
    server.Post(R"(/events/(\d+)/offers)", guarded(app, member, any, offers::offer_create));
    server.Get("/offers/mine", guarded(app, member, any, offers::offers_mine));
    server.Get(R"(/events/(\d+)/offers/mine)", guarded(app, member, any, offers::offers_mine));
    server.Get(R"(/offers/(\d+))", guarded(app, member, any, offers::offer_show));
    server.Post(R"(/offers/(\d+))", guarded(app, member, any, offers::offer_update));
    server.Get(R"(/offers/(\d+)/edit)", guarded(app, member, any, offers::offer_edit));
    server.Get(R"(/events/(\d+)/reviews)", guarded(app, member, any, offers::reviews_list));
    server.Get(R"(/events/(\d+)/review)", guarded(app, member, any, offers::reviews_list));
    server.Get(R"(/offers/(\d+)/review)", guarded(app, member, any, offers::review_show));
    server.Post(R"(/offers/(\d+)/review)", guarded(app, member, any, offers::review_submit));
    server.Get(R"(/events/(\d+)/coverage)",
               guarded(app, member, Permission::ManageEvents, offers::coverage_show));
    server.Post(R"(/offers/(\d+)/materials)", guarded(app, member, any, offers::material_upload));
    server.Post(R"(/materials/(\d+)/delete)", guarded(app, member, any, offers::material_delete));
    server.Get(R"(/materials/(\d+)/download)", guarded(app, member, any, offers::material_download));
    server.Get("/materials", guarded(app, member, any, offers::materials_search));
    // --- end of training days: offers ---
    // --- Training days: on the day (timetables, registers, room sheets), feedback, notices ---
    {
        namespace day = ::trellis::events::handlers;
        constexpr auto event = R"(/events/(\d+))";
        auto in_event = [&](const std::string& rest) { return std::string(event) + rest; };
        server.Get(in_event("/timetable"), guarded(app, member, any, day::timetable_show));
        server.Get(in_event(R"(/timetable\.ics)"), guarded(app, member, any, day::timetable_download));
        server.Get(in_event("/registers"), guarded(app, member, any, day::registers_list));
        server.Get(in_event(R"(/sessions/(\d+)/register)"), guarded(app, member, any, day::register_show));
        server.Post(in_event(R"(/sessions/(\d+)/register)"), guarded(app, member, any, day::register_submit));
        server.Get(in_event(R"(/sessions/(\d+)/register\.pdf)"),
                   guarded(app, member, any, day::register_download));
        server.Get(in_event("/room-sheets"),
                   guarded(app, member, Permission::ManageEvents, day::room_sheets_show));
        server.Get(in_event(R"(/room-sheets\.pdf)"),
                   guarded(app, member, Permission::ManageEvents, day::room_sheets_download));
        server.Get(in_event("/feedback"), guarded(app, member, any, day::feedback_show));
        server.Post(in_event("/feedback"), guarded(app, member, any, day::feedback_submit));
        server.Get(in_event("/results"), guarded(app, member, any, day::results_show));
        server.Post(R"(/notices/(\d+)/dismiss)", guarded(app, member, any, day::notice_dismiss));
    }
}

} // namespace trellis::http

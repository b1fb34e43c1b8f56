#include "http/router.h"

#include "accounts/handlers/handlers.h"
#include "audit/handlers/audit.h"
#include "badges/handlers/handlers.h"
#include "expertise/handlers/handlers.h"
#include "groups/handlers/handlers.h"
#include "impact/handlers/handlers.h"
#include "library/handlers/library.h"
#include "mail/handlers/handlers.h"
#include "mentoring/handlers/handlers.h"
#include "notifications/handlers.h"
#include "observations/handlers/handlers.h"
#include "openid/handlers/handlers.h"
#include "priorities/handlers/handlers.h"
#include "privacy/handlers/handlers.h"
#include "programmes/handlers/handlers.h"
#include "provision/handlers/handlers.h"
#include "record/handlers/record.h"
#include "surveys/handlers/handlers.h"
#include "year/handlers/handlers.h"
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

namespace {

// Registers routes on the server, each behind guarded(), and keeps the list of what it registered.
class RouteTable {
  public:
    RouteTable(httplib::Server& server, App& app) : m_server(server), m_app(app) {}

    void get(const std::string& pattern, Access access, std::optional<accounts::Permission> permission,
             Handler handler) {
        m_server.Get(pattern, guarded(m_app, access, permission, std::move(handler)));
        m_routes.push_back({"GET", pattern, access, permission});
    }
    void post(const std::string& pattern, Access access, std::optional<accounts::Permission> permission,
              Handler handler) {
        m_server.Post(pattern, guarded(m_app, access, permission, std::move(handler)));
        m_routes.push_back({"POST", pattern, access, permission});
    }
    // A route outside guarded(): no session, no page, no data (the health check).
    void plain_get(const std::string& pattern, httplib::Server::Handler handler) {
        m_server.Get(pattern, std::move(handler));
        m_routes.push_back({"GET", pattern, Access::Public, std::nullopt});
    }
    std::vector<Route> routes() && { return std::move(m_routes); }

  private:
    httplib::Server& m_server;
    App& m_app;
    std::vector<Route> m_routes;
};

} // namespace

std::vector<Route> register_routes(httplib::Server& server, App& app) {
    RouteTable routes(server, app);
    using accounts::Permission;
    namespace account = accounts::handlers;
    namespace staff = people::handlers;
    constexpr auto open = Access::Public;
    constexpr auto member = Access::SignedIn;
    const std::optional<Permission> any;

    routes.plain_get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("ok\n", "text/plain");
    });

    routes.get("/", member, any, account::home_show);
    routes.get("/sign-in", open, any, account::sign_in_show);
    routes.post("/sign-in", open, any, account::sign_in_submit);
    routes.post("/sign-out", open, any, account::sign_out_submit);
    routes.get(R"(/sign-in/(microsoft|google)/(\d+))", open, any, openid::handlers::sign_in_start);
    routes.get("/sign-in/openid/callback", open, any, openid::handlers::sign_in_callback);
    constexpr auto email_off = R"(/email/off/(\d+)/(\d+)/([a-z_]{1,40})/([A-Za-z0-9_-]{22}))";
    routes.get(email_off, open, any, mail::handlers::unsubscribe_show);
    routes.post(email_off, Access::SignedLink, any, mail::handlers::unsubscribe_submit);
    routes.get("/account/email", member, any, mail::handlers::choices_show);
    routes.post("/account/email", member, any, mail::handlers::choices_save);
    routes.get("/setup", open, any, account::setup_show);
    routes.post("/setup", open, any, account::setup_submit);
    routes.get("/account/password", member, any, account::password_change_show);
    routes.post("/account/password", member, any, account::password_change_submit);
    routes.get(R"(/reset/([A-Za-z0-9_-]{43}))", open, any, account::password_reset_show);
    routes.post(R"(/reset/([A-Za-z0-9_-]{43}))", open, any, account::password_reset_submit);

    namespace learn = learning::handlers;
    constexpr auto module = R"(/learning/([a-z0-9]+(?:-[a-z0-9]+)*))";
    auto in_module = [&](const std::string& rest) { return std::string(module) + rest; };
    routes.get("/learning", member, any, learn::catalogue_show);
    routes.get("/learning/mine", member, any, learn::my_learning);
    routes.get(module, member, any, learn::module_show);
    routes.get(in_module("/continue"), member, any, learn::module_continue);
    routes.get(in_module(R"(/(\d+))"), member, any, learn::module_page);
    routes.post(in_module("/blocks/([a-z0-9-]+)"), member, any, learn::block_submit);
    routes.get(in_module("/transcripts/([a-z0-9-]+)"), member, any, learn::transcript_show);
    routes.get(in_module("/resources/([a-z0-9-]+)"), member, any, learn::resource_download);
    routes.get(in_module(R"(/action-plan\.pdf)"), member, any, learn::action_plan_download);
    routes.get(in_module("/certificate"), member, any, learn::certificate_show);
    routes.get(in_module(R"(/((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.[a-z0-9]+))"), member, any,
               learn::media_show);
    routes.get(R"(/certificates/([A-Z0-9-]{1,40})\.pdf)", member, any, learn::certificate_download);
    routes.get(R"(/certificates/([A-Z0-9-]{1,40})\.jwt)", member, any, learn::certificate_badge);
    routes.get("/verify", open, any, learn::verify_show);
    routes.get(R"(/verify/([A-Za-z0-9-]{1,40}))", open, any, learn::verify_show);
    routes.post(R"(/verify/([A-Za-z0-9-]{1,40})/badge)", open, any, learn::verify_badge);
    routes.get("/badges/keys", open, any, badges::handlers::keys);
    routes.get(R"(/badges/issuers/(\d+))", open, any, badges::handlers::issuer);

    // Training days: the events themselves.
    namespace events = events::handlers;
    constexpr auto manage = Permission::ManageEvents;
    routes.get("/events", member, any, events::events_list);
    routes.get("/events/new", member, manage, events::event_new);
    routes.post("/events", member, manage, events::event_create);
    routes.get(R"(/events/(\d+))", member, any, events::event_show);
    routes.get(R"(/events/(\d+)/edit)", member, manage, events::event_edit);
    routes.post(R"(/events/(\d+)/edit)", member, manage, events::event_update);
    routes.post(R"(/events/(\d+)/stage)", member, manage, events::event_stage_update);
    routes.post(R"(/events/(\d+)/reviewers)", member, manage, events::event_reviewers_update);

    routes.get("/people", member, Permission::ViewDirectory, staff::people_list);
    routes.get("/people/export.csv", member, Permission::ExportStaff, staff::people_export);
    routes.get("/people/import", member, Permission::ImportStaff, staff::import_new);
    routes.post("/people/import", member, Permission::ImportStaff, staff::import_preview);
    routes.get(R"(/people/imports/(\d+))", member, Permission::ImportStaff, staff::import_show);
    routes.post(R"(/people/imports/(\d+)/commit)", member, Permission::ImportStaff, staff::import_commit);
    routes.get(R"(/people/imports/(\d+)/progress)", member, Permission::ImportStaff, staff::import_progress);
    routes.get(R"(/people/(\d+))", member, any, staff::person_show);
    routes.post(R"(/people/(\d+)/reset-link)", member, Permission::CreateResetLink,
                account::reset_link_create);
    const auto manage_people = Permission::ManagePeople;
    routes.get(R"(/people/(\d+)/edit)", member, manage_people, staff::person_edit);
    routes.post(R"(/people/(\d+)/edit)", member, manage_people, staff::person_update);
    routes.post(R"(/people/(\d+)/leaver)", member, manage_people, staff::person_leaver);
    namespace privacy = ::trellis::privacy::handlers;
    routes.get(R"(/people/(\d+)/data\.json)", member, any, privacy::personal_data_download);
    routes.get(R"(/people/(\d+)/erase)", member, manage_people, privacy::erase_show);
    routes.post(R"(/people/(\d+)/erase)", member, manage_people, privacy::erase_submit);
    namespace schools = ::trellis::organisations::handlers;
    routes.get("/schools", member, manage_people, schools::schools_list);
    routes.get("/audit", member, manage_people, audit::handlers::audit_show);
    routes.post(R"(/notices/(\d+)/dismiss)", member, any, notifications::handlers::notice_dismiss);

    // Priorities: everyone reads them; the service checks who keeps which.
    namespace priorities = ::trellis::priorities::handlers;
    routes.get("/priorities", member, any, priorities::priorities_list);
    routes.post("/priorities", member, any, priorities::priority_create);
    routes.post("/priorities/adopted", member, any, priorities::priorities_adopt);
    routes.get(R"(/priorities/(\d+)/edit)", member, any, priorities::priority_edit);
    routes.post(R"(/priorities/(\d+))", member, any, priorities::priority_update);

    // The trust's library: everyone in the trust searches it; the service checks who keeps items.
    {
        namespace shelf = ::trellis::library::handlers;
        routes.get("/library", member, any, shelf::library_search);
        routes.get("/library/new", member, any, shelf::item_new);
        routes.post("/library", member, any, shelf::item_create);
        routes.get(R"(/library/(\d+))", member, any, shelf::item_show);
        routes.post(R"(/library/(\d+))", member, any, shelf::item_update);
        routes.get(R"(/library/(\d+)/download)", member, any, shelf::item_download);
        routes.post(R"(/library/(\d+)/delete)", member, any, shelf::item_delete);
        routes.get("/materials", member, any, shelf::materials_moved);
    }

    // Programmes: the service decides who sees and keeps each one.
    {
        namespace programmes = ::trellis::programmes::handlers;
        constexpr auto programme = R"(/programmes/(\d+))";
        auto in_programme = [&](const std::string& rest) { return std::string(programme) + rest; };
        routes.get("/programmes", member, any, programmes::programmes_list);
        routes.get("/programmes/new", member, any, programmes::programme_new);
        routes.post("/programmes", member, any, programmes::programme_create);
        routes.get(programme, member, any, programmes::programme_show);
        routes.get(in_programme("/edit"), member, any, programmes::programme_edit);
        routes.get(in_programme("/impact"), member, any, impact::handlers::impact_show);
        routes.get(in_programme(R"(/impact\.pdf)"), member, any, impact::handlers::impact_pdf);
        routes.post(in_programme("/impact/plan"), member, any, impact::handlers::plan_save);
        routes.post(in_programme("/impact/outcomes"), member, any, impact::handlers::outcome_save);
        routes.post(in_programme(R"(/impact/outcomes/(\d+)/delete)"), member, any,
                    impact::handlers::outcome_delete);
        routes.post(in_programme("/edit"), member, any, programmes::programme_update);
        routes.post(in_programme("/join"), member, any, programmes::programme_join);
        routes.post(in_programme("/leave"), member, any, programmes::programme_leave);
        routes.post(in_programme("/members"), member, any, programmes::members_add);
        routes.post(in_programme(R"(/members/(\d+)/remove)"), member, any, programmes::member_remove);
        routes.get(in_programme("/activities/new"), member, any, programmes::activity_new);
        routes.post(in_programme("/activities"), member, any, programmes::activity_create);
        routes.get(in_programme(R"(/activities/(\d+)/edit)"), member, any, programmes::activity_edit);
        routes.post(in_programme(R"(/activities/(\d+)/edit)"), member, any, programmes::activity_update);
        routes.post(in_programme(R"(/activities/(\d+)/move)"), member, any, programmes::activity_move);
        routes.post(in_programme(R"(/activities/(\d+)/delete)"), member, any, programmes::activity_delete);
        routes.get(in_programme(R"(/activities/(\d+)/register)"), member, any,
                   programmes::session_register_show);
        routes.post(in_programme(R"(/activities/(\d+)/register)"), member, any,
                    programmes::session_register_save);
        routes.get(in_programme(R"(/activities/(\d+)/check-in)"), member, any, programmes::check_in_show);
        routes.post(in_programme(R"(/activities/(\d+)/check-in)"), member, any, programmes::check_in_submit);
        routes.get(in_programme(R"(/activities/(\d+)/recording)"), member, any, programmes::recording_show);
        routes.post(in_programme(R"(/activities/(\d+)/recording)"), member, any,
                    programmes::recording_attach);
        routes.get(in_programme(R"(/activities/(\d+)/recording/video)"), member, any,
                   programmes::recording_video);
        routes.get(in_programme(R"(/activities/(\d+)/recording/captions\.vtt)"), member, any,
                   programmes::recording_video);
        routes.post(in_programme(R"(/activities/(\d+)/recording/catch-up)"), member, any,
                    programmes::recording_catch_up);
        routes.get(in_programme(R"(/activities/(\d+)/recording/slides)"), member, any,
                   programmes::recording_video);
        routes.get(in_programme("/attendance"), member, any, programmes::attendance_report_show);
        routes.get(in_programme(R"(/activities/(\d+)/reflection)"), member, any, programmes::reflection_show);
        routes.post(in_programme(R"(/activities/(\d+)/reflection)"), member, any,
                    programmes::reflection_write);
        routes.get(in_programme(R"(/activities/(\d+)/feedback)"), member, any,
                   programmes::session_feedback_show);
        routes.post(in_programme(R"(/activities/(\d+)/feedback)"), member, any,
                    programmes::session_feedback_submit);
        routes.get(in_programme(R"(/activities/(\d+)/materials)"), member, any, programmes::materials_show);
        routes.post(in_programme(R"(/activities/(\d+)/materials)"), member, any, programmes::material_upload);
        routes.get(in_programme(R"(/activities/(\d+)/materials/(\d+)/download)"), member, any,
                   programmes::material_download);
        routes.post(in_programme(R"(/activities/(\d+)/materials/(\d+)/delete)"), member, any,
                    programmes::material_delete);
        routes.get(in_programme(R"(/activities/(\d+)/groups)"), member, any, programmes::groups_show);
        routes.post(in_programme(R"(/activities/(\d+)/groups/suggest)"), member, any,
                    programmes::groups_suggest);
        routes.post(in_programme(R"(/activities/(\d+)/groups/arrange)"), member, any,
                    programmes::groups_arrange);
        routes.post(in_programme(R"(/activities/(\d+)/groups/apart)"), member, any, programmes::apart_add);
        routes.post(in_programme(R"(/activities/(\d+)/groups/apart/remove)"), member, any,
                    programmes::apart_remove);
        routes.post(in_programme(R"(/activities/(\d+)/groups/(\d+)/record)"), member, any,
                    programmes::group_record);
    }
    routes.get("/my-year", member, any, year::handlers::my_year_show);
    {
        namespace pages = surveys::handlers;
        routes.get("/surveys", member, any, pages::surveys_list);
        routes.post("/surveys", member, any, pages::survey_create);
        routes.post("/surveys/starters", member, any, pages::survey_from_starter);
        routes.get(R"(/surveys/(\d+))", member, any, pages::survey_answer);
        routes.post(R"(/surveys/(\d+)/draft)", member, any, pages::survey_save_draft);
        routes.post(R"(/surveys/(\d+)/answers)", member, any, pages::survey_submit);
        routes.get(R"(/surveys/(\d+)/edit)", member, any, pages::survey_edit);
        routes.post(R"(/surveys/(\d+)/edit)", member, any, pages::survey_update);
        routes.post(R"(/surveys/(\d+)/delete)", member, any, pages::survey_delete);
        routes.post(R"(/surveys/(\d+)/remind)", member, any, pages::survey_remind);
        routes.post(R"(/surveys/(\d+)/questions)", member, any, pages::question_create);
        routes.get(R"(/surveys/(\d+)/questions/(\d+)/edit)", member, any, pages::question_edit);
        routes.post(R"(/surveys/(\d+)/questions/(\d+)/edit)", member, any, pages::question_update);
        routes.post(R"(/surveys/(\d+)/questions/(\d+)/delete)", member, any, pages::question_delete);
        routes.post(R"(/surveys/(\d+)/questions/(\d+)/move)", member, any, pages::question_move);
        routes.post(R"(/surveys/(\d+)/questions/(\d+)/tags)", member, any, pages::option_tag);
        routes.get(R"(/surveys/(\d+)/results)", member, any, pages::survey_results);
        routes.get(R"(/surveys/(\d+)/results\.csv)", member, any, pages::survey_results_csv);
        routes.post(R"(/surveys/(\d+)/priorities)", member, any, pages::option_to_priority);
    }
    routes.get("/provision", member, any, provision::handlers::provision_show);
    routes.get("/record", member, any, record::handlers::record_show);
    routes.get(R"(/record\.csv)", member, any, record::handlers::record_csv);
    routes.get(R"(/record\.pdf)", member, any, record::handlers::record_pdf);
    routes.get("/record/new", member, any, record::handlers::entry_new);
    routes.post("/record", member, any, record::handlers::entry_create);
    routes.get(R"(/record/entries/(\d+)/edit)", member, any, record::handlers::entry_edit);
    routes.post(R"(/record/entries/(\d+)/edit)", member, any, record::handlers::entry_update);
    routes.post(R"(/record/entries/(\d+)/delete)", member, any, record::handlers::entry_delete);
    {
        namespace pages = mentoring::handlers;
        routes.get("/mentoring", member, any, pages::mentoring_show);
        routes.post("/mentoring/pairs", member, any, pages::pair_create);
        routes.post("/mentoring/requests", member, any, pages::coach_request);
        routes.post(R"(/mentoring/pairs/(\d+)/coach)", member, any, pages::coach_give);
        routes.get(R"(/mentoring/pairs/(\d+))", member, any, pages::pair_show);
        routes.post(R"(/mentoring/pairs/(\d+)/meetings)", member, any, pages::meeting_create);
        routes.post(R"(/mentoring/pairs/(\d+)/end)", member, any, pages::pair_end);
        routes.get("/mentoring/steps", member, any, pages::steps_show);
        routes.post("/mentoring/steps", member, any, pages::step_create);
    }
    {
        namespace pages = observations::handlers;
        routes.get("/observations", member, any, pages::observations_show);
        routes.post("/observations", member, any, pages::invite);
        routes.get(R"(/observations/(\d+))", member, any, pages::observation_show);
        routes.post(R"(/observations/(\d+)/note)", member, any, pages::note_write);
        routes.post(R"(/observations/(\d+)/decline)", member, any, pages::decline);
    }
    {
        namespace pages = groups::handlers;
        routes.get("/groups", member, any, pages::groups_show);
        routes.post("/groups", member, any, pages::group_start);
        routes.get(R"(/groups/(\d+))", member, any, pages::group_show);
        routes.post(R"(/groups/(\d+)/members)", member, any, pages::members_add);
        routes.post(R"(/groups/(\d+)/members/(\d+)/remove)", member, any, pages::member_remove);
        routes.post(R"(/groups/(\d+)/meetings)", member, any, pages::meeting_keep);
        routes.post(R"(/groups/(\d+)/notes)", member, any, pages::note_add);
        routes.post(R"(/groups/(\d+)/resources)", member, any, pages::resource_add);
    }
    {
        namespace pages = expertise::handlers;
        routes.get("/expertise", member, any, pages::directory_show);
        routes.get("/expertise/mine", member, any, pages::entry_show);
        routes.post("/expertise/mine", member, any, pages::entry_save);
        routes.post("/expertise/mine/leave", member, any, pages::entry_leave);
        routes.post(R"(/expertise/people/(\d+)/ask)", member, any, pages::help_ask);
        routes.post(R"(/expertise/requests/(\d+)/answered)", member, any, pages::request_answered);
    }
    routes.post("/my-year/feed", member, any, year::handlers::feed_create);
    // The secret token is the key: calendar programs fetch it without signing in.
    routes.get(R"(/calendar/([A-Za-z0-9_-]{43})\.ics)", open, any, year::handlers::feed_download);
    routes.post("/schools", member, manage_people, schools::school_create);
    routes.post("/schools/smallest-group", member, manage_people, schools::smallest_group_set);
    routes.get("/schools/sign-in", member, manage_people, openid::handlers::settings_show);
    routes.get("/schools/email", member, manage_people, mail::handlers::outbox_show);
    routes.post("/schools/sign-in/providers", member, manage_people, openid::handlers::provider_save);
    routes.post("/schools/sign-in/providers/(microsoft|google)/remove", member, manage_people,
                openid::handlers::provider_remove);
    routes.post("/schools/sign-in/passwords", member, manage_people, openid::handlers::password_setting_save);
    routes.post(R"(/schools/(\d+))", member, manage_people, schools::school_rename);
    // --- Training days: schedule, catalogue, choices, allocation ---
    {
        namespace days = ::trellis::events::handlers;
        constexpr auto event = R"(/events/(\d+))";
        auto in_event = [&](const std::string& rest) { return std::string(event) + rest; };
        const auto lead = Permission::ManageEvents;
        routes.get(in_event("/schedule"), member, lead, days::schedule_show);
        routes.post(in_event("/schedule"), member, lead, days::schedule_save);
        routes.post(in_event("/schedule/suggest"), member, lead, days::schedule_suggest);
        routes.get(in_event("/workshops"), member, any, days::catalogue_show);
        routes.get(in_event(R"(/workshops/(\d+))"), member, any, days::workshop_show);
        routes.get(in_event("/choices"), member, any, days::choices_show);
        routes.post(in_event("/choices"), member, any, days::choices_save);
        routes.get(in_event("/demand"), member, lead, days::demand_show);
        routes.post(in_event("/demand/remind"), member, lead, days::demand_remind);
        routes.get(in_event("/allocation"), member, lead, days::allocation_show);
        routes.post(in_event("/allocation"), member, lead, days::allocation_start);
        routes.get(in_event(R"(/allocation/runs/(\d+))"), member, lead, days::allocation_run_show);
        routes.get(in_event(R"(/allocation/runs/(\d+)/progress)"), member, lead, days::allocation_progress);
        routes.post(in_event("/allocation/move"), member, lead, days::allocation_move);
        routes.get(in_event("/allocation/publish"), member, lead, days::allocation_publish_confirm);
        routes.post(in_event("/allocation/publish"), member, lead, days::allocation_publish);
    }
    // --- end ---

    // --- Training days: call for offers, quality assurance, materials (offers branch) ---
    namespace offers = trellis::events::handlers;
    routes.get(R"(/events/(\d+)/offers)", member, any, offers::call_show);
    routes.post(R"(/events/(\d+)/offers)", member, any, offers::offer_create);
    routes.get("/offers/mine", member, any, offers::offers_mine);
    routes.get(R"(/events/(\d+)/offers/mine)", member, any, offers::offers_mine);
    routes.get(R"(/offers/(\d+))", member, any, offers::offer_show);
    routes.post(R"(/offers/(\d+))", member, any, offers::offer_update);
    routes.get(R"(/offers/(\d+)/edit)", member, any, offers::offer_edit);
    routes.get(R"(/events/(\d+)/reviews)", member, any, offers::reviews_list);
    routes.get(R"(/events/(\d+)/review)", member, any, offers::reviews_list);
    routes.get(R"(/offers/(\d+)/review)", member, any, offers::review_show);
    routes.post(R"(/offers/(\d+)/review)", member, any, offers::review_submit);
    routes.get(R"(/events/(\d+)/coverage)", member, Permission::ManageEvents, offers::coverage_show);
    routes.post(R"(/offers/(\d+)/materials)", member, any, offers::material_upload);
    routes.post(R"(/materials/(\d+)/delete)", member, any, offers::material_delete);
    routes.get(R"(/materials/(\d+)/download)", member, any, offers::material_download);
    // --- end of training days: offers ---
    // --- Training days: on the day (timetables, registers, room sheets), feedback, notices ---
    {
        namespace day = ::trellis::events::handlers;
        constexpr auto event = R"(/events/(\d+))";
        auto in_event = [&](const std::string& rest) { return std::string(event) + rest; };
        routes.get(in_event("/timetable"), member, any, day::timetable_show);
        routes.get(in_event(R"(/timetable\.ics)"), member, any, day::timetable_download);
        routes.get(in_event("/registers"), member, any, day::registers_list);
        routes.get(in_event(R"(/sessions/(\d+)/register)"), member, any, day::register_show);
        routes.post(in_event(R"(/sessions/(\d+)/register)"), member, any, day::register_submit);
        routes.get(in_event(R"(/sessions/(\d+)/register\.pdf)"), member, any, day::register_download);
        routes.get(in_event("/room-sheets"), member, Permission::ManageEvents, day::room_sheets_show);
        routes.get(in_event(R"(/room-sheets\.pdf)"), member, Permission::ManageEvents,
                   day::room_sheets_download);
        routes.get(in_event("/feedback"), member, any, day::feedback_show);
        routes.post(in_event("/feedback"), member, any, day::feedback_submit);
        routes.get(in_event("/results"), member, any, day::results_show);
    }
    return std::move(routes).routes();
}

} // namespace trellis::http

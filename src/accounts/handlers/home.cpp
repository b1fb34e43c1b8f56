#include "accounts/handlers/handlers.h"
#include "accounts/permissions.h"
#include "events/handlers/events.h"
#include "http/response.h"
#include "learning/service.h"
#include "programmes/handlers/handlers.h"
#include "surveys/handlers/views.h"
#include "text/dates.h"
#include "text/words.h"
#include "year/handlers/handlers.h"

namespace trellis::accounts::handlers {

namespace {

mstch::map card(const std::string& href, const std::string& title, const std::string& text) {
    return mstch::map{{"href", href}, {"title", title}, {"text", text}};
}

// The module the person worked on most recently and has not finished, as a card.
std::optional<mstch::map>
module_to_continue(http::RequestContext& context,
                   const std::map<std::string, learning::ModuleStanding>& standings) {
    const auto snapshot = context.app.content.snapshot();
    const learning::content::Module* latest = nullptr;
    learning::ModuleStanding latest_standing;
    for (const auto& [slug, standing] : standings) {
        const auto* module = snapshot->find(slug);
        if (module && !standing.complete() && (!latest || standing.updated_at > latest_standing.updated_at)) {
            latest = module;
            latest_standing = standing;
        }
    }
    if (!latest)
        return std::nullopt;
    return card("/learning/" + latest->slug + "/continue", "Continue: " + latest->title,
                std::to_string(latest_standing.percent()) + "% complete, about " +
                    text::counted(learning::minutes_left(*latest, latest_standing), "minute", "minutes") +
                    " left.");
}

// Open surveys meant for the person that they have not sent yet: on the home page until they answer.
mstch::array surveys_waiting(http::RequestContext& context, const HomeStanding& read) {
    mstch::array waiting;
    for (const auto& standing :
         context.app.surveys.for_person(context.signed_in(), context.app.clock.today(), read.surveys))
        if (!standing.answered)
            waiting.push_back(mstch::map{{"href", "/surveys/" + std::to_string(standing.survey.id)},
                                         {"title", standing.survey.title},
                                         {"closes", text::long_date(standing.survey.closes_on)},
                                         {"started", standing.started}});
    return waiting;
}

// The person's notices (a published timetable, a survey to fill in, a recording of a session missed).
mstch::array notices_of(const HomeStanding& read) {
    mstch::array notices;
    for (const notifications::Notice& notice : read.notices)
        notices.push_back(
            mstch::map{{"id", std::to_string(notice.id)}, {"text", notice.text}, {"link", notice.link}});
    return notices;
}

} // namespace

void home_show(http::RequestContext& context) {
    const Actor& actor = context.signed_in();
    const HomeStanding read = context.app.home_reads.read(actor);
    mstch::array cards;
    if (allows(actor, Permission::ViewDirectory)) {
        people::DirectoryQuery query;
        query.school_id = directory_school_scope(actor);
        query.page_size = 0;
        const long long count = context.app.people.directory(actor.trust_id, query).total;
        cards.push_back(card("/people", "People",
                             text::counted(count, "person", "people") +
                                 (query.school_id >= 0 ? " in your school. " : " in your organisation. ") +
                                 "Search by name, school or staff group."));
    }
    if (allows(actor, Permission::ImportStaff)) {
        cards.push_back(
            card("/people/import", "Import staff",
                 "Bring staff in from your MIS export (CSV). You see every problem before anything "
                 "is saved."));
        cards.push_back(card("/people/export.csv", "Download the staff list",
                             "Everyone as a CSV file in the same columns as the import."));
    }
    if (allows(actor, Permission::ManagePeople)) {
        cards.push_back(
            card("/schools", "Schools", "Add a school that joins the trust, or correct a school's name."));
        cards.push_back(card("/audit", "Audit log",
                             "Who changed roles, recorded leavers, made sign-in links, imported staff and "
                             "published timetables, and when."));
    }
    cards.insert(cards.begin(),
                 card("/learning", "Online learning",
                      "Self-paced modules on professional development, about 90 minutes each."));
    if (auto carry_on = module_to_continue(context, read.modules))
        cards.insert(cards.begin(), *carry_on);
    // The person's standing groups, so the next meeting is one click away.
    for (const groups::StandingGroup& group : context.app.standing_groups.groups_of(actor))
        cards.insert(
            cards.begin() + 1,
            card("/groups/" + std::to_string(group.id), "Your group: " + group.name,
                 text::counted(static_cast<long long>(group.members.size()), "member", "members") +
                     "; last met: " +
                     (group.last_met.empty() ? std::string("not yet") : text::long_date(group.last_met)) +
                     ". Keep a meeting, a note or a resource."));
    cards.push_back(card("/people/" + std::to_string(actor.person_id), "My profile",
                         "Your details as your organisation holds them."));
    cards.push_back(card("/account/password", "Change my password", "Choose a new password for signing in."));
    const mstch::array notices = notices_of(read);
    const mstch::array next = year::handlers::next_up(context, 3, read.programme_statuses);
    const mstch::array attention = programmes::handlers::programmes_needing_attention(context);
    const mstch::array training_days = events::handlers::training_days_needing_attention(context);
    const mstch::array surveys = surveys_waiting(context, read);
    mstch::map data{{"attention", attention},
                    {"surveys", surveys},
                    {"any_surveys", !surveys.empty()},
                    {"training_days", training_days},
                    {"any_training_days", !training_days.empty()},
                    {"any_attention", !attention.empty()},
                    {"next", next},
                    {"any_next", !next.empty()},
                    {"first_name", actor.display_name.substr(0, actor.display_name.find(' '))},
                    {"trust_name", actor.trust_name},
                    {"role_label", people::label_of(actor.role, actor.staff_group)},
                    {"cards", cards},
                    {"notices", notices},
                    {"any_notices", !notices.empty()}};
    if (context.query("welcome") == "password-set")
        data["password_set"] = std::string("Your password is set and you are signed in.");
    http::render_page(context, "accounts/home", "Home", data);
}

} // namespace trellis::accounts::handlers

#include <algorithm>
#include <set>
#include <stdexcept>

#include "accounts/permissions.h"
#include "calendar/london_time.h"
#include "db/database.h"
#include "http/form_options.h"
#include "http/response.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/handlers/views.h"
#include "programmes/person_reads.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::programmes::handlers {

namespace {

ProgrammeForm read_form(const http::RequestContext& context) {
    return ProgrammeForm{
        context.form("title"),          context.form("purpose"),          context.form("pupil_outcome"),
        context.form("audience"),       context.form_all("staff_groups"), context.form_all("phases"),
        context.form_all("school_ids"), context.form("capacity"),         context.form("sponsor_id"),
        context.form("starts_on"),      context.form("ends_on"),          context.form_all("priority_ids")};
}

mstch::array priority_options(http::RequestContext& context, const std::vector<std::string>& chosen) {
    const priorities::PriorityView view = context.app.priorities.view(context.signed_in());
    mstch::array options;
    for (const auto* list : {&view.trust, &view.school})
        for (const priorities::Priority& priority : *list)
            options.push_back(mstch::map{{"value", std::to_string(priority.id)},
                                         {"label", priority.title},
                                         {"school", !priority.school_name.empty()},
                                         {"checked", http::contains(chosen, std::to_string(priority.id))}});
    return options;
}

void show_form(http::RequestContext& context, long long programme_id, const ProgrammeForm& form,
               const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array audiences,
        sponsors{mstch::map{
            {"value", std::string("0")}, {"label", std::string("Nobody yet")}, {"selected", false}}};
    for (const auto& [value, label] :
         {std::pair{"everyone", "Everyone within the groups, phases and schools below"},
          std::pair{"cohort", "A named cohort, such as the early-career teachers"},
          std::pair{"open", "Open sign-up, with a number of places and a wait-list"}})
        audiences.push_back(mstch::map{{"value", std::string(value)},
                                       {"label", std::string(label)},
                                       {"checked", form.audience == value}});
    for (const PersonChoice& person : context.app.programmes.sponsors(actor.trust_id))
        sponsors.push_back(
            mstch::map{{"value", std::to_string(person.id)},
                       {"label", person.name + (person.detail.empty() ? "" : ", " + person.detail)},
                       {"selected", std::to_string(person.id) == form.sponsor_id}});
    mstch::map data{
        {"title", form.title},
        {"purpose", form.purpose},
        {"pupil_outcome", form.pupil_outcome},
        {"audiences", audiences},
        {"capacity", form.capacity},
        {"groups", http::staff_group_options(form.staff_groups)},
        {"phases", http::phase_options(form.phases)},
        {"trust_level", accounts::leads_at(actor, 0)},
        {"schools", http::school_options(context.app.organisations.schools(actor.trust_id), form.school_ids)},
        {"priorities", priority_options(context, form.priority_ids)},
        {"sponsors", sponsors},
        {"starts_on", form.starts_on},
        {"ends_on", form.ends_on},
        {"editing", programme_id != 0},
        {"action", programme_id ? "/programmes/" + std::to_string(programme_id) + "/edit"
                                : std::string("/programmes")}};
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "programmes/form", programme_id ? "Edit programme" : "New programme", data,
                      status);
}

std::string level_of(const Programme& programme) {
    return programme.school_id ? programme.school_name : "Trust";
}

// A programme in a list; with its design check for those who keep it.
mstch::map list_row(const ProgrammeSummary& summary, const DesignCheck* check = nullptr) {
    const Programme& programme = summary.programme;
    mstch::map row{
        {"id", std::to_string(programme.id)},
        {"title", programme.title},
        {"purpose", programme.purpose},
        {"level", level_of(programme)},
        {"dates", text::long_date(programme.starts_on) + " to " + text::long_date(programme.ends_on)},
        {"who", views::audience_label(programme)},
        {"activities", text::counted(summary.activities, "activity", "activities")},
        {"member", summary.membership == Membership::Member},
        {"waiting", summary.membership == Membership::Waiting},
        {"eligible", summary.membership == Membership::Eligible}};
    if (check) {
        mstch::array gaps;
        for (const CheckLine& line : check->lines)
            if (!line.met)
                gaps.push_back(line.title);
        row["check"] = views::design_check_view(*check);
        row["any_gaps"] = !gaps.empty();
        row["gaps"] = gaps;
    }
    return row;
}

// The programme found, or nullopt after answering 404.
std::optional<ProgrammeSummary> answered_404_unless(http::RequestContext& context,
                                                    std::optional<ProgrammeSummary> summary) {
    if (!summary)
        http::render_error(context, 404, "There is no such programme.");
    return summary;
}

} // namespace

std::optional<ProgrammeSummary> programme_in_route(http::RequestContext& context) {
    auto id = context.id_capture(1);
    return answered_404_unless(context, id ? context.app.programmes.find_visible(context.signed_in(), *id)
                                           : std::nullopt);
}

std::optional<ProgrammeSummary> programme_in_route(http::RequestContext& context,
                                                   const std::map<long long, std::string>& statuses) {
    auto id = context.id_capture(1);
    return answered_404_unless(
        context, id ? context.app.programmes.find_visible(context.signed_in(), *id, statuses) : std::nullopt);
}

std::string activity_path(const Activity& activity) {
    return "/programmes/" + std::to_string(activity.programme_id) + "/activities/" +
           std::to_string(activity.id);
}

std::optional<Activity> activity_in_route(http::RequestContext& context, const Programme& programme,
                                          std::initializer_list<ActivityKind> kinds) {
    auto id = context.id_capture(2);
    auto activity = id ? context.app.activities.find(programme, *id) : std::nullopt;
    if (!activity ||
        (kinds.size() > 0 && std::find(kinds.begin(), kinds.end(), activity->kind) == kinds.end())) {
        http::render_error(context, 404, "There is no such activity in this programme.");
        return std::nullopt;
    }
    return activity;
}

std::optional<Activity> live_session_in_route(http::RequestContext& context, const Programme& programme) {
    return activity_in_route(context, programme, {ActivityKind::Live});
}

std::optional<Programme> kept_programme_in_route(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return std::nullopt;
    if (!ProgrammeService::may_keep(context.signed_in(), summary->programme)) {
        http::render_error(context, 403, "Only the programme's lead can change it.");
        return std::nullopt;
    }
    return summary->programme;
}

void programmes_list(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array kept, mine, open;
    const std::vector<ProgrammeSummary> visible = context.app.programmes.visible_to(actor);
    std::vector<Programme> overseen;
    for (const ProgrammeSummary& summary : visible)
        if (accounts::oversees(actor, summary.programme.school_id))
            overseen.push_back(summary.programme);
    const auto checks = context.app.programmes.design_checks(actor, overseen);
    for (const ProgrammeSummary& summary : visible) {
        if (auto check = checks.find(summary.programme.id); check != checks.end())
            kept.push_back(list_row(summary, &check->second));
        if (summary.membership == Membership::Member || summary.membership == Membership::Waiting)
            mine.push_back(list_row(summary));
        else if (summary.membership == Membership::Eligible)
            open.push_back(list_row(summary));
    }
    const bool lead = accounts::leads_at(actor, 0) || accounts::leads_at(actor, actor.school_id);
    http::render_page(context, "programmes/list", "Programmes",
                      mstch::map{{"lead", lead},
                                 {"kept", kept},
                                 {"any_kept", !kept.empty()},
                                 {"mine", mine},
                                 {"any_mine", !mine.empty()},
                                 {"open", open},
                                 {"any_open", !open.empty()}});
}

mstch::array programmes_needing_attention(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array attention;
    if (!accounts::leads_at(actor, 0) && !accounts::leads_at(actor, actor.school_id))
        return attention;
    // The programmes this lead keeps, soonest first, read once: what find_visible and may_keep would
    // say of each, for the design checks, the registers and the recordings below.
    std::vector<Programme> kept;
    std::set<long long> kept_ids;
    for (const ProgrammeSummary& summary : context.app.programmes.visible_to(actor))
        if (ProgrammeService::may_keep(actor, summary.programme)) {
            kept.push_back(summary.programme);
            kept_ids.insert(summary.programme.id);
        }
    const auto checks = context.app.programmes.design_checks(actor, kept);
    for (const Programme& programme : kept) {
        const DesignCheck& check = checks.at(programme.id);
        std::vector<std::string> gaps;
        for (const CheckLine& line : check.lines)
            if (!line.met)
                gaps.push_back(text::lowered(line.title.substr(0, 1)) + line.title.substr(1));
        if (!gaps.empty())
            attention.push_back(
                mstch::map{{"href", "/programmes/" + std::to_string(programme.id) + "#check-heading"},
                           {"title", programme.title},
                           {"gaps", "Not yet: " + text::joined(gaps, "; ") + "."}});
    }
    for (const Activity& session : context.app.session_attendance.without_register(actor.trust_id)) {
        if (kept_ids.count(session.programme_id))
            attention.push_back(mstch::map{
                {"href", "/programmes/" + std::to_string(session.programme_id) + "/activities/" +
                             std::to_string(session.id) + "/register"},
                {"title", "Register of “" + session.title + "”"},
                {"gaps", "Not yet kept: the session was on " + text::long_date(session.starts_on) + "."}});
    }
    for (const auto& missing : context.app.recordings.without_captions(actor.trust_id)) {
        if (kept_ids.count(missing.programme_id))
            attention.push_back(
                mstch::map{{"href", "/programmes/" + std::to_string(missing.programme_id) + "/activities/" +
                                        std::to_string(missing.activity_id) + "/recording"},
                           {"title", "Recording of “" + missing.title + "”"},
                           {"gaps", std::string("Not yet: captions, so that everyone can follow it.")}});
    }
    return attention;
}

void programme_new(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    if (!accounts::leads_at(actor, 0) && !accounts::leads_at(actor, actor.school_id))
        return http::render_error(context, 403, "Only a trust or school PD lead creates programmes.");
    ProgrammeForm form;
    show_form(context, 0, form, "", 200);
}

void programme_create(http::RequestContext& context) {
    const ProgrammeForm form = read_form(context);
    try {
        const long long id = context.app.programmes.create(context.signed_in(), form);
        http::redirect(context, "/programmes/" + std::to_string(id));
    } catch (const std::invalid_argument& error) {
        show_form(context, 0, form, error.what(), 400);
    }
}

namespace {

// What the page says after a change, from a fixed code in the address (never text from it).
std::string notice_for(const http::RequestContext& context) {
    if (context.query("saved") == "1")
        return "Saved.";
    if (context.query("joined") == "1")
        return "You are in.";
    if (context.query("joined") == "waiting")
        return "The places are taken: you are on the wait-list, and will be told here when one frees.";
    if (context.query("checked_in") == "1")
        return "You are checked in. Thank you.";
    if (context.query("left") == "1")
        return "You have left the programme.";
    if (auto added = http::parse_id(context.query("added")))
        return "Added " + text::counted(*added, "person", "people") + ".";
    if (context.query("added") == "0")
        return "Everyone named was already on the programme.";
    return "";
}

void show_programme(http::RequestContext& context, const ProgrammeSummary* summary, const std::string& error,
                    const PersonStanding& standing) {
    const accounts::Actor& actor = context.signed_in();
    const Programme& programme = summary->programme;
    const bool lead = ProgrammeService::may_keep(actor, programme);
    const bool taking_part = summary->membership == Membership::Member;
    const std::vector<Activity> activities = context.app.programmes.activities_of(actor, programme.id);
    const std::string now = calendar::london_moment(db::now_seconds());
    mstch::array rows, priority_titles, members, waiting;
    const std::vector<long long> recorded = context.app.recordings.recorded_in(actor, programme);
    const auto materials = context.app.materials.counts(actor, library::OwnerKind::Activity);
    for (std::size_t i = 0; i < activities.size(); ++i) {
        const long long id = activities[i].id;
        const auto files = materials.find(id);
        const views::CardFacts facts{.lead = lead,
                                     .taking_part = taking_part,
                                     .has_recording =
                                         std::find(recorded.begin(), recorded.end(), id) != recorded.end(),
                                     .written = standing.written.count(id) > 0,
                                     .may_give_feedback = standing.attended.count(id) > 0,
                                     .gave_feedback = standing.gave_feedback.count(id) > 0,
                                     .materials = files == materials.end() ? 0 : files->second};
        mstch::map row = views::activity_view(activities[i], facts, now);
        row["first"] = i == 0;
        row["last"] = i + 1 == activities.size();
        rows.push_back(std::move(row));
    }
    const priorities::PriorityView priorities = context.app.priorities.view(actor);
    for (const auto* list : {&priorities.trust, &priorities.school})
        for (const auto& priority : *list)
            if (std::find(programme.priority_ids.begin(), programme.priority_ids.end(), priority.id) !=
                programme.priority_ids.end())
                priority_titles.push_back(priority.title);
    if (lead && programme.audience != Audience::Everyone)
        for (const store::Member& member : context.app.programmes.members(programme))
            (member.waiting ? waiting : members)
                .push_back(mstch::map{{"id", std::to_string(member.person_id)},
                                      {"name", member.name},
                                      {"school", member.school_name},
                                      {"group", people::label_of(member.staff_group)}});
    mstch::map data{
        {"id", std::to_string(programme.id)},
        {"programme_id", std::to_string(programme.id)},
        {"title", programme.title},
        {"purpose", programme.purpose},
        {"pupil_outcome", programme.pupil_outcome},
        {"level", level_of(programme)},
        {"who", views::audience_label(programme)},
        {"sponsor", programme.sponsor_name},
        {"dates", text::long_date(programme.starts_on) + " to " + text::long_date(programme.ends_on)},
        {"priorities", priority_titles},
        {"any_priorities", !priority_titles.empty()},
        {"any_activities", !rows.empty()},
        {"lead", lead},
        {"check", views::design_check_view(check_design(programme, activities))},
        {"member", taking_part && programme.audience != Audience::Everyone},
        {"waiting", summary->membership == Membership::Waiting},
        {"eligible", summary->membership == Membership::Eligible},
        {"open", programme.audience == Audience::Open},
        {"names_people", lead && programme.audience != Audience::Everyone},
        {"members", members},
        {"waiting_list", waiting},
        {"any_waiting", !waiting.empty()},
        {"size",
         text::counted(lead ? context.app.programmes.audience_size(programme) : 0, "person", "people")},
        {"places_left", programme.audience == Audience::Open && summary->members < programme.capacity},
        {"groups", http::staff_group_options({})}};
    // The largest parts are moved in, not copied through the list above.
    data.emplace("activities", std::move(rows));
    data.emplace("timeline", views::timeline(programme, activities));
    if (const std::string notice = notice_for(context); !notice.empty())
        data["notice"] = notice;
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "programmes/show", programme.title, std::move(data),
                      error.empty() ? 200 : 400);
}

} // namespace

void programme_show(http::RequestContext& context) {
    // The person's standing first: their place on this programme decides whether they may see it.
    const PersonStanding standing = context.app.programme_reads.read(context.signed_in());
    if (auto summary = programme_in_route(context, standing.statuses))
        show_programme(context, &*summary, "", standing);
}

void programme_edit(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (programme)
        show_form(context, programme->id, ProgrammeService::form_of(*programme), "", 200);
}

void programme_update(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    const ProgrammeForm form = read_form(context);
    try {
        context.app.programmes.update(context.signed_in(), programme->id, form);
        http::redirect(context, "/programmes/" + std::to_string(programme->id) + "?saved=1");
    } catch (const std::invalid_argument& error) {
        show_form(context, programme->id, form, error.what(), 400);
    }
}

void programme_join(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    try {
        const Membership membership = context.app.programmes.join(context.signed_in(), summary->programme);
        http::redirect(context, "/programmes/" + std::to_string(summary->programme.id) +
                                    (membership == Membership::Member ? "?joined=1" : "?joined=waiting"));
    } catch (const std::invalid_argument& error) {
        http::render_error(context, 403, error.what());
    }
}

void programme_leave(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    try {
        context.app.programmes.leave(context.signed_in(), summary->programme);
        http::redirect(context, "/programmes/" + std::to_string(summary->programme.id) + "?left=1");
    } catch (const std::invalid_argument& error) {
        http::render_error(context, 403, error.what());
    }
}

void members_add(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    try {
        const int added = context.app.programmes.add_to_cohort(
            context.signed_in(), *programme, context.form("emails"), context.form("staff_group"));
        http::redirect(context, "/programmes/" + std::to_string(programme->id) +
                                    "?added=" + std::to_string(added) + "#people");
    } catch (const std::invalid_argument& error) {
        const PersonStanding standing = context.app.programme_reads.read(context.signed_in());
        auto summary =
            context.app.programmes.find_visible(context.signed_in(), programme->id, standing.statuses);
        show_programme(context, &*summary, error.what(), standing);
    }
}

void member_remove(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    auto person_id = context.id_capture(2);
    if (!person_id)
        return http::render_error(context, 404, "There is no such person on this programme.");
    context.app.programmes.remove_member(context.signed_in(), *programme, *person_id);
    http::redirect(context, "/programmes/" + std::to_string(programme->id) + "#people");
}

} // namespace trellis::programmes::handlers

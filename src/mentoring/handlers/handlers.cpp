// Mentoring and coaching pages: the person's pairs and the lead's overview, a pair's own page with
// its meetings, and the trust's library of steps.
#include "mentoring/handlers/handlers.h"
#include "text/url.h"

#include <stdexcept>

#include "accounts/permissions.h"
#include "http/app.h"
#include "http/form_options.h"
#include "http/response.h"
#include "record/model.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::mentoring::handlers {

namespace {

std::string pair_path(long long pair_id) {
    return "/mentoring/pairs/" + std::to_string(pair_id);
}

// A pair as a row anyone who may see it sees: who, how often they meet, never what they wrote.
mstch::map pair_row(const Pair& pair, long long viewer_id) {
    const bool mine = pair.has(viewer_id);
    const std::string other = viewer_id == pair.mentee_id ? pair.mentor_name : pair.mentee_name;
    return mstch::map{
        {"href", mine ? pair_path(pair.id) : std::string()},
        {"id", std::to_string(pair.id)},
        {"kind", std::string(pair.kind == PairKind::Coaching ? "Coaching" : "Mentoring")},
        {"other", other.empty() ? std::string("waiting for a coach") : other},
        {"mentee", pair.mentee_name},
        {"school", pair.mentee_school.empty() ? std::string("Central team") : pair.mentee_school},
        {"mentor", pair.mentor_name.empty() ? std::string("Waiting for a coach") : pair.mentor_name},
        {"focus", pair.focus},
        {"requested", pair.status == PairStatus::Requested},
        {"ended", pair.status == PairStatus::Ended},
        {"meetings", text::counted(pair.meetings, "meeting", "meetings")},
        {"last_met", pair.last_met.empty() ? std::string("Not yet met") : text::long_date(pair.last_met)}};
}

mstch::array step_options(const std::vector<Step>& steps, long long chosen) {
    mstch::array options;
    for (const Step& step : steps)
        options.push_back(mstch::map{
            {"value", std::to_string(step.id)}, {"label", step.title}, {"selected", step.id == chosen}});
    return options;
}

void show_overview(http::RequestContext& context, const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array mine, overseen, waiting;
    for (const Pair& pair : context.app.mentoring.pairs_of(actor))
        mine.push_back(pair_row(pair, actor.person_id));
    const auto pairs = context.app.mentoring.overseen(actor);
    if (pairs)
        for (const Pair& pair : *pairs)
            (pair.status == PairStatus::Requested ? waiting : overseen)
                .push_back(pair_row(pair, actor.person_id));
    mstch::array unpaired;
    if (pairs)
        for (const auto& [email, name] : context.app.mentoring.ects_without_mentor(actor))
            unpaired.push_back(mstch::map{
                {"name", name}, {"href", "/mentoring?mentee=" + text::url_encode(email) + "#pair-heading"}});
    const std::string mentee =
        context.form("mentee").empty() ? context.query("mentee") : context.form("mentee");
    mstch::map data{{"mine", mine},
                    {"unpaired", unpaired},
                    {"any_unpaired", !unpaired.empty()},
                    {"any_mine", !mine.empty()},
                    {"lead", pairs.has_value()},
                    {"overseen", overseen},
                    {"any_overseen", !overseen.empty()},
                    {"waiting", waiting},
                    {"any_waiting", !waiting.empty()},
                    {"mentor_email", context.form("mentor")},
                    {"mentee_email", mentee},
                    {"focus", context.form("focus")}};
    if (!error.empty())
        data["error"] = error;
    if (context.query("saved") == "1")
        data["notice"] = std::string("Saved.");
    if (context.query("asked") == "1")
        data["notice"] = std::string("Your request is with your PD lead, who will find you a coach.");
    http::render_page(context, "mentoring/overview", "Mentoring and coaching", std::move(data), status);
}

void show_pair(http::RequestContext& context, const PairPage& page, const MeetingForm& form,
               const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array meetings;
    for (const Meeting& meeting : page.meetings)
        meetings.push_back(mstch::map{
            {"id", std::to_string(meeting.id)},
            {"day", text::long_date(meeting.day)},
            {"time", record::time_spent(meeting.minutes)},
            {"focus", meeting.focus},
            {"discussed", meeting.discussed},
            {"next_step", meeting.next_step},
            {"from_library",
             meeting.step_id ? "/mentoring/steps#step-" + std::to_string(meeting.step_id) : std::string()},
            {"by", text::long_date(meeting.next_step_by)},
            {"tried", label_of(meeting.last_step_tried)},
            {"written_by", meeting.written_by}});
    const Meeting* last = page.last();
    const auto steps = context.app.mentoring.steps(actor);
    const long long chosen_step = http::parse_id(form.step).value_or(0);
    const Pair& pair = page.pair;
    mstch::map data{{"pair", pair_row(pair, actor.person_id)},
                    {"path", pair_path(pair.id)},
                    {"kind_word", std::string(pair.kind == PairKind::Coaching ? "coaching" : "mentoring")},
                    {"mentor", pair.mentor_name},
                    {"mentee", pair.mentee_name},
                    {"active", pair.status == PairStatus::Active},
                    {"meetings", meetings},
                    {"any_meetings", !meetings.empty()},
                    {"steps", step_options(steps, chosen_step)},
                    {"today", context.app.clock.today()},
                    {"day", form.day.empty() ? context.app.clock.today() : form.day},
                    {"minutes", form.minutes.empty() ? std::string("30") : form.minutes},
                    {"focus", form.focus},
                    {"discussed", form.discussed},
                    {"next_step", form.next_step},
                    {"next_step_by", form.next_step_by}};
    if (last) {
        mstch::array tried;
        for (Tried option : {Tried::Yes, Tried::Partly, Tried::NotYet})
            tried.push_back(mstch::map{{"value", text_of(option)},
                                       {"label", label_of(option)},
                                       {"checked", form.last_step_tried == text_of(option)}});
        data["review"] = mstch::map{
            {"step", last->next_step}, {"by", text::long_date(last->next_step_by)}, {"options", tried}};
    }
    if (!error.empty())
        data["error"] = error;
    if (context.query("saved") == "1")
        data["notice"] = std::string("The meeting is kept. It counts in both your records.");
    http::render_page(context, "mentoring/pair",
                      (pair.kind == PairKind::Coaching ? "Coaching: " : "Mentoring: ") + pair.mentee_name,
                      std::move(data), status);
}

// The pair named by the route, for its two people; anyone else gets 404, leads included, since
// what a pair writes is theirs alone.
std::optional<PairPage> own_pair(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    auto page = id ? context.app.mentoring.page_for(context.signed_in(), *id) : std::nullopt;
    if (!page)
        http::render_error(context, 404, "There is no such mentoring or coaching pair for you.");
    return page;
}

void show_steps(http::RequestContext& context, const StepForm& form, const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array steps;
    for (const Step& step : context.app.mentoring.steps(actor))
        steps.push_back(mstch::map{
            {"id", std::to_string(step.id)},
            {"title", step.title},
            {"description", step.description},
            {"done_well", step.done_well},
            {"priority", step.priority_title},
            {"phase", step.phase.empty() ? std::string("Any phase") : http::phase_label(step.phase)}});
    mstch::array priorities;
    const auto view = context.app.priorities.view(actor);
    for (const auto& priority : view.trust)
        priorities.push_back(mstch::map{{"value", std::to_string(priority.id)},
                                        {"label", priority.title},
                                        {"selected", form.priority == std::to_string(priority.id)}});
    mstch::map data{{"steps", steps},
                    {"any", !steps.empty()},
                    {"lead", oversees_any(actor)},
                    {"priorities", priorities},
                    {"phases", http::phase_options({form.phase})},
                    {"title", form.title},
                    {"description", form.description},
                    {"done_well", form.done_well}};
    if (!error.empty())
        data["error"] = error;
    if (context.query("saved") == "1")
        data["notice"] = std::string("The step is in the library.");
    http::render_page(context, "mentoring/steps", "Steps to try", std::move(data), status);
}

} // namespace

void mentoring_show(http::RequestContext& context) {
    show_overview(context, "", 200);
}

void pair_create(http::RequestContext& context) {
    if (!oversees_any(context.signed_in()))
        return http::render_error(context, 403, "Only a PD lead pairs people for mentoring or coaching.");
    const auto kind = pair_kind_from_text(context.form("kind"));
    try {
        if (!kind)
            throw std::invalid_argument("Choose mentoring or coaching.");
        context.app.mentoring.pair(context.signed_in(), *kind, context.form("mentor"), context.form("mentee"),
                                   context.form("focus"));
    } catch (const std::invalid_argument& problem) {
        return show_overview(context, problem.what(), 400);
    }
    http::redirect(context, "/mentoring?saved=1");
}

void coach_request(http::RequestContext& context) {
    try {
        context.app.mentoring.request_coach(context.signed_in(), context.form("focus"));
    } catch (const std::invalid_argument& problem) {
        return show_overview(context, problem.what(), 400);
    }
    http::redirect(context, "/mentoring?asked=1");
}

void coach_give(http::RequestContext& context) {
    if (!oversees_any(context.signed_in()))
        return http::render_error(context, 403, "Only a PD lead finds people a coach.");
    const auto id = context.id_capture(1);
    if (!id || !context.app.mentoring.overseen_pair(context.signed_in(), *id))
        return http::render_error(context, 404, "There is no such request for a coach.");
    try {
        context.app.mentoring.give_coach(context.signed_in(), *id, context.form("coach"));
    } catch (const std::invalid_argument& problem) {
        return show_overview(context, problem.what(), 400);
    }
    http::redirect(context, "/mentoring?saved=1");
}

void pair_show(http::RequestContext& context) {
    if (auto page = own_pair(context))
        show_pair(context, *page, {}, "", 200);
}

void meeting_create(http::RequestContext& context) {
    auto page = own_pair(context);
    if (!page)
        return;
    const MeetingForm form{context.form("day"),          context.form("minutes"),
                           context.form("focus"),        context.form("discussed"),
                           context.form("step"),         context.form("next_step"),
                           context.form("next_step_by"), context.form("last_step_tried")};
    try {
        context.app.mentoring.keep_meeting(context.signed_in(), page->pair.id, form,
                                           context.app.clock.today());
    } catch (const std::invalid_argument& problem) {
        return show_pair(context, *page, form, problem.what(), 400);
    }
    http::redirect(context, pair_path(page->pair.id) + "?saved=1");
}

void pair_end(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    try {
        context.app.mentoring.end(context.signed_in(), id.value_or(0));
    } catch (const std::invalid_argument& problem) {
        return http::render_error(context, 404, problem.what());
    }
    http::redirect(context, "/mentoring?saved=1");
}

void steps_show(http::RequestContext& context) {
    show_steps(context, {}, "", 200);
}

void step_create(http::RequestContext& context) {
    if (!oversees_any(context.signed_in()))
        return http::render_error(context, 403, "Only a PD lead adds steps to the library.");
    const StepForm form{context.form("title"), context.form("description"), context.form("done_well"),
                        context.form("priority"), context.form("phase")};
    try {
        context.app.mentoring.add_step(context.signed_in(), form);
    } catch (const std::invalid_argument& problem) {
        return show_steps(context, form, problem.what(), 400);
    }
    http::redirect(context, "/mentoring/steps?saved=1");
}

} // namespace trellis::mentoring::handlers

// Peer observation pages: the person's invitations given and received, and one observation with
// its note, which only its two people ever see.
#include "observations/handlers/handlers.h"

#include <stdexcept>

#include "http/app.h"
#include "http/response.h"
#include "record/model.h"
#include "text/dates.h"

namespace trellis::observations::handlers {

namespace {

std::string path_of(long long observation_id) {
    return "/observations/" + std::to_string(observation_id);
}

std::string status_label(const Observation& observation) {
    switch (observation.status) {
    case Status::Invited:
        return "Waiting for the note";
    case Status::Declined:
        return "Declined";
    case Status::Written:
        return "Note written";
    }
    return "";
}

mstch::map row_of(const Observation& observation, long long viewer_id) {
    const bool hosting = observation.host_id == viewer_id;
    return mstch::map{
        {"href", path_of(observation.id)},
        {"what", observation.what_to_watch},
        {"who", hosting ? observation.observer_name + " watches you" : "You watch " + observation.host_name},
        {"day", text::long_date(observation.day)},
        {"focus", observation.focus},
        {"status", status_label(observation)}};
}

void show_list(http::RequestContext& context, const Invitation& typed, const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array observations;
    for (const Observation& observation : context.app.observations.of(actor))
        observations.push_back(row_of(observation, actor.person_id));
    mstch::array steps;
    for (const auto& step : context.app.mentoring.steps(actor))
        steps.push_back(mstch::map{{"value", std::to_string(step.id)},
                                   {"label", step.title},
                                   {"selected", typed.step == std::to_string(step.id)}});
    mstch::map data{{"observations", observations},
                    {"any", !observations.empty()},
                    {"steps", steps},
                    {"today", context.app.clock.today()},
                    {"observer", typed.observer_email},
                    {"day", typed.day},
                    {"minutes", typed.minutes.empty() ? std::string("20") : typed.minutes},
                    {"what_to_watch", typed.what_to_watch},
                    {"focus", typed.focus}};
    if (!error.empty())
        data["error"] = error;
    if (context.query("invited") == "1")
        data["notice"] = std::string("Your colleague has the invitation on their home page.");
    http::render_page(context, "observations/list", "Peer observation", std::move(data), status);
}

void show_one(http::RequestContext& context, const Observation& observation, const Note& typed,
              const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const bool observer = observation.observer_id == actor.person_id;
    const bool to_write = observer && observation.status == Status::Invited;
    mstch::map data{{"path", path_of(observation.id)},
                    {"what", observation.what_to_watch},
                    {"host", observation.host_name},
                    {"observer", observation.observer_name},
                    {"day", text::long_date(observation.day)},
                    {"time", record::time_spent(observation.minutes)},
                    {"focus", observation.focus},
                    {"step", observation.step_title},
                    {"step_href", "/mentoring/steps#step-" + std::to_string(observation.step_id)},
                    {"status", status_label(observation)},
                    {"written", observation.status == Status::Written},
                    {"saw", observation.what_i_saw},
                    {"wondered", observation.what_i_wondered},
                    {"try", observation.one_thing_to_try},
                    {"to_write", to_write && observation.day <= context.app.clock.today()},
                    {"too_soon", to_write && observation.day > context.app.clock.today()},
                    {"may_decline", to_write},
                    {"typed_saw", typed.what_i_saw},
                    {"typed_wondered", typed.what_i_wondered},
                    {"typed_try", typed.one_thing_to_try}};
    if (!error.empty())
        data["error"] = error;
    if (context.query("saved") == "1")
        data["notice"] = std::string("Your note is written. It counts in both your records.");
    http::render_page(context, "observations/show", "Peer observation: " + observation.what_to_watch,
                      std::move(data), status);
}

// The observation named by the route, for its two people; anyone else, a lead included, gets 404.
std::optional<Observation> own_observation(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    auto observation = id ? context.app.observations.find_for(context.signed_in(), *id) : std::nullopt;
    if (!observation)
        http::render_error(context, 404, "There is no such peer observation for you.");
    return observation;
}

} // namespace

void observations_show(http::RequestContext& context) {
    show_list(context, {}, "", 200);
}

void invite(http::RequestContext& context) {
    const Invitation typed{context.form("observer"),      context.form("day"),   context.form("minutes"),
                           context.form("what_to_watch"), context.form("focus"), context.form("step")};
    try {
        context.app.observations.invite(context.signed_in(), typed, context.app.clock.today());
    } catch (const std::invalid_argument& problem) {
        return show_list(context, typed, problem.what(), 400);
    }
    http::redirect(context, "/observations?invited=1");
}

void observation_show(http::RequestContext& context) {
    if (auto observation = own_observation(context))
        show_one(context, *observation, {}, "", 200);
}

void note_write(http::RequestContext& context) {
    auto observation = own_observation(context);
    if (!observation)
        return;
    const Note typed{context.form("what_i_saw"), context.form("what_i_wondered"),
                     context.form("one_thing_to_try")};
    try {
        context.app.observations.write_note(context.signed_in(), observation->id, typed,
                                            context.app.clock.today());
    } catch (const std::invalid_argument& problem) {
        return show_one(context, *observation, typed, problem.what(), 400);
    }
    http::redirect(context, path_of(observation->id) + "?saved=1");
}

void decline(http::RequestContext& context) {
    auto observation = own_observation(context);
    if (!observation)
        return;
    try {
        context.app.observations.decline(context.signed_in(), observation->id);
    } catch (const std::invalid_argument& problem) {
        return show_one(context, *observation, {}, problem.what(), 400);
    }
    http::redirect(context, "/observations");
}

} // namespace trellis::observations::handlers

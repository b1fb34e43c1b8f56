#include "events/handlers/allocation.h"

#include <cstdio>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "events/allocation_jobs.h"
#include "events/allocation_service.h"
#include "events/choice_service.h"
#include "http/response.h"

namespace trellis::events::handlers {

namespace {

constexpr std::size_t kUnhappyShown = 50;
constexpr std::size_t kPeopleFound = 10;

std::string path_of(const Event& event, const std::string& rest = "") {
    return "/events/" + std::to_string(event.id) + "/allocation" + rest;
}

std::optional<Event> lead_event(http::RequestContext& context) {
    auto event_id = context.id_capture(1);
    return event_id ? context.app.events.find(context.signed_in().trust_id, *event_id) : std::nullopt;
}

// The event and allocation run named in the path (/events/N/allocation/runs/M), in the lead's trust.
struct RunInRoute {
    Event event;
    store::AllocationRun run;
};

std::optional<RunInRoute> run_in_route(http::RequestContext& context) {
    auto event = lead_event(context);
    auto run_id = context.id_capture(2);
    auto run =
        event && run_id ? context.app.allocation.find_run(event->trust_id, event->id, *run_id) : std::nullopt;
    if (!run)
        return std::nullopt;
    return RunInRoute{std::move(*event), std::move(*run)};
}

std::string percent(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", share * 100.0);
    return text;
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", seconds);
    return text;
}

mstch::array rank_rows(const Event& event, const AllocationOutcome& outcome) {
    mstch::array rows;
    for (std::size_t rank = 0; rank < outcome.got_rank.size(); ++rank)
        rows.push_back(mstch::map{{"label", "Got their " + ordinal(static_cast<int>(rank) + 1) + " choice"},
                                  {"count", std::to_string(outcome.got_rank[rank])}});
    if (event.reserves_wanted > 0)
        rows.push_back(mstch::map{{"label", std::string("Got a reserve")},
                                  {"count", std::to_string(outcome.got_reserve)}});
    rows.push_back(mstch::map{{"label", std::string("Got none of their choices")},
                              {"count", std::to_string(outcome.none_of_their_choices)}});
    rows.push_back(mstch::map{{"label", std::string("Made no choices (placed where there was room)")},
                              {"count", std::to_string(outcome.made_no_choices)}});
    if (outcome.presenting_all_day > 0)
        rows.push_back(mstch::map{{"label", std::string("Chose, but present in every slot")},
                                  {"count", std::to_string(outcome.presenting_all_day)}});
    return rows;
}

// The sessions a person could be moved to in one slot, with how full each is.
mstch::array session_options(const AllocationOutcome& outcome, long long slot_id, long long current) {
    mstch::array options{mstch::map{
        {"id", std::string("0")}, {"label", std::string("No workshop")}, {"selected", current == 0}}};
    for (const SessionFill& fill : outcome.sessions)
        if (fill.slot_id == slot_id)
            options.push_back(mstch::map{{"id", std::to_string(fill.session_id)},
                                         {"label", fill.title + " — " + fill.room_name + " (" +
                                                       std::to_string(fill.placed) + " of " +
                                                       std::to_string(fill.capacity) + ")"},
                                         {"selected", fill.session_id == current}});
    return options;
}

mstch::array found_people(http::RequestContext& context, const Event& event, const AllocationOutcome& outcome,
                          const std::string& text) {
    std::map<long long, std::string> slot_labels;
    for (const SessionFill& fill : outcome.sessions)
        slot_labels[fill.slot_id] = fill.slot_label;
    mstch::array people;
    for (const PersonPlacements& found : context.app.allocation.find_people(event, text, kPeopleFound)) {
        mstch::array slots;
        for (const store::PlacementRow& row : found.rows)
            slots.push_back(mstch::map{
                {"slot_id", std::to_string(row.slot_id)},
                {"slot_label",
                 slot_labels.count(row.slot_id) ? slot_labels[row.slot_id] : std::string("A slot")},
                {"field", "move-" + std::to_string(found.person.id) + "-" + std::to_string(row.slot_id)},
                {"options", session_options(outcome, row.slot_id, row.session_id)}});
        people.push_back(mstch::map{{"person_id", std::to_string(found.person.id)},
                                    {"name", found.person.full_name()},
                                    {"email", found.person.email},
                                    {"school", found.person.school_name},
                                    {"slots", slots},
                                    {"unplaced", found.rows.empty()}});
    }
    return people;
}

mstch::map outcome_data(http::RequestContext& context, const Event& event, const AllocationOutcome& outcome) {
    mstch::array unhappy;
    for (std::size_t index = 0; index < outcome.unhappy.size() && index < kUnhappyShown; ++index) {
        const UnhappyPerson& person = outcome.unhappy[index];
        unhappy.push_back(
            mstch::map{{"name", person.name}, {"email", person.email}, {"reason", person.reason}});
    }
    mstch::array sessions;
    for (const SessionFill& fill : outcome.sessions)
        sessions.push_back(mstch::map{{"slot", fill.slot_label},
                                      {"title", fill.title},
                                      {"room", fill.room_name},
                                      {"placed", std::to_string(fill.placed)},
                                      {"capacity", std::to_string(fill.capacity)},
                                      {"full", fill.placed >= fill.capacity}});
    const std::string search = context.query("person");
    return mstch::map{{"done", true},
                      {"people", std::to_string(outcome.people)},
                      {"ranks", rank_rows(event, outcome)},
                      {"empty_places", std::to_string(outcome.empty_places)},
                      {"presenting_places", std::to_string(outcome.presenting_places)},
                      {"moved_by_hand", std::to_string(outcome.moved_by_hand)},
                      {"objective", std::to_string(outcome.objective)},
                      {"lower_bound", std::to_string(outcome.lower_bound)},
                      {"gap", percent(outcome.gap)},
                      {"proven", outcome.proven_optimal || outcome.objective == outcome.lower_bound},
                      {"seconds", seconds_text(outcome.seconds)},
                      {"unhappy", unhappy},
                      {"has_unhappy", !unhappy.empty()},
                      {"unhappy_count", std::to_string(outcome.unhappy.size())},
                      {"sessions", sessions},
                      {"search", search},
                      {"found", found_people(context, event, outcome, search)},
                      {"searched", !search.empty()}};
}

void render_allocation(http::RequestContext& context, const Event& event, mstch::map data = {},
                       int status = 200) {
    auto run = context.app.allocation.latest_run(event.trust_id, event.id);
    if (run && run->status == "running" && !context.app.allocation_jobs.progress(event.trust_id, run->id)) {
        context.app.allocation.fail_interrupted(event.trust_id, run->id);
        run = context.app.allocation.latest_run(event.trust_id, event.id);
    }
    if (run && run->status == "done")
        for (auto& [key, value] : outcome_data(context, event, context.app.allocation.outcome(event, *run)))
            data[key] = value;
    if (run && run->status == "failed")
        data["failed"] = run->message;
    data["event_id"] = std::to_string(event.id);
    data["event_title"] = event.title;
    data["stage_label"] = label_of(event.stage);
    data["allocating"] = event.stage == Stage::Allocating;
    data["published"] = event.stage == Stage::Published || event.stage == Stage::Feedback;
    data["has_run"] = run.has_value();
    http::render_page(context, "events/allocation_result", "Allocation: " + event.title, data, status);
}

} // namespace

void allocation_show(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    if (auto running = context.app.allocation_jobs.running_run(event->trust_id, event->id))
        return http::redirect(context, path_of(*event, "/runs/" + std::to_string(*running)));
    mstch::map data;
    if (context.query("moved") == "1")
        data["moved"] = true;
    if (!context.query("published").empty())
        data["published_count"] = context.query("published");
    render_allocation(context, *event, data);
}

void allocation_start(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    if (auto running = context.app.allocation_jobs.running_run(event->trust_id, event->id))
        return http::redirect(context, path_of(*event, "/runs/" + std::to_string(*running)));
    long long run_id = 0;
    try {
        run_id = context.app.allocation.start(context.signed_in(), event->id);
    } catch (const std::invalid_argument& error) {
        return render_allocation(context, *event, mstch::map{{"error", std::string(error.what())}}, 400);
    }
    context.app.allocation_jobs.start(event->trust_id, event->id, run_id);
    http::redirect(context, path_of(*event, "/runs/" + std::to_string(run_id)));
}

void allocation_run_show(http::RequestContext& context) {
    auto found = run_in_route(context);
    if (!found)
        return http::render_error(context, 404, "There is no such allocation.");
    const Event& event = found->event;
    const store::AllocationRun& run = found->run;
    auto progress = context.app.allocation_jobs.progress(event.trust_id, run.id);
    if (!progress || !progress->running)
        return http::redirect(context, path_of(event));
    http::render_page(context, "events/allocation_running", "Allocating: " + event.title,
                      mstch::map{{"event_id", std::to_string(event.id)},
                                 {"event_title", event.title},
                                 {"run_id", std::to_string(run.id)},
                                 {"phase", progress->phase}});
}

void allocation_progress(http::RequestContext& context) {
    auto found = run_in_route(context);
    if (!found)
        return http::render_error(context, 404, "There is no such allocation.");
    const Event& event = found->event;
    const store::AllocationRun& run = found->run;
    auto progress = context.app.allocation_jobs.progress(event.trust_id, run.id);
    nlohmann::json body;
    if (progress && progress->running)
        body = {{"state", "running"}, {"phase", progress->phase}};
    else
        body = {{"state", run.status == "running" ? "failed" : run.status}, {"message", run.message}};
    context.response.set_content(body.dump(), "application/json");
}

void allocation_move(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    auto person_id = http::parse_id(context.form("person_id"));
    auto slot_id = http::parse_id(context.form("slot_id"));
    const std::string session_text = context.form("session_id");
    auto session_id = session_text == "0" ? std::optional<long long>(0) : http::parse_id(session_text);
    try {
        if (!person_id || !slot_id || !session_id)
            throw std::invalid_argument("Choose a person, a slot and a session.");
        if (event->stage != Stage::Allocating)
            throw std::invalid_argument("People can be moved only while the event is allocating places.");
        context.app.allocation.move(*event, *person_id, *slot_id, *session_id);
    } catch (const std::invalid_argument& error) {
        return render_allocation(context, *event, mstch::map{{"error", std::string(error.what())}}, 400);
    }
    http::redirect(context, path_of(*event, "?moved=1&person=" + http::url_encode(context.form("person"))));
}

void allocation_publish(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    long long told = 0;
    try {
        told = context.app.allocation.publish(*event);
    } catch (const std::invalid_argument& error) {
        return render_allocation(context, *event, mstch::map{{"error", std::string(error.what())}}, 400);
    }
    http::redirect(context, path_of(*event, "?published=" + std::to_string(told)));
}

} // namespace trellis::events::handlers

#include "events/handlers/allocation.h"
#include "text/url.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "events/allocation/allocation_service.h"
#include "events/choices/choice_service.h"
#include "http/response.h"
#include "jobs/model.h"
#include "text/words.h"

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

mstch::map count_row(const std::string& label, long long count) {
    return mstch::map{{"label", label}, {"count", std::to_string(count)}};
}

// Each person once, so the rows add up to the people taking part.
mstch::array people_rows(const Event& event, const AllocationOutcome& outcome) {
    const std::string lists = event.reserves_wanted > 0 ? "their choices or reserves" : "their choices";
    mstch::array rows{
        count_row("Got " + lists + " in every slot", outcome.all_chosen),
        count_row("Got " + lists + " in some slots", outcome.some_chosen),
        count_row("Got none of " + lists, outcome.none_of_their_choices),
        count_row("Made no choices, so were placed where there was room", outcome.made_no_choices)};
    if (outcome.presenting_all_day > 0)
        rows.push_back(count_row("Chose, but present in every slot", outcome.presenting_all_day));
    if (outcome.not_in_run > 0)
        rows.push_back(count_row("Joined after the allocation ran (not placed)", outcome.not_in_run));
    return rows;
}

// One place per person in each slot, so the rows add up to the places.
mstch::array place_rows(const Event& event, const AllocationOutcome& outcome) {
    mstch::array rows;
    for (std::size_t rank = 0; rank < outcome.got_rank.size(); ++rank)
        rows.push_back(count_row("In someone's " + ordinal(static_cast<int>(rank) + 1) + " choice",
                                 outcome.got_rank[rank]));
    if (event.reserves_wanted > 0)
        rows.push_back(count_row("In a reserve", outcome.reserve_places));
    rows.push_back(count_row("In a workshop the person did not choose", outcome.unchosen_places));
    rows.push_back(count_row("Empty: no workshop in that slot", outcome.empty_places));
    rows.push_back(count_row("Presenting a workshop", outcome.presenting_places));
    return rows;
}

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// The sessions a person could be moved to in one slot, with how full each is: sessions with room
// first, full ones marked (moving someone into one is refused).
mstch::array session_options(const AllocationOutcome& outcome, long long slot_id, long long current) {
    mstch::array options{mstch::map{
        {"id", std::string("0")}, {"label", std::string("No workshop")}, {"selected", current == 0}}};
    std::vector<const SessionFill*> in_slot;
    for (const SessionFill& fill : outcome.sessions)
        if (fill.slot_id == slot_id)
            in_slot.push_back(&fill);
    const auto is_full = [&](const SessionFill* fill) {
        return fill->session_id != current && fill->placed >= fill->capacity;
    };
    std::stable_partition(in_slot.begin(), in_slot.end(),
                          [&](const SessionFill* fill) { return !is_full(fill); });
    for (const SessionFill* fill : in_slot)
        options.push_back(mstch::map{{"id", std::to_string(fill->session_id)},
                                     {"label", (is_full(fill) ? "Full: " : "") + fill->title + " — " +
                                                   fill->room_name + " (" + std::to_string(fill->placed) +
                                                   " of " + std::to_string(fill->capacity) + ")"},
                                     {"selected", fill->session_id == current}});
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
                      {"people", text::counted(outcome.people, "person", "people")},
                      {"people_rows", people_rows(event, outcome)},
                      {"places", text::counted(outcome.places, "place", "places")},
                      {"slots", text::counted(outcome.slots, "time slot", "time slots")},
                      {"place_rows", place_rows(event, outcome)},
                      {"moved_by_hand", text::counted(outcome.moved_by_hand, "place", "places")},
                      {"any_moved", outcome.moved_by_hand > 0},
                      {"average_rank", one_decimal(outcome.average_rank)},
                      {"any_ranked", outcome.average_rank > 0},
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

// The run of the event still under way, if one is: the latest, while it is running. A run whose job
// ended without ending the run (given up, say) is marked failed here, so nobody waits on it.
std::optional<long long> running_run(http::RequestContext& context, const Event& event) {
    auto run = context.app.allocation.latest_run(event.trust_id, event.id);
    if (!run || run->status != "running")
        return std::nullopt;
    auto job = context.app.jobs.find(event.trust_id, jobs::kAllocation, run->id);
    if (job && !job->finished())
        return run->id;
    context.app.allocation.fail_interrupted(
        event.trust_id, run->id,
        job && !job->error.empty() ? job->error
                                   : "The allocation stopped before it finished. Start it again.");
    return std::nullopt;
}

// What the progress page says: the engine's phase, or that the run waits for a server to take it.
std::string phase_of(const jobs::Job& job) {
    if (job.state == jobs::JobState::Queued)
        return job.attempts > 0 ? "Starting again: the server running it stopped" : "Waiting to start";
    return job.phase.empty() ? "Starting" : job.phase;
}

void render_allocation(http::RequestContext& context, const Event& event, mstch::map data = {},
                       int status = 200) {
    running_run(context, event);
    auto run = context.app.allocation.latest_run(event.trust_id, event.id);
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
    if (auto running = running_run(context, *event))
        return http::redirect(context, path_of(*event, "/runs/" + std::to_string(*running)));
    mstch::map data;
    if (context.query("moved") == "1")
        data["moved"] = true;
    if (!context.query("published").empty())
        data["published_count"] =
            text::counted(std::atoll(context.query("published").c_str()), "person", "people");
    render_allocation(context, *event, data);
}

void allocation_start(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    if (auto running = running_run(context, *event))
        return http::redirect(context, path_of(*event, "/runs/" + std::to_string(*running)));
    long long run_id = 0;
    try {
        run_id = context.app.allocation.start(context.signed_in(), event->id);
    } catch (const std::invalid_argument& error) {
        return render_allocation(context, *event, mstch::map{{"error", std::string(error.what())}}, 400);
    }
    context.app.jobs.wake();
    http::redirect(context, path_of(*event, "/runs/" + std::to_string(run_id)));
}

void allocation_run_show(http::RequestContext& context) {
    auto found = run_in_route(context);
    if (!found)
        return http::render_error(context, 404, "There is no such allocation.");
    const Event& event = found->event;
    const store::AllocationRun& run = found->run;
    auto job = context.app.jobs.find(event.trust_id, jobs::kAllocation, run.id);
    if (run.status != "running" || !job || job->finished())
        return http::redirect(context, path_of(event));
    http::render_page(context, "events/allocation_running", "Allocating: " + event.title,
                      mstch::map{{"event_id", std::to_string(event.id)},
                                 {"event_title", event.title},
                                 {"run_id", std::to_string(run.id)},
                                 {"phase", phase_of(*job)}});
}

void allocation_progress(http::RequestContext& context) {
    auto found = run_in_route(context);
    if (!found)
        return http::render_error(context, 404, "There is no such allocation.");
    const Event& event = found->event;
    const store::AllocationRun& run = found->run;
    auto job = context.app.jobs.find(event.trust_id, jobs::kAllocation, run.id);
    nlohmann::json body;
    if (run.status == "running" && job && !job->finished())
        body = {{"state", "running"}, {"phase", phase_of(*job)}};
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
    http::redirect(context, path_of(*event, "?moved=1&person=" + text::url_encode(context.form("person"))));
}

// Publishing tells everyone and cannot be undone, so the lead first sees who will be told and who
// will be left out.
void allocation_publish_confirm(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    PublishPlan plan;
    try {
        plan = context.app.allocation.plan_publish(*event);
    } catch (const std::invalid_argument& error) {
        return render_allocation(context, *event, mstch::map{{"error", std::string(error.what())}}, 400);
    }
    mstch::array left_out;
    for (const LeftOut& person : plan.left_out)
        left_out.push_back(mstch::map{{"name", person.person.full_name()},
                                      {"email", person.person.email},
                                      {"school", person.person.school_name},
                                      {"reason", person.reason}});
    const long long told = static_cast<long long>(plan.told.size());
    http::render_page(
        context, "events/allocation_publish", "Publish timetables: " + event->title,
        mstch::map{{"event_id", std::to_string(event->id)},
                   {"event_title", event->title},
                   {"told", text::counted(told, "person", "people")},
                   {"placed", text::counted(plan.placed, "person", "people")},
                   {"presenting_only", text::counted(told - plan.placed, "person", "people")},
                   {"any_presenting_only", told > plan.placed},
                   {"left_out", left_out},
                   {"left_out_count",
                    text::counted(static_cast<long long>(plan.left_out.size()), "person", "people")},
                   {"any_left_out", !left_out.empty()}});
}

void allocation_publish(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    long long told = 0;
    try {
        told = context.app.allocation.publish(context.signed_in(), *event);
    } catch (const std::invalid_argument& error) {
        return render_allocation(context, *event, mstch::map{{"error", std::string(error.what())}}, 400);
    }
    http::redirect(context, path_of(*event, "?published=" + std::to_string(told)));
}

} // namespace trellis::events::handlers

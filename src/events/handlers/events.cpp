#include "events/handlers/events.h"

#include <algorithm>

#include "accounts/permissions.h"
#include "db/database.h"
#include "http/form_options.h"
#include "http/response.h"
#include "text/words.h"

namespace trellis::events::handlers {

namespace {

using accounts::Permission;

const char* const kGroupNames[] = {"teacher", "ect", "support", "leader"};

EventForm read_form(const http::RequestContext& context) {
    EventForm form;
    form.title = context.form("title");
    form.event_date = context.form("event_date");
    form.venue = context.form("venue");
    form.choices_wanted = context.form("choices_wanted");
    form.reserves_wanted = context.form("reserves_wanted");
    form.offers_close = context.form("offers_close");
    form.choices_open = context.form("choices_open");
    form.choices_close = context.form("choices_close");
    form.staff_groups = context.form_all("staff_groups");
    form.school_ids = context.form_all("school_ids");
    form.brief_purpose = context.form("brief_purpose");
    form.brief_audiences = context.form("brief_audiences");
    form.brief_format = context.form("brief_format");
    form.brief_length = context.form("brief_length");
    form.brief_quality = context.form("brief_quality");
    form.slots = context.form("slots");
    form.rooms = context.form("rooms");
    form.priorities = context.form("priorities");
    return form;
}

// A new event starts with every group and school ticked and a day laid out as most trusts run it.
EventForm starting_form(http::RequestContext& context) {
    EventForm form;
    form.staff_groups.assign(std::begin(kGroupNames), std::end(kGroupNames));
    for (const auto& school : context.app.organisations.schools(context.signed_in().trust_id))
        form.school_ids.push_back(std::to_string(school.id));
    form.slots = "09:30-10:30\n11:00-12:00\n13:30-14:30\n";
    form.brief_format = "A practical workshop: model it, let people try it, plan how they will use it.";
    form.brief_length = "60 minutes.";
    return form;
}

void show_form(http::RequestContext& context, const EventForm& form, long long event_id,
               const std::string& error, int status) {
    mstch::array trust_priorities;
    const auto priorities = context.app.priorities.view(context.signed_in()).trust;
    for (std::size_t i = 0; i < priorities.size(); ++i)
        trust_priorities.push_back(
            mstch::map{{"title", priorities[i].title}, {"last", i + 1 == priorities.size()}});
    const mstch::array groups = http::staff_group_options(form.staff_groups);
    const mstch::array schools = http::school_options(
        context.app.organisations.schools(context.signed_in().trust_id), form.school_ids);
    mstch::map data{
        {"title", form.title},
        {"event_date", form.event_date},
        {"venue", form.venue},
        {"choices_wanted", form.choices_wanted},
        {"reserves_wanted", form.reserves_wanted},
        {"offers_close", form.offers_close},
        {"choices_open", form.choices_open},
        {"choices_close", form.choices_close},
        {"groups", groups},
        {"schools", schools},
        {"brief_purpose", form.brief_purpose},
        {"brief_audiences", form.brief_audiences},
        {"brief_format", form.brief_format},
        {"brief_length", form.brief_length},
        {"brief_quality", form.brief_quality},
        {"slots", form.slots},
        {"rooms", form.rooms},
        {"priorities", form.priorities},
        {"trust_priorities", trust_priorities},
        {"any_trust_priorities", !trust_priorities.empty()},
        {"action", event_id ? "/events/" + std::to_string(event_id) + "/edit" : std::string("/events")},
        {"editing", event_id != 0}};
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "events/event_form", event_id ? "Edit training day" : "New training day", data,
                      status);
}

mstch::map event_row(const Event& event) {
    return mstch::map{{"id", std::to_string(event.id)},
                      {"title", event.title},
                      {"date", long_date(event.event_date)},
                      {"venue", event.venue},
                      {"stage", label_of(event.stage)}};
}

std::string groups_label(const Event& event) {
    if (event.staff_groups.empty())
        return "Everyone";
    std::string label;
    for (const auto group : event.staff_groups)
        label += (label.empty() ? "" : ", ") + people::label_of(group);
    return label;
}

// What this person can do in the event now, as links; the lead's tools come first.
mstch::array next_steps(const accounts::Actor& actor, const Event& event, bool listed_as_reviewer) {
    const std::string base = "/events/" + std::to_string(event.id);
    struct Step {
        const char* path;
        const char* label;
        bool shown;
    };
    const bool lead = accounts::allows(actor, Permission::ManageEvents);
    const bool reviewer = accounts::may_review_offers(actor, listed_as_reviewer);
    const Stage stage = event.stage;
    const Step steps[] = {
        {"/offers", "Read the brief and offer a workshop", stage == Stage::Offers},
        {"/offers/mine", "My workshop offers", true},
        {"/review", "Review offers", reviewer},
        {"/coverage", "Coverage of approved workshops", lead},
        {"/schedule", "Schedule workshops in slots and rooms", lead && stage >= Stage::Scheduling},
        {"/workshops", "Browse the workshops", stage >= Stage::Choices},
        {"/choices", "Choose my workshops", stage == Stage::Choices},
        {"/demand", "Demand and who has not chosen", lead && stage >= Stage::Choices},
        {"/allocation", "Allocate places", lead && stage >= Stage::Allocating},
        {"/timetable", "My timetable", stage >= Stage::Published},
        {"/registers", "Registers", stage >= Stage::Published},
        {"/room-sheets", "Room sheets", lead && stage >= Stage::Published},
        {"/feedback", "Give feedback", stage == Stage::Feedback},
        {"/results", "Feedback results", stage == Stage::Feedback},
    };
    mstch::array links;
    for (const Step& step : steps)
        if (step.shown)
            links.push_back(mstch::map{{"href", base + step.path}, {"label", std::string(step.label)}});
    return links;
}

// What each stage of the day has come to, in the words of the lead's life-cycle panel.
std::string progress_of(Stage stage, const DayCounts& counts) {
    using text::counted;
    switch (stage) {
    case Stage::Draft:
        return "Prepare the brief, slots and rooms; staff cannot see the day yet.";
    case Stage::Offers:
        return counted(counts.offers_waiting, "offer", "offers") + " waiting for review, " +
               std::to_string(counts.offers_approved) + " approved";
    case Stage::Scheduling:
        return counted(counts.sessions, "session", "sessions") + " placed in slots and rooms";
    case Stage::Choices:
        return std::to_string(counts.chosen) + " of " + counted(counts.taking_part, "person", "people") +
               " taking part have chosen";
    case Stage::Allocating:
        return counted(counts.placed, "person", "people") + " placed in workshops";
    case Stage::Published:
        return std::to_string(counts.registers_kept) + " of " +
               counted(counts.sessions, "register", "registers") + " kept";
    case Stage::Feedback:
        return counted(counts.feedback_given, "person", "people") + " gave feedback";
    }
    return "";
}

mstch::map lead_tools(http::RequestContext& context, const EventLayout& layout) {
    const Event& event = layout.event;
    const DayCounts counts = context.app.events.counts(event);
    mstch::array stages;
    for (const Stage stage : all_stages())
        stages.push_back(mstch::map{{"value", text_of(stage)},
                                    {"label", label_of(stage)},
                                    {"progress", progress_of(stage, counts)},
                                    {"current", stage == event.stage},
                                    {"done", stage < event.stage}});
    const auto reviewers = context.app.events.reviewers(event.trust_id, event.id);
    mstch::array candidates;
    for (const auto& person : context.app.people.leads(event.trust_id))
        if (person.role == people::Role::SchoolPdLead || person.role == people::Role::TrustPdLead)
            candidates.push_back(mstch::map{
                {"id", std::to_string(person.id)},
                {"name", person.full_name()},
                {"school", person.school_name.empty() ? std::string("Central team") : person.school_name},
                {"checked", std::find(reviewers.begin(), reviewers.end(), person.id) != reviewers.end()}});
    return mstch::map{{"stages", stages}, {"candidates", candidates}};
}

} // namespace

mstch::array training_days_needing_attention(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    mstch::array waiting;
    if (!accounts::allows(actor, Permission::ManageEvents))
        return waiting;
    const std::string month_ago = text::utc(db::now_seconds() - 30LL * 24 * 60 * 60, "%Y-%m-%d");
    for (const Event& event : context.app.events.events(actor)) {
        if (event.event_date < month_ago)
            continue;
        waiting.push_back(
            mstch::map{{"href", "/events/" + std::to_string(event.id)},
                       {"title", event.title + " (" + long_date(event.event_date) + ")"},
                       {"gaps", label_of(event.stage) + ": " +
                                    progress_of(event.stage, context.app.events.stage_counts(event)) + "."}});
    }
    return waiting;
}

std::optional<EventLayout> event_in_route(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    std::optional<EventLayout> layout;
    if (id)
        layout = context.app.events.layout(context.signed_in(), *id);
    if (layout && layout->event.stage == Stage::Draft &&
        !accounts::allows(context.signed_in(), Permission::ManageEvents))
        layout.reset();
    if (!layout)
        http::render_error(context, 404, "There is no such training day.");
    return layout;
}

void events_list(http::RequestContext& context) {
    const auto& actor = context.signed_in();
    const bool lead = accounts::allows(actor, Permission::ManageEvents);
    mstch::array rows;
    for (const auto& event : lead ? context.app.events.events(actor) : context.app.events.events_for(actor))
        rows.push_back(event_row(event));
    http::render_page(context, "events/event_list", "Training days",
                      mstch::map{{"events", rows}, {"any", !rows.empty()}, {"lead", lead}});
}

void event_new(http::RequestContext& context) {
    show_form(context, starting_form(context), 0, "", 200);
}

void event_create(http::RequestContext& context) {
    const EventForm form = read_form(context);
    try {
        const long long id = context.app.events.create(context.signed_in(), form);
        http::redirect(context, "/events/" + std::to_string(id));
    } catch (const std::invalid_argument& error) {
        show_form(context, form, 0, error.what(), 400);
    }
}

void event_show(http::RequestContext& context) {
    const auto layout = event_in_route(context);
    if (!layout)
        return;
    const auto& actor = context.signed_in();
    const Event& event = layout->event;
    mstch::array slots, rooms, priorities;
    for (const auto& slot : layout->slots)
        slots.push_back(mstch::map{{"label", slot.label()}});
    for (const auto& room : layout->rooms)
        rooms.push_back(mstch::map{
            {"name", room.name}, {"capacity", std::to_string(room.capacity)}, {"notes", room.notes}});
    for (const auto& priority : layout->priorities)
        priorities.push_back(mstch::map{{"title", priority.title}});
    mstch::map data = event_row(event);
    data["groups"] = groups_label(event);
    data["schools_count"] = std::to_string(event.school_ids.size());
    data["choices_wanted"] = std::to_string(event.choices_wanted);
    data["reserves_wanted"] = std::to_string(event.reserves_wanted);
    data["choices_rule"] = "Rank " + text::counted(event.choices_wanted, "workshop", "workshops") +
                           (event.reserves_wanted > 0 ? ", then up to " + text::counted(event.reserves_wanted,
                                                                                        "reserve", "reserves")
                                                      : ", with no reserves");
    data["offers_close"] = long_date(event.offers_close);
    data["choices_open"] = long_date(event.choices_open);
    data["choices_close"] = long_date(event.choices_close);
    data["brief_purpose"] = event.brief_purpose;
    data["slots"] = slots;
    data["rooms"] = rooms;
    data["priorities"] = priorities;
    data["steps"] =
        next_steps(actor, event, context.app.events.is_reviewer(event.trust_id, event.id, actor.person_id));
    data["takes_part"] = takes_part(event, actor.staff_group, actor.school_id);
    if (accounts::allows(actor, Permission::ManageEvents))
        data["lead"] = lead_tools(context, *layout);
    if (context.query("saved") == "1")
        data["saved"] = true;
    http::render_page(context, "events/event_show", event.title, data);
}

void event_edit(http::RequestContext& context) {
    const auto layout = event_in_route(context);
    if (!layout)
        return;
    show_form(context, context.app.events.form_of(*layout), layout->event.id, "", 200);
}

void event_update(http::RequestContext& context) {
    const auto layout = event_in_route(context);
    if (!layout)
        return;
    const EventForm form = read_form(context);
    try {
        context.app.events.update(context.signed_in(), layout->event.id, form);
        http::redirect(context, "/events/" + std::to_string(layout->event.id) + "?saved=1");
    } catch (const std::invalid_argument& error) {
        show_form(context, form, layout->event.id, error.what(), 400);
    }
}

void event_stage_update(http::RequestContext& context) {
    const auto layout = event_in_route(context);
    if (!layout)
        return;
    const auto stage = stage_from_text(context.form("stage"));
    if (!stage)
        return http::render_error(context, 400, "Choose one of the stages listed.");
    context.app.events.set_stage(layout->event.trust_id, layout->event.id, *stage);
    http::redirect(context, "/events/" + std::to_string(layout->event.id) + "?saved=1");
}

void event_reviewers_update(http::RequestContext& context) {
    const auto layout = event_in_route(context);
    if (!layout)
        return;
    std::vector<long long> ids;
    for (const auto& value : context.form_all("person_id"))
        if (auto id = http::parse_id(value))
            ids.push_back(*id);
    context.app.events.set_reviewers(layout->event.trust_id, layout->event.id, ids);
    http::redirect(context, "/events/" + std::to_string(layout->event.id) + "?saved=1#reviewers");
}

} // namespace trellis::events::handlers

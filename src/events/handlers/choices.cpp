#include "events/handlers/choices.h"

#include <algorithm>
#include <stdexcept>

#include "accounts/permissions.h"
#include "events/choices/choice_service.h"
#include "http/response.h"
#include "text/words.h"

namespace trellis::events::handlers {

namespace {

constexpr std::size_t kNotChosenShown = 100;

// The picks as posted: choice_1..choice_N, then reserve_1..reserve_M.
std::vector<std::string> posted_picks(http::RequestContext& context, const Event& event) {
    std::vector<std::string> picks;
    for (int rank = 1; rank <= event.choices_wanted; ++rank)
        picks.push_back(context.form("choice_" + std::to_string(rank)));
    for (int rank = 1; rank <= event.reserves_wanted; ++rank)
        picks.push_back(context.form("reserve_" + std::to_string(rank)));
    return picks;
}

std::vector<std::string> saved_picks(const Catalogue& catalogue) {
    const Event& event = catalogue.layout.event;
    std::vector<std::string> picks(static_cast<std::size_t>(event.choices_wanted + event.reserves_wanted));
    for (const Choice& choice : catalogue.my_choices)
        if (choice.rank >= 1 && static_cast<std::size_t>(choice.rank) <= picks.size())
            picks[static_cast<std::size_t>(choice.rank - 1)] = std::to_string(choice.offer_id);
    return picks;
}

mstch::array select_of(const Catalogue& catalogue, const std::string& name, const std::string& label,
                       const std::string& picked, bool required) {
    mstch::array options;
    std::string picked_title;
    for (const Workshop& workshop : catalogue.workshops) {
        const bool selected = std::to_string(workshop.id) == picked;
        options.push_back(mstch::map{
            {"id", std::to_string(workshop.id)}, {"title", workshop.title}, {"selected", selected}});
        if (selected)
            picked_title = workshop.title;
    }
    return mstch::array{
        mstch::map{{"name", name},
                   {"label", label},
                   {"options", options},
                   {"required", required},
                   {"picked_title", picked_title.empty() ? std::string("Not chosen") : picked_title},
                   {"picked_full", picked_title}}};
}

void render_choices(http::RequestContext& context, const Catalogue& catalogue,
                    const std::vector<std::string>& picks, mstch::map data = {}, int status = 200) {
    const Event& event = catalogue.layout.event;
    mstch::array choices, reserves;
    for (int rank = 1; rank <= event.choices_wanted; ++rank) {
        auto field = select_of(catalogue, "choice_" + std::to_string(rank), ordinal(rank) + " choice",
                               picks[static_cast<std::size_t>(rank - 1)],
                               static_cast<std::size_t>(rank) <= catalogue.workshops.size());
        choices.push_back(field.front());
    }
    for (int rank = 1; rank <= event.reserves_wanted; ++rank) {
        auto field = select_of(catalogue, "reserve_" + std::to_string(rank), ordinal(rank) + " reserve",
                               picks[static_cast<std::size_t>(event.choices_wanted + rank - 1)], false);
        reserves.push_back(field.front());
    }
    data["event_id"] = std::to_string(event.id);
    data["event_title"] = event.title;
    data["choices_close"] = long_date(event.choices_close);
    data["choices_wanted"] = std::to_string(event.choices_wanted);
    data["choices_wanted_words"] = text::counted(event.choices_wanted, "workshop", "workshops");
    data["open"] = event.stage == Stage::Choices;
    data["choices"] = choices;
    data["reserves"] = reserves;
    data["has_reserves"] = !reserves.empty();
    data["has_choices"] = !catalogue.my_choices.empty();
    http::render_page(context, "events/choices_form", "Your choices: " + event.title, data, status);
}

// The person's catalogue when they take part; otherwise renders the error and returns nullopt.
std::optional<Catalogue> own_catalogue(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    auto event_id = context.id_capture(1);
    auto event = event_id ? context.app.events.find(actor.trust_id, *event_id) : std::nullopt;
    if (!event) {
        http::render_error(context, 404, "There is no such event.");
        return std::nullopt;
    }
    if (!takes_part(*event, actor.staff_group, actor.school_id) ||
        !accounts::may_see_workshops(actor, *event)) {
        http::render_error(context, 403, "Choosing workshops for this event is not open to you.");
        return std::nullopt;
    }
    return context.app.choices.catalogue(actor, *event_id, false);
}

std::optional<Event> lead_event(http::RequestContext& context) {
    auto event_id = context.id_capture(1);
    return event_id ? context.app.events.find(context.signed_in().trust_id, *event_id) : std::nullopt;
}

} // namespace

void choices_show(http::RequestContext& context) {
    auto catalogue = own_catalogue(context);
    if (!catalogue)
        return;
    mstch::map data;
    if (context.query("saved") == "1")
        data["saved"] = true;
    render_choices(context, *catalogue, saved_picks(*catalogue), data);
}

void choices_save(http::RequestContext& context) {
    auto catalogue = own_catalogue(context);
    if (!catalogue)
        return;
    const Event& event = catalogue->layout.event;
    const auto picks = posted_picks(context, event);
    try {
        context.app.choices.choose(context.signed_in(), event.id, picks);
    } catch (const std::invalid_argument& error) {
        return render_choices(context, *catalogue, picks, mstch::map{{"error", std::string(error.what())}},
                              400);
    }
    http::redirect(context, "/events/" + std::to_string(event.id) + "/choices?saved=1");
}

void demand_show(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    const std::string school_text = context.query("school");
    const long long school_id = school_text.empty()  ? -1
                                : school_text == "0" ? 0
                                                     : http::parse_id(school_text).value_or(-1);
    const DemandReport report = context.app.choices.demand(*event, school_id);

    mstch::array demand;
    for (const Demand& row : report.demand)
        demand.push_back(mstch::map{{"title", row.title},
                                    {"first_choices", std::to_string(row.first_choices)},
                                    {"any_rank", std::to_string(row.any_rank)},
                                    {"places", std::to_string(row.places)},
                                    {"over", row.first_choices > row.places}});
    mstch::array not_chosen;
    for (std::size_t index = 0; index < report.not_chosen.size() && index < kNotChosenShown; ++index) {
        const Participant& person = report.not_chosen[index];
        not_chosen.push_back(mstch::map{{"name", person.full_name()},
                                        {"email", person.email},
                                        {"school", person.school_name},
                                        {"group", people::label_of(person.group)}});
    }
    mstch::array schools{
        mstch::map{
            {"id", std::string("")}, {"name", std::string("Every school")}, {"selected", school_id < 0}},
        mstch::map{
            {"id", std::string("0")}, {"name", std::string("Central team")}, {"selected", school_id == 0}}};
    for (const auto& school : context.app.organisations.schools(event->trust_id))
        if (std::find(event->school_ids.begin(), event->school_ids.end(), school.id) !=
            event->school_ids.end())
            schools.push_back(mstch::map{{"id", std::to_string(school.id)},
                                         {"name", school.name},
                                         {"selected", school.id == school_id}});
    const long long waiting = report.participants - report.chosen;
    mstch::map data{{"event_id", std::to_string(event->id)},
                    {"event_title", event->title},
                    {"stage_label", label_of(event->stage)},
                    {"demand", demand},
                    {"participants", std::to_string(report.participants)},
                    {"chosen", std::to_string(report.chosen)},
                    {"waiting", std::to_string(waiting)},
                    {"may_remind", waiting > 0 && event->stage == Stage::Choices},
                    {"not_chosen", not_chosen},
                    {"listed", std::to_string(report.not_chosen.size())},
                    {"more", report.not_chosen.size() > kNotChosenShown},
                    {"schools", schools}};
    if (!context.query("reminded").empty())
        data["reminded"] = context.query("reminded");
    http::render_page(context, "events/demand_report", "Demand: " + event->title, data);
}

void demand_remind(http::RequestContext& context) {
    auto event = lead_event(context);
    if (!event)
        return http::render_error(context, 404, "There is no such event.");
    if (event->stage != Stage::Choices)
        return http::render_error(context, 400, "Reminders can be sent only while choices are open.");
    const long long sent = context.app.choices.remind(*event);
    http::redirect(context,
                   "/events/" + std::to_string(event->id) + "/demand?reminded=" + std::to_string(sent));
}

} // namespace trellis::events::handlers

#include "events/handlers/catalogue.h"

#include <sstream>

#include "accounts/permissions.h"
#include "events/choices/choice_service.h"
#include "http/response.h"
#include "text/words.h"

namespace trellis::events::handlers {

namespace {

const char* const kPhases[] = {"primary", "secondary", "special", "all-through"};

std::string audience_label(const Workshop& workshop) {
    if (workshop.audience.empty())
        return "Everyone taking part";
    std::string text;
    for (const auto group : workshop.audience)
        text += (text.empty() ? "" : ", ") + people::label_of(group);
    return text;
}

std::string phase_label(const Workshop& workshop) {
    return workshop.phase.empty() ? "Any phase" : workshop.phase + " schools";
}

// Where and when the workshop runs, e.g. "09:30–10:30 in Library".
mstch::array runs_of(const Catalogue& catalogue, const Workshop& workshop) {
    mstch::array runs;
    for (const Slot& slot : catalogue.layout.slots)
        for (const WorkshopSession& session : catalogue.sessions)
            if (session.offer_id == workshop.id && session.slot_id == slot.id)
                for (const Room& room : catalogue.layout.rooms)
                    if (room.id == session.room_id)
                        runs.push_back(mstch::map{{"slot", slot.label()},
                                                  {"room", room.name},
                                                  {"places", std::to_string(session.capacity)}});
    return runs;
}

// The slots the workshop runs in, as one line: "09:30–10:30, 11:00–12:00".
std::string times_of(const Catalogue& catalogue, const Workshop& workshop) {
    std::string text;
    for (const Slot& slot : catalogue.layout.slots)
        for (const WorkshopSession& session : catalogue.sessions)
            if (session.offer_id == workshop.id && session.slot_id == slot.id)
                text += (text.empty() ? "" : ", ") + slot.label();
    return text;
}

std::string my_rank_of(const Catalogue& catalogue, const Workshop& workshop) {
    const int wanted = catalogue.layout.event.choices_wanted;
    for (const Choice& choice : catalogue.my_choices)
        if (choice.offer_id == workshop.id)
            return choice.rank <= wanted ? "Your " + ordinal(choice.rank) + " choice"
                                         : "Your " + ordinal(choice.rank - wanted) + " reserve";
    return "";
}

mstch::map card_of(const Catalogue& catalogue, const Workshop& workshop) {
    return mstch::map{{"id", std::to_string(workshop.id)},
                      {"title", workshop.title},
                      {"summary", workshop.summary},
                      {"audience", audience_label(workshop)},
                      {"phase", phase_label(workshop)},
                      {"priority", workshop.priority_title},
                      {"presenter", workshop.presenter_name},
                      {"runs", runs_of(catalogue, workshop)},
                      {"times", times_of(catalogue, workshop)},
                      {"my_rank", my_rank_of(catalogue, workshop)}};
}

mstch::array lines_as_items(const std::string& text) {
    mstch::array items;
    std::stringstream stream(text);
    std::string line;
    while (std::getline(stream, line)) {
        const auto first = line.find_first_not_of(" \t\r-•*");
        if (first != std::string::npos)
            items.push_back(
                mstch::map{{"text", line.substr(first, line.find_last_not_of(" \t\r") - first + 1)}});
    }
    return items;
}

// The event's catalogue when this person may see it; otherwise renders the error and returns nullopt.
std::optional<Catalogue> catalogue_for(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    auto event_id = context.id_capture(1);
    auto event = event_id ? context.app.events.find(actor.trust_id, *event_id) : std::nullopt;
    if (!event) {
        http::render_error(context, 404, "There is no such event.");
        return std::nullopt;
    }
    if (!accounts::may_see_workshops(actor, *event)) {
        http::render_error(context, 403, "The workshops of this event are not open to you yet.");
        return std::nullopt;
    }
    return context.app.choices.catalogue(actor, *event_id,
                                         accounts::allows(actor, accounts::Permission::ManageEvents));
}

} // namespace

void catalogue_show(http::RequestContext& context) {
    auto catalogue = catalogue_for(context);
    if (!catalogue)
        return;
    const Event& event = catalogue->layout.event;
    CatalogueFilter filter;
    filter.priority_id = http::parse_id(context.query("priority")).value_or(0);
    filter.phase = context.query("phase");

    mstch::array suggested;
    if (catalogue->me)
        for (const Suggestion& suggestion : suggestions_for(*catalogue, *catalogue->me, 4)) {
            mstch::array reasons;
            for (const auto& reason : suggestion.reasons)
                reasons.push_back(mstch::map{{"text", reason}});
            mstch::map card = card_of(*catalogue, *suggestion.workshop);
            card["reasons"] = reasons;
            suggested.push_back(card);
        }
    mstch::array cards;
    for (const Workshop* workshop : filtered(*catalogue, filter))
        cards.push_back(card_of(*catalogue, *workshop));
    mstch::array priorities{
        mstch::map{{"id", std::string("")}, {"title", std::string("Any priority")}, {"selected", false}}};
    for (const Priority& priority : catalogue->layout.priorities)
        priorities.push_back(mstch::map{{"id", std::to_string(priority.id)},
                                        {"title", priority.title},
                                        {"selected", priority.id == filter.priority_id}});
    mstch::array phases{
        mstch::map{{"value", std::string("")}, {"label", std::string("Any phase")}, {"selected", false}}};
    for (const char* phase : kPhases)
        phases.push_back(mstch::map{{"value", std::string(phase)},
                                    {"label", std::string(phase)},
                                    {"selected", filter.phase == phase}});

    const std::string prefix = "/events/" + std::to_string(event.id);
    http::render_page(
        context, "events/workshops_list", "Workshops: " + event.title,
        mstch::map{{"event_id", std::to_string(event.id)},
                   {"event_title", event.title},
                   {"event_date", long_date(event.event_date)},
                   {"choices_wanted", std::to_string(event.choices_wanted)},
                   {"may_choose", accounts::may_choose_workshops(context.signed_in(), event)},
                   {"has_suggestions", !suggested.empty()},
                   {"suggested", suggested},
                   {"workshops", cards},
                   {"count", text::counted(static_cast<long long>(cards.size()), "workshop", "workshops")},
                   {"match_word", std::string(cards.size() == 1 ? "matches" : "match")},
                   {"priorities", priorities},
                   {"phases", phases},
                   {"filtered", filter.priority_id != 0 || !filter.phase.empty()}});
}

void workshop_show(http::RequestContext& context) {
    auto catalogue = catalogue_for(context);
    if (!catalogue)
        return;
    auto offer_id = context.id_capture(2);
    const Workshop* workshop = nullptr;
    for (const Workshop& candidate : catalogue->workshops)
        if (offer_id && candidate.id == *offer_id)
            workshop = &candidate;
    if (!workshop)
        return http::render_error(context, 404, "There is no such workshop in this event.");
    const Event& event = catalogue->layout.event;
    mstch::map data = card_of(*catalogue, *workshop);
    data["event_id"] = std::to_string(event.id);
    data["event_title"] = event.title;
    data["presenter_school"] = workshop->presenter_school;
    data["outcomes"] = lines_as_items(workshop->outcomes);
    data["has_outcomes"] = !workshop->outcomes.empty();
    data["may_choose"] = accounts::may_choose_workshops(context.signed_in(), event);
    http::render_page(context, "events/workshop_show", workshop->title, data);
}

} // namespace trellis::events::handlers

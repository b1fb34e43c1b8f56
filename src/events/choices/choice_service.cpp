#include "events/choices/choice_service.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "events/choices/choice_store.h"
#include "events/event_store.h"
#include "events/model.h"
#include "events/schedule/schedule_store.h"
#include "notifications/store.h"

namespace trellis::events {

namespace {

const Workshop* workshop_of(const std::vector<Workshop>& workshops, long long id) {
    for (const Workshop& workshop : workshops)
        if (workshop.id == id)
            return &workshop;
    return nullptr;
}

bool scheduled(const std::vector<WorkshopSession>& sessions, long long offer_id) {
    return std::any_of(sessions.begin(), sessions.end(),
                       [&](const WorkshopSession& session) { return session.offer_id == offer_id; });
}

// Turns the picks as typed into offer ids in rank order, checking each rule.
std::vector<long long> offers_from_picks(const Catalogue& catalogue, const std::vector<std::string>& picks) {
    const Event& event = catalogue.layout.event;
    const std::size_t required =
        std::min(static_cast<std::size_t>(event.choices_wanted), catalogue.workshops.size());
    std::vector<long long> offers;
    std::set<long long> seen;
    for (std::size_t index = 0; index < picks.size(); ++index) {
        const std::string pick = trimmed(picks[index]);
        const bool reserve = index >= static_cast<std::size_t>(event.choices_wanted);
        const std::string name =
            reserve ? ordinal(static_cast<int>(index) - event.choices_wanted + 1) + " reserve"
                    : ordinal(static_cast<int>(index) + 1) + " choice";
        if (pick.empty()) {
            if (index < required)
                throw std::invalid_argument("Choose a workshop as your " + name + ".");
            continue;
        }
        long long id = 0;
        try {
            id = std::stoll(pick);
        } catch (const std::exception&) {
        }
        const Workshop* workshop = workshop_of(catalogue.workshops, id);
        if (!workshop)
            throw std::invalid_argument("Your " + name + " is not a workshop open to you in this event.");
        if (!seen.insert(id).second)
            throw std::invalid_argument("You chose \"" + workshop->title +
                                        "\" twice: choose a different workshop as your " + name + ".");
        offers.push_back(id);
    }
    return offers;
}

} // namespace

std::string ordinal(int number) {
    const int tens = number % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : number % 10 == 1         ? "st"
                         : number % 10 == 2         ? "nd"
                         : number % 10 == 3         ? "rd"
                                                    : "th";
    return std::to_string(number) + suffix;
}

std::optional<Catalogue> ChoiceService::catalogue(const accounts::Actor& actor, long long event_id,
                                                  bool every_workshop) {
    db::Database::Lease session(m_database);
    auto event = store::find_event(*session, actor.trust_id, event_id);
    if (!event)
        return std::nullopt;
    Catalogue catalogue;
    catalogue.layout = EventLayout{*event, store::slots_of(*session, actor.trust_id, event_id),
                                   store::rooms_of(*session, actor.trust_id, event_id),
                                   store::priorities_of(*session, actor.trust_id, event_id)};
    catalogue.sessions = store::sessions_of(*session, actor.trust_id, event_id);
    auto me = store::participant(*session, *event, actor.person_id);
    if (!me.empty())
        catalogue.me = me.front();
    for (Workshop& workshop : store::approved_workshops(*session, actor.trust_id, event_id))
        if (scheduled(catalogue.sessions, workshop.id) &&
            (every_workshop || open_to(workshop, actor.staff_group)))
            catalogue.workshops.push_back(std::move(workshop));
    catalogue.my_choices = store::choices_of_person(*session, actor.trust_id, event_id, actor.person_id);
    return catalogue;
}

std::vector<const Workshop*> filtered(const Catalogue& catalogue, const CatalogueFilter& filter) {
    std::vector<const Workshop*> kept;
    for (const Workshop& workshop : catalogue.workshops)
        if ((filter.priority_id == 0 || workshop.priority_id == filter.priority_id) &&
            (filter.phase.empty() || workshop.phase.empty() || workshop.phase == filter.phase))
            kept.push_back(&workshop);
    return kept;
}

std::vector<Suggestion> suggestions_for(const Catalogue& catalogue, const Participant& person,
                                        std::size_t limit) {
    std::vector<std::pair<int, Suggestion>> scored;
    for (const Workshop& workshop : catalogue.workshops) {
        Suggestion suggestion{&workshop, {}};
        int score = 0;
        if (!workshop.audience.empty() && open_to(workshop, person.group)) {
            suggestion.reasons.push_back("Written for your staff group: " + people::label_of(person.group));
            score += 2;
        }
        if (!workshop.phase.empty() && workshop.phase == person.phase) {
            suggestion.reasons.push_back("Made for " + person.phase + " schools like yours");
            score += 2;
        }
        if (workshop.priority_id != 0 && score > 0) {
            suggestion.reasons.push_back("Serves a priority of this event: " + workshop.priority_title);
            score += 1;
        }
        if (score > 0)
            scored.emplace_back(score, suggestion);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Suggestion> best;
    for (std::size_t index = 0; index < scored.size() && index < limit; ++index)
        best.push_back(scored[index].second);
    return best;
}

void ChoiceService::choose(const accounts::Actor& actor, long long event_id,
                           const std::vector<std::string>& picks) {
    auto current = catalogue(actor, event_id, false);
    if (!current)
        throw std::invalid_argument("There is no such event.");
    if (current->layout.event.stage != Stage::Choices)
        throw std::invalid_argument("Choices for this event are closed.");
    if (!current->me)
        throw std::invalid_argument("You are not taking part in this event.");
    const auto offers = offers_from_picks(*current, picks);
    db::Transaction transaction(m_database);
    store::replace_choices(transaction.session(), actor.trust_id, event_id, actor.person_id, offers);
    // Invitations and reminders to choose have done their job.
    const std::string choices = "/events/" + std::to_string(event_id) + "/choices";
    for (const std::string& link : {choices, choices + "?closing"})
        notifications::store::dismiss_link(transaction.session(), actor.trust_id, actor.person_id, link);
    transaction.commit();
}

DemandReport ChoiceService::demand(const Event& event, long long school_id) {
    db::Database::Lease session(m_database);
    const auto workshops = store::approved_workshops(*session, event.trust_id, event.id);
    const auto sessions = store::sessions_of(*session, event.trust_id, event.id);
    const auto choices = store::choices_of_event(*session, event.trust_id, event.id);
    const auto participants = store::participants(*session, event);
    DemandReport report;
    for (const Workshop& workshop : workshops) {
        Demand row{workshop.id, workshop.title, 0, 0, 0};
        for (const WorkshopSession& placed : sessions)
            if (placed.offer_id == workshop.id)
                row.places += placed.capacity;
        report.demand.push_back(row);
    }
    std::set<long long> chose;
    for (const Choice& choice : choices) {
        chose.insert(choice.person_id);
        for (Demand& row : report.demand)
            if (row.offer_id == choice.offer_id) {
                row.any_rank += 1;
                row.first_choices += choice.rank == 1 ? 1 : 0;
            }
    }
    std::stable_sort(report.demand.begin(), report.demand.end(),
                     [](const Demand& a, const Demand& b) { return a.first_choices > b.first_choices; });
    report.participants = static_cast<long long>(participants.size());
    for (const Participant& person : participants) {
        if (chose.count(person.id)) {
            ++report.chosen;
            continue;
        }
        if (school_id < 0 || person.school_id == school_id)
            report.not_chosen.push_back(person);
    }
    return report;
}

long long ChoiceService::remind(const Event& event) {
    const auto report = demand(event, -1);
    std::vector<long long> people;
    for (const Participant& person : report.not_chosen)
        people.push_back(person.id);
    std::string text = "Choose your workshops for " + event.title;
    if (!event.choices_close.empty())
        text += " by " + event.choices_close;
    db::Transaction transaction(m_database);
    notifications::store::add_to_each(transaction.session(), event.trust_id, people, text + ".",
                                      "/events/" + std::to_string(event.id) + "/choices");
    transaction.commit();
    return static_cast<long long>(people.size());
}

} // namespace trellis::events

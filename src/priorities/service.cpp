#include "priorities/service.h"

#include <stdexcept>

#include "accounts/permissions.h"
#include "organisations/model.h"
#include "people/store.h"
#include "priorities/store.h"
#include "text/words.h"

namespace trellis::priorities {

using people::Role;

PriorityView PrioritiesService::view(const accounts::Actor& actor) {
    const auto kept = m_trust_priorities.at(actor.trust_id, actor.shared_version, [&] {
        auto session = m_database.lease();
        return TrustPriorities{store::every_priority(*session, actor.trust_id),
                               store::every_adoption(*session, actor.trust_id)};
    });
    PriorityView view;
    for (const Priority& priority : kept->priorities)
        if (priority.school_id == 0)
            view.trust.push_back(priority);
        else if (actor.school_id && priority.school_id == actor.school_id)
            view.school.push_back(priority);
    if (actor.school_id)
        if (const auto adopted = kept->adopted.find(actor.school_id); adopted != kept->adopted.end())
            view.adopted = adopted->second;
    return view;
}

std::optional<Priority> PrioritiesService::find(long long trust_id, long long priority_id) {
    auto session = m_database.lease();
    return store::find_priority(*session, trust_id, priority_id);
}

bool PrioritiesService::may_keep(const accounts::Actor& actor, long long school_id) {
    return accounts::leads_at(actor, school_id);
}

Priority PrioritiesService::checked(const accounts::Actor& actor, const PriorityForm& form) {
    Priority priority;
    priority.trust_id = actor.trust_id;
    priority.title = text::trimmed(form.title);
    if (priority.title.empty() || priority.title.size() > 200)
        throw std::invalid_argument("Give the priority a title of up to 200 characters.");
    priority.meaning = text::trimmed(form.meaning);
    priority.success = text::trimmed(form.success);
    if (priority.meaning.size() > 2000 || priority.success.size() > 2000)
        throw std::invalid_argument(
            "Keep what it means and what success looks like to 2,000 characters each.");
    for (const std::string& group : form.staff_groups) {
        auto known = people::staff_group_from_text(group);
        if (!known)
            throw std::invalid_argument("Choose staff groups from those listed.");
        priority.staff_groups.push_back(*known);
    }
    for (const std::string& phase : form.phases) {
        if (!organisations::is_known_phase(phase))
            throw std::invalid_argument("Choose phases from those listed.");
        priority.phases += (priority.phases.empty() ? "" : ",") + phase;
    }
    if (!form.owner_id.empty() && form.owner_id != "0") {
        auto session = m_database.lease();
        for (const people::Person& lead : people::store::leads_of(*session, actor.trust_id))
            if (std::to_string(lead.id) == form.owner_id)
                priority.owner_id = lead.id;
        if (!priority.owner_id)
            throw std::invalid_argument("Choose the owner from the trust's leads listed.");
    }
    return priority;
}

long long PrioritiesService::add(const accounts::Actor& actor, bool for_school, const PriorityForm& form) {
    const long long school_id = for_school ? actor.school_id : 0;
    if ((for_school && school_id == 0) || !may_keep(actor, school_id))
        throw std::invalid_argument(for_school ? "Only a school's PD lead adds the school's own priorities."
                                               : "Only a trust PD lead adds the trust's priorities.");
    Priority priority = checked(actor, form);
    priority.school_id = school_id;
    db::Transaction transaction(m_database);
    const long long id = store::insert_priority(transaction.session(), priority);
    transaction.commit();
    return id;
}

void PrioritiesService::update(const accounts::Actor& actor, long long priority_id,
                               const PriorityForm& form) {
    Priority priority = checked(actor, form);
    db::Transaction transaction(m_database);
    const auto current = store::find_priority(transaction.session(), actor.trust_id, priority_id);
    if (!current || !may_keep(actor, current->school_id))
        throw std::invalid_argument("You cannot change this priority.");
    priority.id = priority_id;
    priority.school_id = current->school_id;
    store::update_priority(transaction.session(), priority);
    transaction.commit();
}

void PrioritiesService::adopt(const accounts::Actor& actor, const std::vector<long long>& priority_ids) {
    if (actor.role != Role::SchoolPdLead || actor.school_id == 0)
        throw std::invalid_argument(
            "Only a school's PD lead chooses the trust priorities the school takes on.");
    db::Transaction transaction(m_database);
    store::set_adopted(transaction.session(), actor.trust_id, actor.school_id, priority_ids);
    transaction.commit();
}

} // namespace trellis::priorities

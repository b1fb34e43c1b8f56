#include "programmes/service.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "accounts/permissions.h"
#include "calendar/school_year.h"
#include "notifications/store.h"
#include "organisations/model.h"
#include "organisations/store.h"
#include "people/store.h"
#include "priorities/store.h"
#include "programmes/activity_store.h"
#include "programmes/audience.h"
#include "text/form_values.h"

namespace trellis::programmes {

namespace {

using people::Role;

// The actor's profile; nullopt once they have left.
std::optional<StaffProfile> profile_of(soci::session& sql, const accounts::Actor& actor,
                                       const std::map<long long, std::string>& school_phases) {
    const auto person = audience_person(sql, actor);
    if (!person || person->has_left())
        return std::nullopt;
    return programmes::profile_of(*person, school_phases);
}

// The programme's activities among the trust's, by programme; none when it has none yet.
const std::vector<Activity>& activities_in(const std::map<long long, std::vector<Activity>>& activities,
                                           long long programme_id) {
    static const std::vector<Activity> none;
    const auto found = activities.find(programme_id);
    return found == activities.end() ? none : found->second;
}

int activity_count(const std::map<long long, std::vector<Activity>>& activities, long long programme_id) {
    return static_cast<int>(activities_in(activities, programme_id).size());
}

Membership membership_in(const Programme& programme, const std::optional<StaffProfile>& profile,
                         const std::optional<std::string>& status) {
    if (status)
        return *status == "waiting" ? Membership::Waiting : Membership::Member;
    if (!profile || programme.audience == Audience::Cohort || !within_filters(programme, *profile))
        return Membership::None;
    return programme.audience == Audience::Everyone ? Membership::Member : Membership::Eligible;
}

ProgrammeSummary summary_of(soci::session& sql, const Programme& programme, Membership membership,
                            int activities) {
    ProgrammeSummary summary{programme, membership, 0, 0, activities};
    if (programme.audience != Audience::Everyone) {
        summary.members = store::count_with_status(sql, programme.trust_id, programme.id, "member");
        summary.waiting = store::count_with_status(sql, programme.trust_id, programme.id, "waiting");
    }
    return summary;
}

std::string checked_text(const std::string& typed, const std::string& field, std::size_t limit,
                         bool required) {
    std::string kept = text::trimmed(typed);
    if (required && kept.empty())
        throw std::invalid_argument("Give the programme " + field + ".");
    if (kept.size() > limit)
        throw std::invalid_argument("Keep the " + field + " to " + std::to_string(limit) + " characters.");
    return kept;
}

std::string checked_day(const std::string& typed, const std::string& field) {
    const std::string kept = text::trimmed(typed);
    // Years outside this century are typing slips, and the school calendar does not reach them.
    if (!calendar::parse_day(kept) || kept < "2000-01-01" || kept > "2099-12-31")
        throw std::invalid_argument(field + " must be a date, e.g. 2027-01-14.");
    return kept;
}

template <typename Known>
long long chosen_id(const std::string& typed, const Known& known, const char* message) {
    if (typed.empty() || typed == "0")
        return 0;
    for (const auto& item : known)
        if (std::to_string(item.id) == typed)
            return item.id;
    throw std::invalid_argument(message);
}

} // namespace

std::shared_ptr<const ProgrammeService::TrustProgrammes>
ProgrammeService::trust_programmes(const accounts::Actor& actor, soci::session& sql) {
    return m_trust_programmes.at(actor.trust_id, actor.shared_version, [&] {
        return TrustProgrammes{store::programmes_of(sql, actor.trust_id),
                               activity_store::activities_by_programme(sql, actor.trust_id),
                               school_phases(sql, actor.trust_id)};
    });
}

std::vector<ProgrammeSummary> ProgrammeService::visible_to(const accounts::Actor& actor) {
    auto session = m_database.lease();
    auto& sql = *session;
    const auto trust = trust_programmes(actor, sql);
    const auto profile = profile_of(sql, actor, trust->school_phases);
    const auto statuses = store::statuses_of(sql, actor.trust_id, actor.person_id);
    const auto members = store::member_counts(sql, actor.trust_id);
    std::vector<ProgrammeSummary> visible;
    for (const Programme& programme : trust->programmes) {
        auto status = statuses.find(programme.id);
        const Membership membership = membership_in(
            programme, profile, status == statuses.end() ? std::nullopt : std::optional(status->second));
        if (membership == Membership::None && !accounts::oversees(actor, programme.school_id))
            continue;
        ProgrammeSummary summary{programme, membership, 0, 0,
                                 activity_count(trust->activities, programme.id)};
        // As summary_of counts them, from one read for every programme.
        if (auto counted = members.find(programme.id);
            programme.audience != Audience::Everyone && counted != members.end()) {
            summary.members = counted->second.members;
            summary.waiting = counted->second.waiting;
        }
        visible.push_back(summary);
    }
    return visible;
}

std::optional<ProgrammeSummary> ProgrammeService::find_visible(const accounts::Actor& actor,
                                                               long long programme_id) {
    std::map<long long, std::string> statuses;
    {
        auto session = m_database.lease();
        if (auto status = store::status_in(*session, actor.trust_id, programme_id, actor.person_id))
            statuses.emplace(programme_id, *status);
    }
    return find_visible(actor, programme_id, statuses);
}

std::optional<ProgrammeSummary>
ProgrammeService::find_visible(const accounts::Actor& actor, long long programme_id,
                               const std::map<long long, std::string>& statuses) {
    auto session = m_database.lease();
    auto& sql = *session;
    const auto trust = trust_programmes(actor, sql);
    const auto programme = std::find_if(trust->programmes.begin(), trust->programmes.end(),
                                        [&](const Programme& kept) { return kept.id == programme_id; });
    if (programme == trust->programmes.end())
        return std::nullopt;
    const auto status = statuses.find(programme_id);
    const Membership membership =
        membership_in(*programme, profile_of(sql, actor, trust->school_phases),
                      status == statuses.end() ? std::nullopt : std::optional(status->second));
    if (membership == Membership::None && !accounts::oversees(actor, programme->school_id))
        return std::nullopt;
    return summary_of(sql, *programme, membership, activity_count(trust->activities, programme_id));
}

std::vector<Activity> ProgrammeService::activities_of(const accounts::Actor& actor, long long programme_id) {
    auto session = m_database.lease();
    return activities_in(trust_programmes(actor, *session)->activities, programme_id);
}

std::vector<ProgrammeWithActivities> ProgrammeService::taking_part(const accounts::Actor& actor) {
    std::map<long long, std::string> statuses;
    {
        auto session = m_database.lease();
        statuses = store::statuses_of(*session, actor.trust_id, actor.person_id);
    }
    return taking_part(actor, statuses);
}

std::vector<ProgrammeWithActivities>
ProgrammeService::taking_part(const accounts::Actor& actor,
                              const std::map<long long, std::string>& statuses) {
    auto session = m_database.lease();
    auto& sql = *session;
    const auto trust = trust_programmes(actor, sql);
    const auto profile = profile_of(sql, actor, trust->school_phases);
    std::vector<ProgrammeWithActivities> found;
    for (const Programme& programme : trust->programmes) {
        auto status = statuses.find(programme.id);
        if (membership_in(programme, profile,
                          status == statuses.end() ? std::nullopt : std::optional(status->second)) !=
            Membership::Member)
            continue;
        ProgrammeWithActivities taking{programme, {}};
        for (const Activity& activity : activities_in(trust->activities, programme.id))
            if (activity_is_for(activity, actor.staff_group))
                taking.activities.push_back(activity);
        found.push_back(std::move(taking));
    }
    return found;
}

bool ProgrammeService::may_keep(const accounts::Actor& actor, const Programme& programme) {
    return accounts::leads_at(actor, programme.school_id);
}

Programme ProgrammeService::checked(const accounts::Actor& lead, const ProgrammeForm& form) {
    Programme programme;
    programme.trust_id = lead.trust_id;
    programme.title = checked_text(form.title, "a title", 200, true);
    programme.purpose = checked_text(form.purpose, "purpose", 2000, false);
    programme.pupil_outcome = checked_text(form.pupil_outcome, "pupil outcome", 1000, false);
    const auto audience = audience_from_text(form.audience);
    if (!audience)
        throw std::invalid_argument("Choose who the programme is for from those listed.");
    programme.audience = *audience;
    for (const std::string& group : form.staff_groups) {
        auto known = people::staff_group_from_text(group);
        if (!known)
            throw std::invalid_argument("Choose staff groups from those listed.");
        programme.staff_groups.push_back(*known);
    }
    for (const std::string& phase : form.phases) {
        if (!organisations::is_known_phase(phase))
            throw std::invalid_argument("Choose phases from those listed.");
        programme.phases.push_back(phase);
    }
    if (programme.audience == Audience::Open)
        programme.capacity = text::whole_number_in(form.capacity, "Places", 1, 10000);
    programme.starts_on = checked_day(form.starts_on, "The start");
    programme.ends_on = checked_day(form.ends_on, "The end");
    if (programme.ends_on < programme.starts_on)
        throw std::invalid_argument("The programme must end on or after the day it starts.");

    // Read before the lease below: sponsors() takes a connection of its own.
    const auto sponsor_choices = sponsors(lead.trust_id);
    auto session = m_database.lease();
    auto& sql = *session;
    const auto schools = organisations::store::list_schools(sql, lead.trust_id);
    for (const std::string& typed : form.school_ids)
        if (long long id = chosen_id(typed, schools, "Choose schools from those listed."))
            programme.school_ids.push_back(id);
    programme.sponsor_id =
        chosen_id(form.sponsor_id, sponsor_choices, "Choose the sponsor from the senior leaders listed.");
    auto priorities = priorities::store::priorities_of(sql, lead.trust_id, 0);
    if (lead.school_id) {
        auto own = priorities::store::priorities_of(sql, lead.trust_id, lead.school_id);
        priorities.insert(priorities.end(), own.begin(), own.end());
    }
    for (const std::string& typed : form.priority_ids)
        if (long long id = chosen_id(typed, priorities, "Choose priorities from those listed."))
            programme.priority_ids.push_back(id);
    return programme;
}

long long ProgrammeService::create(const accounts::Actor& lead, const ProgrammeForm& form) {
    const long long school_id = accounts::leads_at(lead, 0) ? 0 : lead.school_id;
    if (!accounts::leads_at(lead, school_id))
        throw std::invalid_argument("Only a trust or school PD lead creates programmes.");
    Programme programme = checked(lead, form);
    programme.school_id = school_id;
    if (school_id)
        programme.school_ids.clear();
    programme.created_by = lead.person_id;
    db::Transaction transaction(m_database);
    const long long id = store::insert_programme(transaction.session(), programme);
    transaction.commit();
    return id;
}

void ProgrammeService::update(const accounts::Actor& lead, long long programme_id,
                              const ProgrammeForm& form) {
    Programme programme = checked(lead, form);
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto current = store::find_programme(sql, lead.trust_id, programme_id);
    if (!current || !may_keep(lead, *current))
        throw std::invalid_argument("You cannot change this programme.");
    programme.id = programme_id;
    programme.school_id = current->school_id;
    if (programme.school_id)
        programme.school_ids.clear();
    store::update_programme(sql, programme);
    // More places on an open programme go to the wait-list at once.
    promote_waiting(sql, programme);
    transaction.commit();
}

ProgrammeForm ProgrammeService::form_of(const Programme& programme) {
    ProgrammeForm form{programme.title,
                       programme.purpose,
                       programme.pupil_outcome,
                       text_of(programme.audience),
                       {},
                       programme.phases,
                       {},
                       programme.capacity ? std::to_string(programme.capacity) : "",
                       std::to_string(programme.sponsor_id),
                       programme.starts_on,
                       programme.ends_on,
                       {}};
    for (const auto group : programme.staff_groups)
        form.staff_groups.push_back(people::text_of(group));
    for (long long id : programme.school_ids)
        form.school_ids.push_back(std::to_string(id));
    for (long long id : programme.priority_ids)
        form.priority_ids.push_back(std::to_string(id));
    return form;
}

Membership ProgrammeService::join(const accounts::Actor& actor, const Programme& programme) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto profile = profile_of(sql, actor, school_phases(sql, actor.trust_id));
    if (programme.audience != Audience::Open || !profile || !within_filters(programme, *profile))
        throw std::invalid_argument("This programme is not open for you to join.");
    if (auto status = store::status_in(sql, actor.trust_id, programme.id, actor.person_id))
        return *status == "waiting" ? Membership::Waiting : Membership::Member;
    const bool place =
        store::count_with_status(sql, actor.trust_id, programme.id, "member") < programme.capacity;
    store::add_member(sql, actor.trust_id, programme.id, actor.person_id, place ? "member" : "waiting");
    transaction.commit();
    return place ? Membership::Member : Membership::Waiting;
}

void ProgrammeService::leave(const accounts::Actor& actor, const Programme& programme) {
    if (programme.audience != Audience::Open)
        throw std::invalid_argument("Ask the programme's lead to take you off this programme.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    store::remove_member(sql, actor.trust_id, programme.id, actor.person_id);
    promote_waiting(sql, programme);
    transaction.commit();
}

void ProgrammeService::promote_waiting(soci::session& sql, const Programme& programme) {
    if (programme.audience != Audience::Open)
        return;
    while (store::count_with_status(sql, programme.trust_id, programme.id, "member") < programme.capacity) {
        const auto next = store::first_waiting(sql, programme.trust_id, programme.id);
        if (!next)
            return;
        store::set_status(sql, programme.trust_id, programme.id, *next, "member");
        notifications::store::add_to_each(sql, programme.trust_id, {*next},
                                          "A place came free on “" + programme.title + "”: you are in.",
                                          "/programmes/" + std::to_string(programme.id));
    }
}

int ProgrammeService::add_to_cohort(const accounts::Actor& lead, const Programme& programme,
                                    const std::string& emails, const std::string& staff_group) {
    if (!may_keep(lead, programme) || programme.audience == Audience::Everyone)
        throw std::invalid_argument("Only the lead of a cohort or open programme names its people.");
    const auto group = people::staff_group_from_text(staff_group);
    if (!staff_group.empty() && !group)
        throw std::invalid_argument("Choose a staff group from those listed.");
    std::map<std::string, long long> wanted;
    for (const std::string& line : text::split_commas(emails + ","))
        for (const std::string& email : {text::lowered(text::trimmed(line))})
            if (!email.empty())
                wanted[email] = 0;
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto phases = school_phases(sql, lead.trust_id);
    std::vector<long long> adding;
    people::store::for_each_person(sql, lead.trust_id, [&](const people::Person& person) {
        if (person.has_left() || !within_filters(programme, profile_of(person, phases)))
            return;
        if (auto found = wanted.find(text::lowered(person.email)); found != wanted.end())
            found->second = person.id;
        if (group && person.staff_group == *group)
            adding.push_back(person.id);
    });
    std::string unknown;
    for (const auto& [email, id] : wanted) {
        if (!id)
            unknown += (unknown.empty() ? "" : ", ") + email;
        else
            adding.push_back(id);
    }
    if (!unknown.empty())
        throw std::invalid_argument("No one this programme is for has the email " + unknown + ".");
    const int before = store::count_with_status(sql, lead.trust_id, programme.id, "member");
    for (long long id : adding)
        store::add_member(sql, lead.trust_id, programme.id, id, "member");
    const int added = store::count_with_status(sql, lead.trust_id, programme.id, "member") - before;
    transaction.commit();
    return added;
}

void ProgrammeService::remove_member(const accounts::Actor& lead, const Programme& programme,
                                     long long person_id) {
    if (!may_keep(lead, programme))
        throw std::invalid_argument("Only the programme's lead takes people off it.");
    db::Transaction transaction(m_database);
    store::remove_member(transaction.session(), lead.trust_id, programme.id, person_id);
    promote_waiting(transaction.session(), programme);
    transaction.commit();
}

std::vector<store::Member> ProgrammeService::members(const Programme& programme) {
    auto session = m_database.lease();
    return store::members_of(*session, programme.trust_id, programme.id);
}

int ProgrammeService::audience_size(const Programme& programme) {
    auto session = m_database.lease();
    auto& sql = *session;
    if (programme.audience != Audience::Everyone)
        return store::count_with_status(sql, programme.trust_id, programme.id, "member");
    const auto phases = school_phases(sql, programme.trust_id);
    int size = 0;
    for (const people::store::StaffCount& count : people::store::staff_counts(sql, programme.trust_id))
        if (within_filters(programme, {0, count.school_id, count.staff_group,
                                       phase_of(count.phase, count.school_id, phases)}))
            size += count.people;
    return size;
}

std::map<long long, DesignCheck> ProgrammeService::design_checks(const accounts::Actor& actor,
                                                                 const std::vector<Programme>& programmes) {
    std::shared_ptr<const TrustProgrammes> trust;
    {
        auto session = m_database.lease();
        trust = trust_programmes(actor, *session);
    }
    std::map<long long, DesignCheck> checks;
    for (const Programme& programme : programmes)
        checks.emplace(programme.id, check_design(programme, activities_in(trust->activities, programme.id)));
    return checks;
}

std::vector<PersonChoice> ProgrammeService::sponsors(long long trust_id) {
    auto session = m_database.lease();
    std::vector<PersonChoice> choices;
    people::store::for_each_person(*session, trust_id, [&](const people::Person& person) {
        if (!person.has_left() &&
            (person.staff_group == people::StaffGroup::Leader || person.role != Role::Staff))
            choices.push_back({person.id, person.full_name(),
                               person.job_title.empty() ? person.school_name : person.job_title});
    });
    return choices;
}

} // namespace trellis::programmes

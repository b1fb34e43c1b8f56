#include "organisations/service.h"

#include <algorithm>
#include <stdexcept>

#include "audit/store.h"
#include "organisations/store.h"
#include "text/words.h"

namespace trellis::organisations {

bool is_valid_slug(const std::string& slug) {
    if (slug.size() < 2 || slug.size() > 40 || slug.front() == '-' || slug.back() == '-')
        return false;
    for (std::size_t i = 0; i < slug.size(); ++i) {
        char c = slug[i];
        bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!allowed || (c == '-' && i > 0 && slug[i - 1] == '-'))
            return false;
    }
    return true;
}

long long OrganisationService::create_trust(db::Transaction& transaction, const std::string& slug,
                                            const std::string& name) {
    if (!is_valid_slug(slug))
        throw std::invalid_argument("The short name must be 2–40 lowercase letters, digits or hyphens.");
    if (name.empty() || name.size() > 200)
        throw std::invalid_argument("The organisation name must be between 1 and 200 characters.");
    if (store::find_trust_by_slug(transaction.session(), slug))
        throw std::invalid_argument("An organisation with the short name '" + slug + "' already exists.");
    return store::insert_trust(transaction.session(), slug, name);
}

long long OrganisationService::add_school(db::Transaction& transaction, long long trust_id,
                                          const std::string& name, const std::string& phase) {
    if (name.empty() || name.size() > 200)
        throw std::invalid_argument("The school name must be between 1 and 200 characters.");
    if (!is_known_phase(phase))
        throw std::invalid_argument("The phase must be primary, secondary, special or all-through.");
    return store::insert_school(transaction.session(), trust_id, name, phase);
}

namespace {

// The name as typed, checked for length and against the trust's other schools.
std::string free_school_name(soci::session& sql, long long trust_id, long long school_id,
                             const std::string& typed) {
    const std::string name = text::trimmed(typed);
    if (name.empty() || name.size() > 200)
        throw std::invalid_argument("The school name must be between 1 and 200 characters.");
    for (const School& school : store::list_schools(sql, trust_id))
        if (school.id != school_id && text::lowered(school.name) == text::lowered(name))
            throw std::invalid_argument("The trust already has a school called " + school.name + ".");
    return name;
}

} // namespace

long long OrganisationService::add_school(long long trust_id, long long actor_id, const std::string& name,
                                          const std::string& phase) {
    db::Transaction transaction(m_database);
    const std::string checked = free_school_name(transaction.session(), trust_id, 0, name);
    const long long id = add_school(transaction, trust_id, checked, phase);
    audit::store::record(transaction.session(), trust_id, actor_id, "school_added",
                         "Added the school " + checked);
    transaction.commit();
    return id;
}

void OrganisationService::rename_school(long long trust_id, long long actor_id, long long school_id,
                                        const std::string& name) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto schools = store::list_schools(sql, trust_id);
    const auto school = std::find_if(schools.begin(), schools.end(),
                                     [&](const School& each) { return each.id == school_id; });
    if (school == schools.end())
        throw std::invalid_argument("There is no such school in this trust.");
    const std::string renamed = free_school_name(sql, trust_id, school_id, name);
    store::rename_school(sql, trust_id, school_id, renamed);
    audit::store::record(sql, trust_id, actor_id, "school_renamed",
                         "Renamed " + school->name + " to " + renamed);
    transaction.commit();
}

void OrganisationService::set_smallest_group(long long trust_id, long long actor_id, int smallest_group) {
    if (smallest_group < kFewestReportable || smallest_group > kMostReportable)
        throw std::invalid_argument("The smallest group must be between " +
                                    std::to_string(kFewestReportable) + " and " +
                                    std::to_string(kMostReportable) + " people.");
    db::Transaction transaction(m_database);
    store::set_smallest_group(transaction.session(), trust_id, smallest_group);
    audit::store::record(transaction.session(), trust_id, actor_id, "smallest_group_set",
                         "Reports now show no group of fewer than " + std::to_string(smallest_group) +
                             " people");
    transaction.commit();
}

std::vector<School> OrganisationService::schools(long long trust_id) {
    auto session = m_database.lease();
    return store::list_schools(*session, trust_id);
}

Trust OrganisationService::trust_by_slug(const std::string& slug) {
    auto session = m_database.lease();
    auto trust = store::find_trust_by_slug(*session, slug);
    if (!trust)
        throw std::invalid_argument("There is no organisation with the short name '" + slug + "'.");
    return *trust;
}

std::optional<Trust> OrganisationService::trust(long long trust_id) {
    auto session = m_database.lease();
    return store::find_trust(*session, trust_id);
}

bool OrganisationService::is_empty() {
    auto session = m_database.lease();
    return store::count_trusts(*session) == 0;
}

bool OrganisationService::is_empty_in(db::Transaction& transaction) {
    return store::count_trusts(transaction.session()) == 0;
}

bool OrganisationService::has_slug(const std::string& slug) {
    auto session = m_database.lease();
    return store::find_trust_by_slug(*session, slug).has_value();
}

bool OrganisationService::has_slug_in(db::Transaction& transaction, const std::string& slug) {
    return store::find_trust_by_slug(transaction.session(), slug).has_value();
}

} // namespace trellis::organisations

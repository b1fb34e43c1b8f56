#include "organisations/service.h"

#include <stdexcept>

#include "organisations/store.h"

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

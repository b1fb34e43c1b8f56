#include "expertise/service.h"

#include <algorithm>
#include <stdexcept>

#include "expertise/store.h"
#include "notifications/store.h"
#include "priorities/store.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::expertise {

namespace {

constexpr std::size_t kLongestOffer = 300, kLongestAbout = 1000;

void require(bool holds, const char* problem) {
    if (!holds)
        throw std::invalid_argument(problem);
}

// The trust priorities chosen in the form, each checked to be one of the trust's own.
std::vector<long long> priorities_chosen(soci::session& sql, long long trust_id,
                                         const std::vector<std::string>& typed) {
    std::vector<long long> chosen;
    for (const std::string& value : typed) {
        const auto id = text::positive_id(value);
        const auto priority = id ? priorities::store::find_priority(sql, trust_id, *id) : std::nullopt;
        require(priority && priority->school_id == 0, "Choose among the trust's priorities.");
        if (std::find(chosen.begin(), chosen.end(), *id) == chosen.end())
            chosen.push_back(*id);
    }
    return chosen;
}

} // namespace

std::vector<Expert> ExpertiseService::search(const accounts::Actor& actor, const std::string& typed,
                                             long long priority_id, const std::string& today) {
    const std::vector<std::string> words = search_words(typed);
    auto session = m_database.lease();
    std::vector<Expert> experts = store::listed(*session, actor.trust_id);
    auto work = store::work_of(*session, actor.trust_id, 0, actor.smallest_group, today);
    std::vector<Expert> found;
    for (Expert& expert : experts) {
        if (expert.show_work)
            expert.work = std::move(work[expert.person_id]);
        if (expert.matches(words) && (priority_id == 0 || expert.serves(priority_id)))
            found.push_back(std::move(expert));
    }
    return found;
}

std::optional<Expert> ExpertiseService::find_listed(const accounts::Actor& actor, long long person_id) {
    auto session = m_database.lease();
    return store::entry_of(*session, actor.trust_id, person_id);
}

std::optional<Expert> ExpertiseService::entry_of(const accounts::Actor& actor) {
    return find_listed(actor, actor.person_id);
}

std::vector<Work> ExpertiseService::work_of(const accounts::Actor& actor, const std::string& today) {
    auto session = m_database.lease();
    auto work = store::work_of(*session, actor.trust_id, actor.person_id, actor.smallest_group, today);
    return std::move(work[actor.person_id]);
}

void ExpertiseService::save(const accounts::Actor& actor, const EntryForm& form) {
    const std::string offer = text::trimmed(form.offer);
    require(!offer.empty() && offer.size() <= kLongestOffer,
            "Say in a sentence what you can help with, in up to 300 characters.");
    const std::vector<std::string> tags = tags_from(form.tags);
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const std::vector<long long> priorities = priorities_chosen(sql, actor.trust_id, form.priorities);
    store::save_entry(sql, actor.trust_id, actor.person_id, offer, form.show_work, tags, priorities);
    transaction.commit();
}

void ExpertiseService::leave(const accounts::Actor& actor) {
    db::Transaction transaction(m_database);
    store::remove_entry(transaction.session(), actor.trust_id, actor.person_id);
    transaction.commit();
}

long long ExpertiseService::ask(const accounts::Actor& asker, long long expert_id, const std::string& typed) {
    const std::string about = text::trimmed(typed);
    require(!about.empty() && about.size() <= kLongestAbout,
            "Say what you would like help with, in up to 1,000 characters.");
    require(expert_id != asker.person_id, "That is your own entry: ask a colleague.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    require(store::entry_of(sql, asker.trust_id, expert_id).has_value(),
            "That colleague is no longer in the directory.");
    require(!store::open_request(sql, asker.trust_id, expert_id, asker.person_id),
            "You have already asked this colleague; they have your request on their home page.");
    const long long id = store::insert_request(sql, asker.trust_id, expert_id, asker.person_id, about);
    notifications::store::add_once(sql, asker.trust_id, expert_id, request_notice(asker.display_name, about),
                                   request_link(id));
    transaction.commit();
    return id;
}

std::vector<Request> ExpertiseService::requests_to(const accounts::Actor& actor) {
    auto session = m_database.lease();
    return store::requests_to(*session, actor.trust_id, actor.person_id);
}

bool ExpertiseService::mark_answered(const accounts::Actor& actor, long long request_id) {
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const auto request = store::find_request(sql, actor.trust_id, request_id);
    if (!request || request->expert_id != actor.person_id)
        return false;
    store::mark_answered(sql, actor.trust_id, request_id);
    notifications::store::dismiss_link(sql, actor.trust_id, actor.person_id, request_link(request_id));
    transaction.commit();
    return true;
}

} // namespace trellis::expertise

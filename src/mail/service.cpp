#include "mail/service.h"

#include "mail/store.h"

namespace trellis::mail {

Choices MailService::choices(const accounts::Actor& actor) {
    auto session = m_database.lease();
    Choices choices;
    for (auto& kind : store::kinds_turned_off(*session, actor.trust_id, actor.person_id))
        choices.off.insert(kind);
    choices.digest = store::takes_digest(*session, actor.trust_id, actor.person_id);
    return choices;
}

void MailService::choose(const accounts::Actor& actor, const std::set<std::string>& on, bool digest) {
    db::Transaction transaction(m_database);
    for (const Kind& kind : kinds())
        store::set_kind(transaction.session(), actor.trust_id, actor.person_id, kind.key,
                        on.count(kind.key) > 0);
    store::set_digest(transaction.session(), actor.trust_id, actor.person_id, digest);
    transaction.commit();
}

void MailService::turn_off(long long trust_id, long long person_id, const std::string& kind) {
    db::Transaction transaction(m_database);
    store::set_kind(transaction.session(), trust_id, person_id, kind, false);
    transaction.commit();
}

OutboxSummary MailService::outbox(const accounts::Actor& administrator) {
    auto session = m_database.lease();
    return store::summary(*session, administrator.trust_id, 50);
}

} // namespace trellis::mail

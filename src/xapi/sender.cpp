#include "xapi/sender.h"

#include "web_client/web_client.h"

namespace trellis::xapi {

namespace {

// Facts written this long before the last look may still have been in open transactions then.
constexpr long long kMargin = 600;
constexpr int kFactsAtOnce = 500;

} // namespace

std::vector<store::Queued> XapiCourier::load(soci::session& sql, const std::vector<long long>& ids) {
    return store::queued(sql, ids);
}

void XapiCourier::tidy(soci::session& sql, long long now) {
    const long long since = std::max(0LL, store::facts_until(sql) - kMargin);
    auto facts = store::new_facts(sql, since, kFactsAtOnce);
    for (Fact& fact : facts) {
        if (fact.at == 0)
            fact.at = now; // a survey keeps only the day it was answered
        store::queue(sql, fact, statement(fact, m_settings.public_url), now);
    }
    // With more than a batch found, the rest wait for the next look from the same place.
    if (facts.size() < kFactsAtOnce)
        store::set_facts_until(sql, now);
}

outbox::Delivery XapiCourier::deliver(const store::Queued& queued) {
    std::string url = m_settings.endpoint;
    if (url.empty() || url.back() != '/')
        url += '/';
    url += "statements?statementId=" + queued.statement_id;
    web_client::Call call{.method = "PUT",
                          .body = queued.statement,
                          .headers = {"Content-Type: application/json", "X-Experience-API-Version: 1.0.3"},
                          .user = m_settings.key,
                          .password = m_settings.secret};
    try {
        const auto reply = web_client::send(url, call,
                                            web_client::Limits{.connect = std::chrono::milliseconds(3000),
                                                               .total = m_settings.timeout,
                                                               .largest_body = 64 * 1024});
        // 204: kept. 409: a statement with this id is there already, which is this one sent before.
        if (reply.status == 204 || reply.status == 200 || reply.status == 409)
            return {.sent = true, .permanent = false, .error = ""};
        const std::string error = "the learning record store answered " + std::to_string(reply.status) +
                                  ": " + reply.body.substr(0, 300);
        // A statement refused as bad stays bad; a store that is overloaded or failing may recover.
        const bool for_good = reply.status >= 400 && reply.status < 500 && reply.status != 401 &&
                              reply.status != 403 && reply.status != 429;
        return {.sent = false, .permanent = for_good, .error = error};
    } catch (const web_client::Unreachable& problem) {
        return {.sent = false, .permanent = false, .error = problem.what()};
    }
}

} // namespace trellis::xapi

#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "outbox/sender.h"
#include "xapi/store.h"

// Learning records sent to a trust's learning record store (LRS) when one is configured: with each
// look at the outbox, new facts (a module completed, a workshop or session attended or caught up, a
// named survey answered) become statements in the outbox, and each is sent with PUT and its own id,
// so one sent twice is kept once. An LRS that is away is tried again later; one that refuses a
// statement fails that statement alone.
namespace trellis::xapi {

struct LrsSettings {
    std::string endpoint; // "https://lrs.example.org/xapi/"
    std::string key;      // HTTP Basic user and password the LRS gave
    std::string secret;
    std::string public_url; // how people reach this Trellis: statements name its pages
    std::chrono::milliseconds timeout{10000};
};

// The xAPI outbox's courier for outbox::Sender.
class XapiCourier {
  public:
    static constexpr const char* kTable = "xapi_outbox";
    static constexpr const char* kName = "xapi";
    using Item = store::Queued;

    explicit XapiCourier(LrsSettings settings) : m_settings(std::move(settings)) {}

    std::vector<store::Queued> load(soci::session& sql, const std::vector<long long>& ids);
    outbox::Delivery deliver(const store::Queued& statement);
    // Turns the facts found since the last look into statements.
    void tidy(soci::session& sql, long long now);

  private:
    LrsSettings m_settings;
};

using XapiSender = outbox::Sender<XapiCourier>;

} // namespace trellis::xapi

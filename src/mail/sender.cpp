#include "mail/sender.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>

#include "accounts/secrets.h"
#include "learning/content/markdown.h"
#include "mail/store.h"

namespace trellis::mail {

namespace {

constexpr int kBatch = 20;
constexpr long long kMostAttempts = 8;
constexpr long long kMonth = 31LL * 24 * 3600;

long long backoff_seconds(long long attempts) {
    return std::min<long long>(60LL << std::min<long long>(attempts - 1, 10), 6 * 3600);
}

std::string subject_of(const Outgoing& email) {
    if (!email.subject.empty())
        return email.subject;
    if (email.items.size() > 1)
        return "Your Trellis notices: " + std::to_string(email.items.size()) + " new";
    std::string text = email.items.front().text;
    if (text.size() > 90) {
        text.resize(87);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
            text.pop_back(); // not half a character
        if (!text.empty())
            text.pop_back();
        text += "…";
    }
    return text;
}

} // namespace

Letter letter_for(const Outgoing& email, const std::string& public_url, const std::string& unsubscribe_path) {
    using learning::content::escape_html;
    const std::string first_name = email.recipient_name.substr(0, email.recipient_name.find(' '));
    std::string text = "Hello " + first_name + ",\n\n";
    std::string html =
        "<!doctype html><html lang=\"en-GB\"><body style=\"font-family: sans-serif\"><p>Hello " +
        escape_html(first_name) + ",</p><ul>";
    for (const auto& item : email.items) {
        text += "- " + item.text + "\n  " + public_url + item.link + "\n\n";
        html += "<li><p>" + escape_html(item.text) + "</p><p><a href=\"" +
                escape_html(public_url + item.link) + "\">Open it in Trellis</a></p></li>";
    }
    html += "</ul>";
    const std::string unsubscribe_url = unsubscribe_path.empty() ? "" : public_url + unsubscribe_path;
    const Kind* kind = kind_named(email.kind);
    text += "--\n" + email.trust_name + ", through Trellis.\n";
    html += "<hr><p style=\"color: #4a5565\">" + escape_html(email.trust_name) + ", through Trellis. ";
    if (!unsubscribe_url.empty() && kind) {
        text += "Stop emails about " + kind->label + ": " + unsubscribe_url + "\n";
        html += "<a href=\"" + escape_html(unsubscribe_url) + "\">Stop emails about " +
                escape_html(kind->label) + "</a>. ";
    }
    text += "Choose which emails you get: " + public_url + "/account/email\n";
    html += "<a href=\"" + escape_html(public_url + "/account/email") +
            "\">Choose which emails you get</a>.</p></body></html>";
    const std::string host = public_url.substr(public_url.find("://") + 3);
    return Letter{.to_address = email.recipient,
                  .to_name = email.recipient_name,
                  .from_name = email.trust_name,
                  .subject = subject_of(email),
                  .text = text,
                  .html = html,
                  .unsubscribe_url = unsubscribe_url,
                  .message_id = "outbox-" + std::to_string(email.ids.front()) + "@" + host,
                  .calendar = email.calendar,
                  .calendar_method = email.calendar_method};
}

MailSender::MailSender(db::Database& database, SmtpSettings smtp, UnsubscribeLinks links,
                       std::string public_url, std::chrono::milliseconds interval, int claim_seconds)
    : m_database(database), m_smtp(std::move(smtp)), m_links(std::move(links)),
      m_public_url(std::move(public_url)), m_interval(interval), m_claim_seconds(claim_seconds),
      m_worker("pid " + std::to_string(::getpid()) + " " + accounts::random_token().substr(0, 8)) {}

MailSender::~MailSender() {
    {
        std::lock_guard lock(m_lock);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void MailSender::start() {
    m_thread = std::thread([this] { run(); });
}

void MailSender::run() {
    spdlog::info("mail: sending through {} every {} ms", m_smtp.url, m_interval.count());
    std::unique_lock lock(m_lock);
    while (!m_stopping) {
        lock.unlock();
        try {
            send_due();
        } catch (const std::exception& problem) {
            spdlog::error("mail: {}", problem.what());
        }
        lock.lock();
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
    }
}

int MailSender::send_due() {
    int sent = 0;
    for (;;) {
        std::vector<Outgoing> batch;
        {
            const long long now = db::now_seconds();
            db::Transaction transaction(m_database);
            const auto ids =
                store::claim_due(transaction.session(), m_worker, now, now - m_claim_seconds, kBatch);
            batch = store::outgoing(transaction.session(), ids);
            // Sent email older than a month is forgotten, looked for once an hour rather than at every poll.
            if (now - m_forgot_at >= 3600) {
                store::forget_sent_before(transaction.session(), now - kMonth);
                m_forgot_at = now;
            }
            transaction.commit();
        }
        if (batch.empty())
            return sent;
        for (const Outgoing& email : batch) {
            {
                std::lock_guard lock(m_lock);
                if (m_stopping)
                    return sent; // the claims lapse and another server, or this one again, takes them
            }
            deliver(email);
            ++sent;
        }
    }
}

void MailSender::deliver(const Outgoing& email) {
    const std::string unsubscribe =
        email.kind.empty() ? "" : m_links.path(email.trust_id, email.person_id, email.kind);
    const Delivery delivery = send(m_smtp, letter_for(email, m_public_url, unsubscribe));
    const long long now = db::now_seconds();
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    // Still at work: the rest of this server's claims are renewed, so nobody takes them over.
    store::renew_claims(sql, m_worker, now);
    if (delivery.sent) {
        store::mark_sent(sql, email.ids, now);
    } else {
        const long long attempts = store::attempts_of(sql, email.ids);
        const bool for_good = delivery.permanent || attempts >= kMostAttempts;
        store::mark_unsent(sql, email.ids, delivery.error, now + backoff_seconds(attempts), for_good);
        spdlog::warn("mail: to person {} of trust {}{}: {}", email.person_id, email.trust_id,
                     for_good ? " (failed for good)" : " (will try again)", delivery.error);
    }
    transaction.commit();
}

} // namespace trellis::mail

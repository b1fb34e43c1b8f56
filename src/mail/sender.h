#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "db/database.h"
#include "mail/links.h"
#include "mail/model.h"
#include "mail/smtp.h"

// The background sender: claims due emails from the outbox, sends each over SMTP and marks it sent
// in its own transaction straight after, so a server that dies mid-batch leaves the rest queued.
// A relay that refuses for good marks that email failed (the administrator sees it) and the batch
// goes on; a relay that is away is tried again later, waiting longer each time.
namespace trellis::mail {

// The email for an outgoing notice or digest, in plain text and HTML.
Letter letter_for(const Outgoing& email, const std::string& public_url, const std::string& unsubscribe_path);

class MailSender {
  public:
    // A claim not renewed for `claim_seconds` belongs to a server that stopped, and is taken over.
    MailSender(db::Database& database, SmtpSettings smtp, UnsubscribeLinks links, std::string public_url,
               std::chrono::milliseconds interval, int claim_seconds);
    ~MailSender();
    MailSender(const MailSender&) = delete;
    MailSender& operator=(const MailSender&) = delete;

    void start();
    // Sends what is due now, in batches, until nothing is; returns how many emails went.
    int send_due();

  private:
    void run();
    void deliver(const Outgoing& email);

    db::Database& m_database;
    SmtpSettings m_smtp;
    UnsubscribeLinks m_links;
    std::string m_public_url;
    std::chrono::milliseconds m_interval;
    int m_claim_seconds;
    std::string m_worker;
    long long m_forgot_at = 0; // when sent email was last forgotten (only the sender's thread)
    std::mutex m_lock;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace trellis::mail

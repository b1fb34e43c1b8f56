#pragma once

#include <string>
#include <vector>

#include "mail/links.h"
#include "mail/model.h"
#include "mail/smtp.h"
#include "outbox/sender.h"

// The background sender of email: the mail outbox through outbox::Sender, each email over SMTP. A
// relay that refuses an address for good fails that email (the administrator sees it) and the batch
// goes on; a relay that is away is tried again later, waiting longer each time.
namespace trellis::mail {

// The email for an outgoing notice or digest, in plain text and HTML.
Letter letter_for(const Outgoing& email, const std::string& public_url, const std::string& unsubscribe_path);

// The mail outbox's courier for outbox::Sender: emails over SMTP.
class MailCourier {
  public:
    static constexpr const char* kTable = "mail_outbox";
    static constexpr const char* kName = "mail";
    using Item = Outgoing;

    MailCourier(SmtpSettings smtp, UnsubscribeLinks links, std::string public_url)
        : m_smtp(std::move(smtp)), m_links(std::move(links)), m_public_url(std::move(public_url)) {}

    std::vector<Outgoing> load(soci::session& sql, const std::vector<long long>& ids);
    outbox::Delivery deliver(const Outgoing& email);
    // Sent email older than a month is forgotten, looked for once an hour rather than at every poll.
    void tidy(soci::session& sql, long long now);

  private:
    SmtpSettings m_smtp;
    UnsubscribeLinks m_links;
    std::string m_public_url;
    long long m_forgot_at = 0; // only the sender's thread
};

using MailSender = outbox::Sender<MailCourier>;

} // namespace trellis::mail

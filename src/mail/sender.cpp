#include "mail/sender.h"

#include "mail/store.h"
#include "text/html.h"

namespace trellis::mail {

namespace {

constexpr long long kMonth = 31LL * 24 * 3600;

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
    using text::escape_html;
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

std::vector<Outgoing> MailCourier::load(soci::session& sql, const std::vector<long long>& ids) {
    return store::outgoing(sql, ids);
}

void MailCourier::tidy(soci::session& sql, long long now) {
    if (now - m_forgot_at < 3600)
        return;
    outbox::store::forget_sent_before(sql, kTable, now - kMonth);
    m_forgot_at = now;
}

outbox::Delivery MailCourier::deliver(const Outgoing& email) {
    const std::string unsubscribe =
        email.kind.empty() ? "" : m_links.path(email.trust_id, email.person_id, email.kind);
    return send(m_smtp, letter_for(email, m_public_url, unsubscribe));
}

} // namespace trellis::mail

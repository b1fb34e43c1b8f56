#pragma once

#include <chrono>
#include <string>

#include "outbox/delivery.h"

// Sending one email over SMTP with libcurl: STARTTLS (required unless the address is smtps://, or
// plain on loopback for tests), authentication when a user is set, and a text and an HTML part.
namespace trellis::mail {

struct SmtpSettings {
    std::string url;  // smtp://relay.example.org:587 or smtps://…:465; "" when email is off
    std::string user; // "" for a relay that does not ask
    std::string password;
    std::string ca_file;      // a certificate to trust besides the system's (a test relay's own)
    std::string from_address; // the envelope and From address; the trust's name goes beside it
    std::chrono::milliseconds timeout{20000};
};

struct Letter {
    std::string to_address;
    std::string to_name;
    std::string from_name;
    std::string subject;
    std::string text;
    std::string html;
    std::string unsubscribe_url; // "" for none
    std::string message_id;      // stable per outbox row, so a relay or reader can tell a repeat
    // A calendar invitation: the iCalendar object, sent as a third text/calendar part whose method
    // parameter matches the object's METHOD, as Outlook and Google require.
    std::string calendar;
    std::string calendar_method;
};

// Permanent when the relay refused for good (a 5xx answer).
outbox::Delivery send(const SmtpSettings& settings, const Letter& letter);

// A header value in RFC 2047's encoded words when it is not plain ASCII.
std::string header_text(const std::string& text);

} // namespace trellis::mail

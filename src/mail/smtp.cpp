#include "mail/smtp.h"

#include <curl/curl.h>
#include <sodium.h>

#include <memory>

#include "web_client/web_client.h"

namespace trellis::mail {

namespace {

using Mime = std::unique_ptr<curl_mime, decltype(&curl_mime_free)>;
using List = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

bool plain_ascii(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c > 0x7e)
            return false;
    return true;
}

// Header lines: no line breaks may come from the data (they would start a header of their own).
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\r' || c == '\n')
            c = ' ';
    return text;
}

std::string address_header(const std::string& name, const std::string& address) {
    return header_text(name) + " <" + one_line(address) + ">";
}

void add(List& list, const std::string& line) {
    curl_slist* grown = curl_slist_append(list.get(), line.c_str());
    list.release();
    list.reset(grown);
}

void add_part(curl_mime* alternative, const std::string& body, const char* type) {
    curl_mimepart* part = curl_mime_addpart(alternative);
    curl_mime_data(part, body.data(), body.size());
    curl_mime_type(part, type);
    curl_mime_encoder(part, "quoted-printable");
}

} // namespace

std::string header_text(const std::string& text) {
    const std::string line = one_line(text);
    if (plain_ascii(line))
        return line;
    std::string encoded(sodium_base64_ENCODED_LEN(line.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(line.data()),
                      line.size(), sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(encoded.find('\0'));
    return "=?UTF-8?B?" + encoded + "?=";
}

outbox::Delivery send(const SmtpSettings& settings, const Letter& letter) {
    web_client::Handle curl = web_client::new_handle();
    if (!curl)
        return {.sent = false, .permanent = false, .error = "could not start libcurl"};
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.timeout.count()));
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    // STARTTLS is required: a relay that does not offer it gets nothing.
    curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!settings.ca_file.empty())
        curl_easy_setopt(handle, CURLOPT_CAINFO, settings.ca_file.c_str());
    if (!settings.user.empty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, settings.user.c_str());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, settings.password.c_str());
    }
    const std::string from = "<" + one_line(settings.from_address) + ">";
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
    List recipients(nullptr, &curl_slist_free_all);
    add(recipients, "<" + one_line(letter.to_address) + ">");
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());

    List headers(nullptr, &curl_slist_free_all);
    add(headers, "From: " + address_header(letter.from_name, settings.from_address));
    add(headers, "To: " + address_header(letter.to_name, letter.to_address));
    add(headers, "Subject: " + header_text(letter.subject));
    add(headers, "Message-ID: <" + one_line(letter.message_id) + ">");
    if (!letter.unsubscribe_url.empty()) {
        add(headers, "List-Unsubscribe: <" + one_line(letter.unsubscribe_url) + ">");
        add(headers, "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());

    // multipart/alternative: the text part first, then the HTML part a reader prefers, then an
    // invitation's calendar, which a calendar-aware reader shows as an invitation.
    Mime message(curl_mime_init(handle), &curl_mime_free);
    Mime alternative(curl_mime_init(handle), &curl_mime_free);
    add_part(alternative.get(), letter.text, "text/plain; charset=utf-8");
    add_part(alternative.get(), letter.html, "text/html; charset=utf-8");
    const std::string calendar_type =
        "text/calendar; charset=utf-8; method=" + one_line(letter.calendar_method);
    if (!letter.calendar.empty())
        add_part(alternative.get(), letter.calendar, calendar_type.c_str());
    curl_mimepart* both = curl_mime_addpart(message.get());
    curl_mime_subparts(both, alternative.release()); // the message owns it now
    List alternative_type(nullptr, &curl_slist_free_all);
    add(alternative_type, "Content-Type: multipart/alternative");
    curl_mime_headers(both, alternative_type.release(), 1);
    curl_easy_setopt(handle, CURLOPT_MIMEPOST, message.get());

    const CURLcode result = curl_easy_perform(handle);
    if (result == CURLE_OK)
        return {.sent = true, .permanent = false, .error = ""};
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return {.sent = false,
            .permanent = code >= 500 && code < 600,
            .error = std::string(curl_easy_strerror(result)) +
                     (code ? " (the relay answered " + std::to_string(code) + ")" : "")};
}

} // namespace trellis::mail

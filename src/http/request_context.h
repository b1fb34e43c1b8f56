#pragma once

#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

#include "accounts/model.h"
#include "http/app.h"

namespace trellis::http {

// One request as a handler sees it: the HTTP exchange, the app, and who is asking.
struct RequestContext {
    const httplib::Request& request;
    httplib::Response& response;
    App& app;
    std::optional<accounts::Actor> actor;
    std::string csrf_token;
    std::string session_token;

    // The signed-in person; only called on routes that require sign-in.
    const accounts::Actor& signed_in() const { return *actor; }
    // A form field from a URL-encoded or multipart body ("" when absent).
    std::string form(const std::string& name) const;
    // Every value of a repeated form field (ticked checkboxes), in the order sent.
    std::vector<std::string> form_all(const std::string& name) const;
    // True when the page's script sent this request and wants JSON back rather than a page.
    bool wants_json() const;
    // A query-string parameter ("" when absent).
    std::string query(const std::string& name) const;
    // The n-th capture of the route's pattern.
    std::string capture(std::size_t index) const;
    // The n-th capture as an id; nullopt when it is not a positive whole number.
    std::optional<long long> id_capture(std::size_t index) const;
};

// A positive whole number written as text, such as an id from a URL; nullopt for anything else.
std::optional<long long> parse_id(const std::string& text);
// A page number from a query (`?page=3`): 1 for anything that is not a positive whole number.
int page_number(const std::string& text);

} // namespace trellis::http

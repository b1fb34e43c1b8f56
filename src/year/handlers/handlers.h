#pragma once

#include <cstddef>
#include <map>
#include <string>

#include <mstch/mstch.hpp>

#include "http/request_context.h"

// HTTP handlers for each person's year and its calendar subscription.
namespace trellis::year::handlers {

void my_year_show(http::RequestContext& context);  // GET /my-year
void feed_create(http::RequestContext& context);   // POST /my-year/feed
void feed_download(http::RequestContext& context); // GET /calendar/TOKEN.ics (the token is the key)

// What comes next for the signed-in person, at most `count` items from today, for the home page
// (which has read their programme statuses beside its other reads).
mstch::array next_up(http::RequestContext& context, std::size_t count,
                     const std::map<long long, std::string>& programme_statuses);

} // namespace trellis::year::handlers

#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "http/request_context.h"
#include "programmes/model.h"

namespace trellis::programmes::handlers {

// The programme named by the route's first capture as the signed-in person sees it, or nullopt
// after answering 404 when it is not theirs to see.
std::optional<ProgrammeSummary> programme_in_route(http::RequestContext& context);
// The same, given the person's places as read beside other reads (PersonReads).
std::optional<ProgrammeSummary> programme_in_route(http::RequestContext& context,
                                                   const std::map<long long, std::string>& statuses);
// The same, for a route that changes the programme: 404 when unseen, 403 when seen but not theirs
// to keep.
std::optional<Programme> kept_programme_in_route(http::RequestContext& context);

// An activity's own address, e.g. "/programmes/3/activities/12"; its pages add to it.
std::string activity_path(const Activity& activity);

// The programme's activity named by the route's second capture, when it is of one of these kinds
// (any kind when none are named), or nullopt after answering 404.
std::optional<Activity> activity_in_route(http::RequestContext& context, const Programme& programme,
                                          std::initializer_list<ActivityKind> kinds = {});
// The programme's live session named by the route's second capture, or nullopt after answering 404.
std::optional<Activity> live_session_in_route(http::RequestContext& context, const Programme& programme);

} // namespace trellis::programmes::handlers

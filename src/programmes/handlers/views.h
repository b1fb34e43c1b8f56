#pragma once

#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "programmes/design_check.h"
#include "programmes/model.h"

// How programmes read on their pages: the timeline across the half-terms, each activity, and the
// design check, as template data.
namespace trellis::programmes::handlers::views {

// One row per school year the programme spans, each with its six half-terms and the activities
// that fall in each.
mstch::array timeline(const Programme& programme, const std::vector<Activity>& activities);
// When an activity happens, in words: "Thursday 14 January 2027, 15:45–17:00" or "Opens … · due …".
std::string when_of(const Activity& activity);
// What the page knows about an activity beyond the activity itself, for the links on its card.
struct CardFacts {
    bool lead = false;        // the person keeps the programme
    bool taking_part = false; // the person is in the programme
    bool has_recording = false;
    bool written = false;           // the person has written their reflection on it
    bool may_give_feedback = false; // the person was at the session, live or by catching up
    bool gave_feedback = false;
    int materials = 0;
};
// `now` is the local moment ("YYYY-MM-DD HH:MM"); an online session's link shows to those taking
// part from 15 minutes before it starts until it ends, and to its leads always. The card's links
// (check in, recording, register, groups, reflection, module, feedback, materials) are one list, so
// the page renders one section for them rather than one for each.
mstch::map activity_view(const Activity& activity, const CardFacts& facts, const std::string& now);
mstch::map design_check_view(const DesignCheck& check);
std::string audience_label(const Programme& programme);

} // namespace trellis::programmes::handlers::views

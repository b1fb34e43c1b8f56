#pragma once

#include <optional>
#include <string>
#include <vector>

#include "people/model.h"

// The short feedback people give after they took part in something: a rating from 1 to 5 and an
// optional comment on each thing they were at (schema: feedback in 0017_shared_feedback.sql). Training
// days ask it of each workshop and the day; programmes of each live session.
namespace trellis::feedback {

// What the feedback is about, as stored in feedback.about_kind.
enum class AboutKind { Event, Activity };
std::string text_of(AboutKind kind);

struct About {
    AboutKind kind = AboutKind::Event;
    long long id = 0;
};

// One thing a person may rate: a workshop they attended, a session, or the day as a whole (id 0).
struct Item {
    long long id = 0;
    std::string title;
};

struct Answer {
    long long item_id = 0;
    int rating = 0; // 1..5
    std::string comment;
};

// An item with what the person has said about it so far.
struct Question {
    long long item_id = 0;
    std::string title;
    std::optional<Answer> answer;
};

// One answer as typed into the form: the rating as text ("" when left blank) and the comment.
struct Field {
    long long item_id = 0;
    std::string rating;
    std::string comment;
};

// A stored answer with where its author works, for aggregating (never shown with the name).
struct Response {
    long long item_id = 0;
    int rating = 0;
    std::string comment;
    std::string school_name;
    people::StaffGroup staff_group = people::StaffGroup::Teacher;
};

// Ratings summed up for one item, school or staff group.
struct RatingSummary {
    std::string label;
    long long item_id = 0;
    int responses = 0;
    double mean = 0;
    int counts[5] = {0, 0, 0, 0, 0}; // how many gave 1, 2, 3, 4, 5
    std::vector<std::string> comments;
    bool hidden = false; // too few answers to show without pointing at someone
    int smallest = 0;    // when hidden: the fewest answers the trust shows, for "fewer than N"
};

} // namespace trellis::feedback

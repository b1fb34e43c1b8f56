#pragma once

#include <optional>
#include <string>

// Developmental peer observation as plain data (schema: peer_observations in
// 0022_peer_learning.sql): a person invites a colleague to watch part of a lesson or session with a
// chosen focus; the observer writes a short note in a set shape that only the two of them see.
namespace trellis::observations {

enum class Status { Invited, Declined, Written };
std::string text_of(Status status);
std::optional<Status> status_from_text(const std::string& text);

struct Observation {
    long long id = 0;
    long long host_id = 0; // who invited, and whose lesson or session it is
    std::string host_name;
    long long observer_id = 0;
    std::string observer_name;
    std::string day; // YYYY-MM-DD
    int minutes = 0;
    std::string what_to_watch; // "Year 8 history, the first 20 minutes"
    std::string focus;
    long long step_id = 0; // a step from the mentoring library, when the focus is one
    std::string step_title;
    Status status = Status::Invited;
    // The note, in its set shape.
    std::string what_i_saw, what_i_wondered, one_thing_to_try;

    bool has(long long person_id) const { return person_id == host_id || person_id == observer_id; }
};

struct Invitation {
    std::string observer_email, day, minutes, what_to_watch, focus, step;
};

struct Note {
    std::string what_i_saw, what_i_wondered, one_thing_to_try;
};

} // namespace trellis::observations

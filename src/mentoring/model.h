#pragma once

#include <optional>
#include <string>
#include <vector>

// Mentoring and coaching as plain data: pairs, the meetings they keep, and the trust's library of
// short concrete steps they pick from (schema: 0022_peer_learning.sql).
namespace trellis::mentoring {

// A pair a lead made (mentoring, e.g. an early-career teacher with a mentor), or coaching, also
// when a person asked for a coach on a focus.
enum class PairKind { Mentoring, Coaching };
std::string text_of(PairKind kind);
std::optional<PairKind> pair_kind_from_text(const std::string& text);

// Requested: a person asked for a coach and is waiting for one.
enum class PairStatus { Requested, Active, Ended };
std::string text_of(PairStatus status);
std::optional<PairStatus> pair_status_from_text(const std::string& text);

// Whether the step agreed last time was tried, as the next meeting reviews it.
enum class Tried { NotReviewed, Yes, Partly, NotYet };
std::string text_of(Tried tried);
std::optional<Tried> tried_from_text(const std::string& text);
std::string label_of(Tried tried);

// One technique: what it is and what it looks like done well.
struct Step {
    long long id = 0;
    std::string title, description, done_well;
    long long priority_id = 0; // 0: not tied to a priority
    std::string priority_title;
    std::string phase; // "" for any phase
};

struct Pair {
    long long id = 0;
    PairKind kind = PairKind::Mentoring;
    PairStatus status = PairStatus::Active;
    long long mentor_id = 0; // 0 while a request waits for a coach
    std::string mentor_name;
    long long mentee_id = 0;
    std::string mentee_name;
    long long mentee_school_id = 0;
    std::string mentee_school;
    std::string focus;
    // What anyone overseeing the pair may know: that it meets, and how often.
    int meetings = 0;
    std::string last_met; // YYYY-MM-DD, or ""

    bool has(long long person_id) const { return person_id == mentor_id || person_id == mentee_id; }
};

struct Meeting {
    long long id = 0;
    std::string day; // YYYY-MM-DD
    int minutes = 0;
    std::string focus, discussed;
    long long step_id = 0;
    std::string step_title;
    std::string next_step, next_step_by;
    Tried last_step_tried = Tried::NotReviewed;
    std::string written_by;
};

// A meeting as typed into its form. `step` is a step's id from the library, or "" for a next step
// in the pair's own words.
struct MeetingForm {
    std::string day, minutes, focus, discussed, step, next_step, next_step_by, last_step_tried;
};

struct StepForm {
    std::string title, description, done_well, priority, phase;
};

} // namespace trellis::mentoring

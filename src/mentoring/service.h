#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "mentoring/model.h"

namespace trellis::mentoring {

// What a pair's page shows its two people: the pair, its meetings, and the step agreed last time,
// which the next meeting reviews.
struct PairPage {
    Pair pair;
    std::vector<Meeting> meetings; // newest first
    const Meeting* last() const { return meetings.empty() ? nullptr : &meetings.front(); }
};

// Mentoring and coaching: leads pair people (a school PD lead within their school), a person asks
// for a coach, pairs keep meetings with one agreed next step, and pick steps from the trust's
// library. What a pair writes is the pair's alone: anyone else, leads included, sees only that
// meetings happen and how often. A broken rule throws std::invalid_argument with a message for the
// person, and nothing is saved.
class MentoringService {
  public:
    explicit MentoringService(db::Database& database) : m_database(database) {}

    std::vector<Step> steps(const accounts::Actor& actor);
    // Leads (of the trust or a school) add steps to the library.
    long long add_step(const accounts::Actor& actor, const StepForm& form);

    // The pairs the person is in, either side.
    std::vector<Pair> pairs_of(const accounts::Actor& actor);
    // The pairs the actor oversees (a trust lead: all; a school PD lead: their school's mentees);
    // nullopt for anyone who oversees none.
    std::optional<std::vector<Pair>> overseen(const accounts::Actor& actor);
    // Early-career teachers the actor oversees who have no mentor yet: (email, name).
    std::vector<std::pair<std::string, std::string>> ects_without_mentor(const accounts::Actor& actor);
    // The pair with its meetings, for its two people only: nullopt for anyone else.
    std::optional<PairPage> page_for(const accounts::Actor& actor, long long pair_id);

    // A lead pairs a mentor (or coach) with a mentee, each named by email.
    long long pair(const accounts::Actor& lead, PairKind kind, const std::string& mentor_email,
                   const std::string& mentee_email, const std::string& focus);
    // The pair when the actor oversees its mentee (whether or not they are in it); nullopt otherwise.
    std::optional<Pair> overseen_pair(const accounts::Actor& actor, long long pair_id);
    // A person asks for a coach on a focus; a lead then gives the request its coach.
    long long request_coach(const accounts::Actor& person, const std::string& focus);
    void give_coach(const accounts::Actor& lead, long long pair_id, const std::string& coach_email);
    // Either person of an active pair keeps a meeting, `today` being "YYYY-MM-DD".
    long long keep_meeting(const accounts::Actor& person, long long pair_id, const MeetingForm& form,
                           const std::string& today);
    // Either person, or a lead overseeing it, ends a pair; its meetings stay in both records.
    void end(const accounts::Actor& actor, long long pair_id);

  private:
    db::Database& m_database;
};

// True when the actor oversees mentoring for a mentee of this school (0: the central team).
bool oversees_mentee(const accounts::Actor& actor, long long mentee_school_id);
// True when the actor oversees mentoring anywhere: a trust lead, or a school PD lead for their school.
bool oversees_any(const accounts::Actor& actor);

} // namespace trellis::mentoring

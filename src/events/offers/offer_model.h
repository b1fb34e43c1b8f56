#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "people/model.h"

// Workshop offers and their reviews, as plain data (schema: workshop_offers, offer_reviews in
// 0003_events.sql).
namespace trellis::events {

enum class OfferStatus { Submitted, ChangesRequested, Approved, Declined };

std::optional<OfferStatus> offer_status_from_text(const std::string& text);
std::string text_of(OfferStatus status);
// A label for people, e.g. "Changes requested".
std::string label_of(OfferStatus status);

// What a reviewer decides; each decision sets the offer's status.
enum class Decision { Approve, RequestChanges, Decline };

std::optional<Decision> decision_from_text(const std::string& text);
std::string text_of(Decision decision);
std::string label_of(Decision decision);
OfferStatus status_after(Decision decision);

struct Offer {
    long long id = 0;
    long long event_id = 0;
    long long trust_id = 0;
    long long presenter_id = 0;
    std::string presenter_name; // filled by queries that join people
    std::string title;
    std::string summary;
    std::vector<people::StaffGroup> audience; // never empty once validated
    std::string phase;                        // a school phase, or "" for any
    std::string outcomes;
    long long priority_id = 0;
    int max_group = 0;
    std::string room_needs;
    bool can_repeat = false;
    OfferStatus status = OfferStatus::Submitted;
    long long created_at = 0;
    long long updated_at = 0;
};

// What a presenter types into the offer form, as sent.
struct OfferForm {
    std::string title;
    std::string summary;
    std::vector<std::string> audience; // ticked staff groups
    std::string phase;
    std::string outcomes;
    std::string priority_id;
    std::string max_group;
    std::string room_needs;
    bool can_repeat = false;
};

// One line of the review rubric; its label and guidance come from the event's brief.
struct RubricCriterion {
    std::string key;
    std::string label;
    std::string guidance;
};

// Scores run from 1 (not yet) to 4 (strong) on every criterion.
inline constexpr int kLowestScore = 1;
inline constexpr int kHighestScore = 4;

struct Review {
    long long id = 0;
    long long offer_id = 0;
    long long reviewer_id = 0;
    std::string reviewer_name;
    std::map<std::string, int> scores; // criterion key -> 1..4
    std::string comment;
    Decision decision = Decision::Approve;
    long long created_at = 0;
};

// What a reviewer sends: a score per criterion key, a comment and a decision.
struct ReviewForm {
    std::map<std::string, std::string> scores;
    std::string comment;
    std::string decision;
};

// How many approved workshops serve each priority and each staff group taking part.
struct Coverage {
    struct Line {
        std::string label;
        int approved = 0;
    };
    std::vector<Line> priorities;
    std::vector<Line> groups;
    int approved = 0;
    int waiting = 0; // submitted, not yet decided
};

} // namespace trellis::events

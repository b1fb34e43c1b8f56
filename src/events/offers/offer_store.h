#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "events/offers/offer_model.h"

// The only SQL for workshop offers and their reviews. Every function takes the
// trust id and names it in its query.
namespace trellis::events::store {

// Inserts the offer (status submitted) and returns its id.
long long insert_offer(soci::session& sql, const Offer& offer);
// Replaces what the presenter wrote and sets the status; only the presenter's own offer changes.
void update_offer(soci::session& sql, const Offer& offer);
void set_offer_status(soci::session& sql, long long trust_id, long long offer_id, OfferStatus status);
std::optional<Offer> find_offer(soci::session& sql, long long trust_id, long long offer_id);
// Every offer the person has made, most recently changed first.
std::vector<Offer> offers_of_presenter(soci::session& sql, long long trust_id, long long person_id);
// Every offer to the event, oldest first.
std::vector<Offer> offers_of_event(soci::session& sql, long long trust_id, long long event_id);

// Stores a review; `scores` is the rubric's scores as JSON.
void insert_review(soci::session& sql, long long trust_id, const Review& review, const std::string& scores);
// The offer's reviews, oldest first, with the scores left as JSON for the service to read.
std::vector<std::pair<Review, std::string>> reviews_of(soci::session& sql, long long trust_id,
                                                       long long offer_id);

} // namespace trellis::events::store

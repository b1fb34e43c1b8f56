#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "events/offer_model.h"

// The only SQL for workshop offers, their reviews and their materials. Every function takes the
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

long long insert_material(soci::session& sql, const Material& material);
std::vector<Material> materials_of(soci::session& sql, long long trust_id, long long offer_id);
std::optional<Material> find_material(soci::session& sql, long long trust_id, long long material_id);
void delete_material(soci::session& sql, long long trust_id, long long material_id);
// Materials of the trust's approved workshops whose title or file name contains `text` (any case).
std::vector<Material> search_materials(soci::session& sql, long long trust_id, const std::string& text);

} // namespace trellis::events::store

#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/model.h"
#include "events/offers/offer_model.h"

namespace trellis::events {

// Rules for the call for offers and their quality assurance (their materials are the library's). Each
// change is one transaction; input that breaks a rule throws std::invalid_argument with a message
// for people, and nothing is saved. Who may call what is decided by accounts/permissions.h first.
class OfferService {
  public:
    explicit OfferService(db::Database& database) : m_database(database) {}

    // A new offer from the presenter, while the event's call for offers is open to them.
    long long submit(const accounts::Actor& presenter, const EventLayout& layout, const OfferForm& form);
    // The presenter's changes to an offer not yet decided; it goes back to the reviewers as submitted.
    void resubmit(const accounts::Actor& presenter, const EventLayout& layout, const Offer& offer,
                  const OfferForm& form);

    std::optional<Offer> find(long long trust_id, long long offer_id);
    std::vector<Offer> offers_of_presenter(long long trust_id, long long person_id);
    std::vector<Offer> offers_of_event(long long trust_id, long long event_id);

    // Records a reviewer's scores, comment and decision, and sets the offer's status to match.
    void review(const accounts::Actor& reviewer, const EventLayout& layout, const Offer& offer,
                const ReviewForm& form);
    std::vector<Review> reviews_of(long long trust_id, long long offer_id);

    // Approved workshops per priority and per staff group taking part.
    Coverage coverage(const EventLayout& layout);

  private:
    db::Database& m_database;
};

// The rubric reviewers score offers against, worded from the event's brief.
std::vector<RubricCriterion> rubric_for(const EventLayout& layout);
// The form as an offer now stands, for editing.
OfferForm form_of(const Offer& offer);

} // namespace trellis::events

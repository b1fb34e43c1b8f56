#include "events/offers/offer_store.h"

#include "db/database.h"
#include "db/rows.h"
#include "events/model.h"

namespace trellis::events::store {

namespace {

constexpr const char* kInsertOffer =
    "INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, audience, phase, "
    "outcomes, priority_id, max_group, room_needs, can_repeat, status, created_at, updated_at) "
    "VALUES (:event, :trust, :presenter, :title, :summary, :audience, :phase, :outcomes, :priority, "
    ":max_group, :room_needs, :can_repeat, :status, :now1, :now2) RETURNING id";
constexpr const char* kUpdateOffer =
    "UPDATE workshop_offers SET title = :title, summary = :summary, audience = :audience, phase = :phase, "
    "outcomes = :outcomes, priority_id = :priority, max_group = :max_group, room_needs = :room_needs, "
    "can_repeat = :can_repeat, status = :status, updated_at = :now "
    "WHERE trust_id = :trust AND id = :id AND presenter_id = :presenter";
constexpr const char* kSetOfferStatus =
    "UPDATE workshop_offers SET status = :status, updated_at = :now WHERE trust_id = :trust AND id = :id";
constexpr const char* kOfferColumns =
    "SELECT o.id, o.event_id, o.trust_id, o.presenter_id, p.first_name || ' ' || p.last_name, o.title, "
    "o.summary, o.audience, o.phase, o.outcomes, COALESCE(o.priority_id, 0), o.max_group, o.room_needs, "
    "o.can_repeat, o.status, o.created_at, o.updated_at FROM workshop_offers o "
    "JOIN people p ON p.id = o.presenter_id AND p.trust_id = o.trust_id ";
constexpr const char* kWhereOffer = "WHERE o.trust_id = :trust AND o.id = :id";
constexpr const char* kWherePresenter =
    "WHERE o.trust_id = :trust AND o.presenter_id = :person ORDER BY o.updated_at DESC, o.id DESC";
constexpr const char* kWhereEvent = "WHERE o.trust_id = :trust AND o.event_id = :event ORDER BY o.id";

constexpr const char* kInsertReview =
    "INSERT INTO offer_reviews (offer_id, trust_id, reviewer_id, scores, comment, decision, created_at) "
    "SELECT id, trust_id, :reviewer, :scores, :comment, :decision, :now FROM workshop_offers "
    "WHERE trust_id = :trust AND id = :offer";
constexpr const char* kReviewsOf =
    "SELECT r.id, r.offer_id, r.reviewer_id, p.first_name || ' ' || p.last_name, r.scores, r.comment, "
    "r.decision, r.created_at FROM offer_reviews r JOIN people p ON p.id = r.reviewer_id "
    "AND p.trust_id = r.trust_id WHERE r.trust_id = :trust AND r.offer_id = :offer "
    "ORDER BY r.created_at, r.id";

struct OfferColumns {
    Offer offer;
    std::string audience, status;
    long long max_group = 0, can_repeat = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(offer.id));
        statement.exchange(soci::into(offer.event_id));
        statement.exchange(soci::into(offer.trust_id));
        statement.exchange(soci::into(offer.presenter_id));
        statement.exchange(soci::into(offer.presenter_name));
        statement.exchange(soci::into(offer.title));
        statement.exchange(soci::into(offer.summary));
        statement.exchange(soci::into(audience));
        statement.exchange(soci::into(offer.phase));
        statement.exchange(soci::into(offer.outcomes));
        statement.exchange(soci::into(offer.priority_id));
        statement.exchange(soci::into(max_group));
        statement.exchange(soci::into(offer.room_needs));
        statement.exchange(soci::into(can_repeat));
        statement.exchange(soci::into(status));
        statement.exchange(soci::into(offer.created_at));
        statement.exchange(soci::into(offer.updated_at));
    }
    Offer fetched() const {
        Offer result = offer;
        result.audience = people::staff_groups_from_text(audience);
        result.max_group = static_cast<int>(max_group);
        result.can_repeat = can_repeat != 0;
        result.status = offer_status_from_text(status).value_or(OfferStatus::Submitted);
        return result;
    }
};

struct ReviewColumns {
    Review review;
    std::string scores, decision;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(review.id));
        statement.exchange(soci::into(review.offer_id));
        statement.exchange(soci::into(review.reviewer_id));
        statement.exchange(soci::into(review.reviewer_name));
        statement.exchange(soci::into(scores));
        statement.exchange(soci::into(review.comment));
        statement.exchange(soci::into(decision));
        statement.exchange(soci::into(review.created_at));
    }
    std::pair<Review, std::string> fetched() const {
        Review result = review;
        result.decision = decision_from_text(decision).value_or(Decision::RequestChanges);
        return {result, scores};
    }
};

// Runs a query bound to (trust, id) and collects every row.
template <typename Columns, typename Result>
std::vector<Result> rows_for(soci::session& sql, const std::string& query, long long trust_id, long long id) {
    std::vector<Result> rows;
    Columns columns;
    db::fetch_rows(
        sql, query, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(id));
        },
        [&](const Result& row) { rows.push_back(row); });
    return rows;
}

template <typename Result> std::optional<Result> first_of(std::vector<Result> rows) {
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

} // namespace

long long insert_offer(soci::session& sql, const Offer& offer) {
    long long id = 0;
    const long long now = db::now_seconds();
    const std::string audience = people::text_of(offer.audience), status = text_of(offer.status);
    const long long max_group = offer.max_group, can_repeat = offer.can_repeat ? 1 : 0;
    sql << kInsertOffer, soci::use(offer.event_id), soci::use(offer.trust_id), soci::use(offer.presenter_id),
        soci::use(offer.title), soci::use(offer.summary), soci::use(audience), soci::use(offer.phase),
        soci::use(offer.outcomes), soci::use(offer.priority_id), soci::use(max_group),
        soci::use(offer.room_needs), soci::use(can_repeat), soci::use(status), soci::use(now), soci::use(now),
        soci::into(id);
    return id;
}

void update_offer(soci::session& sql, const Offer& offer) {
    const long long now = db::now_seconds();
    const std::string audience = people::text_of(offer.audience), status = text_of(offer.status);
    const long long max_group = offer.max_group, can_repeat = offer.can_repeat ? 1 : 0;
    sql << kUpdateOffer, soci::use(offer.title), soci::use(offer.summary), soci::use(audience),
        soci::use(offer.phase), soci::use(offer.outcomes), soci::use(offer.priority_id), soci::use(max_group),
        soci::use(offer.room_needs), soci::use(can_repeat), soci::use(status), soci::use(now),
        soci::use(offer.trust_id), soci::use(offer.id), soci::use(offer.presenter_id);
}

void set_offer_status(soci::session& sql, long long trust_id, long long offer_id, OfferStatus status) {
    const std::string text = text_of(status);
    const long long now = db::now_seconds();
    sql << kSetOfferStatus, soci::use(text), soci::use(now), soci::use(trust_id), soci::use(offer_id);
}

std::optional<Offer> find_offer(soci::session& sql, long long trust_id, long long offer_id) {
    return first_of(
        rows_for<OfferColumns, Offer>(sql, std::string(kOfferColumns) + kWhereOffer, trust_id, offer_id));
}

std::vector<Offer> offers_of_presenter(soci::session& sql, long long trust_id, long long person_id) {
    return rows_for<OfferColumns, Offer>(sql, std::string(kOfferColumns) + kWherePresenter, trust_id,
                                         person_id);
}

std::vector<Offer> offers_of_event(soci::session& sql, long long trust_id, long long event_id) {
    return rows_for<OfferColumns, Offer>(sql, std::string(kOfferColumns) + kWhereEvent, trust_id, event_id);
}

void insert_review(soci::session& sql, long long trust_id, const Review& review, const std::string& scores) {
    const std::string decision = text_of(review.decision);
    const long long now = db::now_seconds();
    sql << kInsertReview, soci::use(review.reviewer_id), soci::use(scores), soci::use(review.comment),
        soci::use(decision), soci::use(now), soci::use(trust_id), soci::use(review.offer_id);
}

std::vector<std::pair<Review, std::string>> reviews_of(soci::session& sql, long long trust_id,
                                                       long long offer_id) {
    return rows_for<ReviewColumns, std::pair<Review, std::string>>(sql, kReviewsOf, trust_id, offer_id);
}

} // namespace trellis::events::store

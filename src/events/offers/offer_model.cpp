#include "events/offers/offer_model.h"

namespace trellis::events {

namespace {

struct StatusName {
    OfferStatus status;
    const char* text;
    const char* label;
};

constexpr StatusName kStatuses[] = {
    {OfferStatus::Submitted, "submitted", "Submitted"},
    {OfferStatus::ChangesRequested, "changes_requested", "Changes requested"},
    {OfferStatus::Approved, "approved", "Approved"},
    {OfferStatus::Declined, "declined", "Declined"},
};

struct DecisionName {
    Decision decision;
    const char* text;
    const char* label;
    OfferStatus status;
};

constexpr DecisionName kDecisions[] = {
    {Decision::Approve, "approve", "Approve", OfferStatus::Approved},
    {Decision::RequestChanges, "changes", "Ask for changes", OfferStatus::ChangesRequested},
    {Decision::Decline, "decline", "Decline", OfferStatus::Declined},
};

} // namespace

std::optional<OfferStatus> offer_status_from_text(const std::string& text) {
    for (const auto& name : kStatuses)
        if (text == name.text)
            return name.status;
    return std::nullopt;
}

std::string text_of(OfferStatus status) {
    for (const auto& name : kStatuses)
        if (status == name.status)
            return name.text;
    return "submitted";
}

std::string label_of(OfferStatus status) {
    for (const auto& name : kStatuses)
        if (status == name.status)
            return name.label;
    return "";
}

std::optional<Decision> decision_from_text(const std::string& text) {
    for (const auto& name : kDecisions)
        if (text == name.text)
            return name.decision;
    return std::nullopt;
}

std::string text_of(Decision decision) {
    for (const auto& name : kDecisions)
        if (decision == name.decision)
            return name.text;
    return "changes";
}

std::string label_of(Decision decision) {
    for (const auto& name : kDecisions)
        if (decision == name.decision)
            return name.label;
    return "";
}

OfferStatus status_after(Decision decision) {
    for (const auto& name : kDecisions)
        if (decision == name.decision)
            return name.status;
    return OfferStatus::Submitted;
}

} // namespace trellis::events

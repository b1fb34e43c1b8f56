#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/model.h"
#include "events/offer_model.h"

namespace trellis::events {

// The largest file a presenter may upload as workshop material.
inline constexpr std::size_t kMaxMaterialBytes = 25 * 1024 * 1024;

// Rules for the call for offers, their quality assurance and the materials of workshops. Each
// change is one transaction; input that breaks a rule throws std::invalid_argument with a message
// for people, and nothing is saved. Who may call what is decided by accounts/permissions.h first.
class OfferService {
  public:
    OfferService(db::Database& database, std::filesystem::path materials_dir)
        : m_database(database), m_materials_dir(std::move(materials_dir)) {}

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

    // Keeps an uploaded file for the offer; checks its size, type and that its contents match the type.
    long long add_material(const accounts::Actor& uploader, const Offer& offer, const std::string& filename,
                           const std::string& content);
    std::vector<Material> materials_of(long long trust_id, long long offer_id);
    std::optional<Material> find_material(long long trust_id, long long material_id);
    // Materials of the trust's approved workshops whose title or file name contains the text.
    std::vector<Material> search_materials(long long trust_id, const std::string& text);
    // The bytes of a stored file.
    std::string read_material(const Material& material);
    void delete_material(long long trust_id, const Material& material);

  private:
    db::Database& m_database;
    std::filesystem::path m_materials_dir;
};

// The rubric reviewers score offers against, worded from the event's brief.
std::vector<RubricCriterion> rubric_for(const EventLayout& layout);
// The form as an offer now stands, for editing.
OfferForm form_of(const Offer& offer);
// The content type of an allowed material's file name ("" when the type is not allowed).
std::string material_type_of(const std::string& filename);
// A size for people, e.g. "1.4 MB".
std::string size_label(long long bytes);

} // namespace trellis::events

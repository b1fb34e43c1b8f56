#pragma once

#include <string>

// Files people share for their learning: slides, handouts and readings attached to a training day's
// workshop or a programme's activity (schema: materials in 0017_feedback_and_materials.sql).
namespace trellis::library {

// What a file belongs to, as stored in materials.owner_kind.
enum class OwnerKind { Offer, Activity };
std::string text_of(OwnerKind kind);

struct Owner {
    OwnerKind kind = OwnerKind::Offer;
    long long id = 0;
};

struct Material {
    long long id = 0;
    long long trust_id = 0;
    Owner owner;
    std::string filename; // as uploaded, shown to people
    std::string stored_name;
    std::string content_type;
    long long bytes = 0;
    long long uploaded_by = 0;
    long long uploaded_at = 0;
};

// A workshop's material found by the trust-wide search, with the workshop and event it belongs to.
struct WorkshopMaterial {
    Material material;
    std::string offer_title;
    std::string presenter_name;
    long long event_id = 0;
    std::string event_title;
};

} // namespace trellis::library

#pragma once

#include <string>
#include <vector>

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

// Where a material is used, so that its library item links back there: the owner's page, the
// route that downloads the file, and the school whose staff alone may find it (0: the whole trust).
struct Use {
    std::string title; // e.g. the workshop's title, or "Programme: session"
    std::string path;
    std::string download;
    long long school_id = 0;
};

// What a library item is: a file or link a lead added, or a material kept by a workshop or
// programme activity (library_items.kind).
enum class ItemKind { File, Link, Material };
std::string text_of(ItemKind kind);

// One tag: dimension "priority" (the priority's id), "phase", "staff_group" or "mechanism" (an EEF
// mechanism's code).
struct Tag {
    std::string dimension;
    std::string value;
    bool operator==(const Tag&) const = default;
};

// One entry of the trust's library (schema: 0023_library.sql).
struct Item {
    long long id = 0;
    long long trust_id = 0;
    long long school_id = 0; // 0: for the whole trust
    ItemKind kind = ItemKind::File;
    long long material_id = 0;
    std::string title;
    std::string description;
    std::string link; // a link's address, or where a material is downloaded
    std::string filename;
    std::string stored_name;
    std::string content_type;
    long long bytes = 0;
    std::string body; // words read from the file; written, never read back for pages
    std::string used_in_kind;
    long long used_in_id = 0;
    std::string used_in_title;
    std::string used_in_path;
    long long added_by = 0;
    long long added_at = 0;
    std::vector<Tag> tags;
};

// What a person searches for: words (all must appear, in any form: "fraction" finds "fractions"),
// and at most one value of each tag.
struct Query {
    std::string text;
    std::vector<Tag> tags;
};

// The most items one search returns, best first.
inline constexpr int kMostFound = 50;

// The school a search may see beyond the trust-wide items: -1 for every school.
inline constexpr long long kEverySchool = -1;

} // namespace trellis::library

#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

// The only SQL for live sessions' recordings. Every function names the trust in its query.
namespace trellis::programmes::recording_store {

struct Recording {
    long long id = 0;
    long long trust_id = 0;
    long long activity_id = 0;
    std::string link;        // where it is hosted, or "" for a video kept here
    std::string stored_name; // under TRELLIS_DATA/recordings/
    std::string content_type;
    long long bytes = 0;
    std::string captions_name; // WebVTT beside it, or ""
    std::string slides_name;   // the slides shown (PDF or PowerPoint), or ""
    std::string slides_type;

    bool kept_here() const { return !stored_name.empty(); }
    bool has_captions() const { return !captions_name.empty(); }
    bool has_slides() const { return !slides_name.empty(); }
};

// A session of the trust's programmes that has a recording.
struct Recorded {
    long long programme_id = 0;
    long long activity_id = 0;
};
std::vector<Recorded> recorded(soci::session& sql, long long trust_id);
std::optional<Recording> recording_of(soci::session& sql, long long trust_id, long long activity_id);
// Lists the session's recording in the trust's library (once; brought up to date when replaced), found
// by the words of its captions ("" when it has none).
void list_in_library(soci::session& sql, long long trust_id, long long activity_id,
                     const std::string& caption_text, long long added_by);
// Replaces the session's recording; returns the stored names of the one it replaced, to delete.
std::vector<std::string> replace_recording(soci::session& sql, const Recording& recording,
                                           long long added_by);

// A live session, with its programme: one someone missed, or one whose recording lacks captions.
struct MissedSession {
    long long programme_id = 0;
    long long activity_id = 0;
    std::string title;
};
// The live sessions a person missed that have a recording they have not caught up on, as a
// notifications::OwedSource's query: rows of (session, title, day, programme, then zeros), for :trust
// and :person.
std::string missed_with_recording_query();
// The trust's live sessions whose recording kept here has no captions, with their programme.
std::vector<MissedSession> recordings_without_captions(soci::session& sql, long long trust_id);

} // namespace trellis::programmes::recording_store

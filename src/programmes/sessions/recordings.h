#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "accounts/model.h"
#include "db/database.h"
#include "notifications/model.h"
#include "programmes/model.h"
#include "programmes/sessions/recording_store.h"

namespace trellis::programmes {

// What a lead sends to attach a recording: an uploaded video (with WebVTT captions, optional but
// flagged when missing), or a link to where it is hosted.
struct RecordingUpload {
    std::string link;
    std::string video; // the file's bytes
    std::string captions;
    std::string slides; // PDF or PowerPoint; a new recording without slides keeps the earlier ones
};

// The largest video kept here; longer recordings are linked to where they are hosted.
inline constexpr std::size_t kMaxRecordingBytes = 60 * 1024 * 1024;
inline constexpr std::size_t kMaxSlidesBytes = 20 * 1024 * 1024;

// Recordings of live sessions, for those who could not be there. People marked absent catch up by
// watching it through and saying in a line what they took from it; that is kept apart from being
// there. A broken rule throws std::invalid_argument with a message for the person.
class Recordings {
  public:
    Recordings(db::Database& database, std::filesystem::path folder)
        : m_database(database), m_folder(std::move(folder)) {}

    std::optional<recording_store::Recording> of(const Activity& activity);
    std::vector<long long> recorded_in(const Programme& programme);
    // The trust's recordings kept here without captions, for the lead to fix.
    std::vector<recording_store::MissedSession> without_captions(long long trust_id);
    void attach(const accounts::Actor& lead, const Programme& programme, const Activity& activity,
                const RecordingUpload& upload);
    std::filesystem::path file_of(const std::string& stored_name) const { return m_folder / stored_name; }
    // True when the person missed the session (marked absent) and has not caught up yet.
    bool owes_catch_up(const accounts::Actor& person, const Activity& activity);
    bool caught_up(const accounts::Actor& person, const Activity& activity);
    void catch_up(const accounts::Actor& person, const Activity& activity, bool watched_to_end,
                  const std::string& takeaway);

  private:
    db::Database& m_database;
    std::filesystem::path m_folder;
};

// For the home page: a "catch up" notice for each session the person missed that has a recording.
std::vector<notifications::Owed> owed_catch_ups(soci::session& sql, const accounts::Actor& actor);

} // namespace trellis::programmes

#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "notifications/service.h"
#include "programmes/model.h"
#include "programmes/sessions/recording_store.h"
#include "storage/file_store.h"

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
    Recordings(db::Database& database, storage::FileStore& files) : m_database(database), m_files(files) {}

    std::optional<recording_store::Recording> of(const Activity& activity);
    // The programme's sessions that have a recording, as this server keeps them for the actor's trust.
    std::vector<long long> recorded_in(const accounts::Actor& actor, const Programme& programme);
    // The trust's recordings kept here without captions, for the lead to fix.
    std::vector<recording_store::MissedSession> without_captions(long long trust_id);
    void attach(const accounts::Actor& lead, const Programme& programme, const Activity& activity,
                const RecordingUpload& upload);
    // Where a recording's files (video, captions, slides) are kept, and the key of one of them.
    storage::FileStore& files() const { return m_files; }
    static std::string key_of(const std::string& stored_name);
    // True when the person missed the session (marked absent) and has not caught up yet.
    bool owes_catch_up(const accounts::Actor& person, const Activity& activity);
    bool caught_up(const accounts::Actor& person, const Activity& activity);
    void catch_up(const accounts::Actor& person, const Activity& activity, bool watched_to_end,
                  const std::string& takeaway);

  private:
    // Saves the recording's row (its files already kept), replacing any earlier one, whose files go.
    void keep_row(const accounts::Actor& lead, const Activity& activity, recording_store::Recording recording,
                  const std::string& captions);
    void remove_files(const std::vector<std::string>& stored_names);

    db::Database& m_database;
    storage::FileStore& m_files;
    db::PerTrust<std::vector<recording_store::Recorded>> m_trust_recorded;
};

// For the home page: a "catch up" notice for each session the person missed that has a recording,
// soonest first.
notifications::OwedSource catch_up_notices();

} // namespace trellis::programmes

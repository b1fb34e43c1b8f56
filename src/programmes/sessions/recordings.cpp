#include "programmes/sessions/recordings.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "attendance/store.h"
#include "library/file_text.h"
#include "library/files.h"
#include "notifications/store.h"
#include "storage/keys.h"
#include "text/words.h"

namespace trellis::programmes {

namespace {

attendance::SessionRef ref_of(const Activity& activity) {
    return {attendance::SessionKind::Activity, activity.id};
}

// The video's type from its first bytes, never from its name: WebM or MP4, or "".
std::string video_type_of(const std::string& bytes) {
    if (bytes.size() >= 4 && bytes.compare(0, 4, "\x1A\x45\xDF\xA3") == 0)
        return "video/webm";
    if (bytes.size() >= 12 && bytes.compare(4, 4, "ftyp") == 0)
        return "video/mp4";
    return "";
}

// The slides' type from their first bytes: a PDF, a PowerPoint file, or "".
std::string slides_type_of(const std::string& bytes) {
    for (const std::string extension : {"pdf", "pptx"})
        if (library::content_matches_type(extension, bytes))
            return library::material_type_of("slides." + extension);
    return "";
}
bool is_webvtt(const std::string& text) {
    const std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; // a byte-order mark may lead
    return text.compare(start, 6, "WEBVTT") == 0 &&
           (text.size() == start + 6 || text[start + 6] == '\n' || text[start + 6] == '\r' ||
            text[start + 6] == ' ' || text[start + 6] == '\t');
}

std::optional<attendance::store::StoredMark> mark_of(soci::session& sql, const accounts::Actor& person,
                                                     const Activity& activity) {
    return attendance::store::mark_of(sql, activity.trust_id, ref_of(activity), person.person_id);
}

} // namespace

std::optional<recording_store::Recording> Recordings::of(const Activity& activity) {
    auto session = m_database.lease();
    return recording_store::recording_of(*session, activity.trust_id, activity.id);
}

std::vector<long long> Recordings::recorded_in(const accounts::Actor& actor, const Programme& programme) {
    const auto kept = m_trust_recorded.at(actor.trust_id, actor.shared_version, [&] {
        auto session = m_database.lease();
        return recording_store::recorded(*session, actor.trust_id);
    });
    std::vector<long long> ids;
    for (const recording_store::Recorded& recorded : *kept)
        if (recorded.programme_id == programme.id)
            ids.push_back(recorded.activity_id);
    return ids;
}

std::vector<recording_store::MissedSession> Recordings::without_captions(long long trust_id) {
    auto session = m_database.lease();
    return recording_store::recordings_without_captions(*session, trust_id);
}

void Recordings::attach(const accounts::Actor& lead, const Programme& programme, const Activity& activity,
                        const RecordingUpload& upload) {
    if (!accounts::leads_at(lead, programme.school_id))
        throw std::invalid_argument("Only the programme's lead adds recordings.");
    if (activity.kind != ActivityKind::Live)
        throw std::invalid_argument("Only live sessions have recordings.");
    recording_store::Recording recording;
    recording.trust_id = activity.trust_id;
    recording.activity_id = activity.id;
    recording.link = text::trimmed(upload.link);
    if (recording.link.empty() == upload.video.empty())
        throw std::invalid_argument(
            "Upload the video, or give a link to where it is hosted: one of the two.");
    if (!recording.link.empty() && (recording.link.rfind("https://", 0) != 0 || recording.link.size() > 500 ||
                                    recording.link.find_first_of(" \"<>") != std::string::npos))
        throw std::invalid_argument("Give the recording's link as an address starting https://.");
    if (!upload.video.empty()) {
        if (upload.video.size() > kMaxRecordingBytes)
            throw std::invalid_argument(
                "The video is larger than 60 MB: give a link to where it is hosted instead.");
        recording.content_type = video_type_of(upload.video);
        if (recording.content_type.empty())
            throw std::invalid_argument("The video must be a WebM or MP4 file.");
        recording.bytes = static_cast<long long>(upload.video.size());
        recording.stored_name =
            storage::stored_name(activity.trust_id, accounts::random_token(),
                                 recording.content_type == "video/webm" ? ".webm" : ".mp4");
    }
    if (!upload.captions.empty()) {
        if (upload.captions.size() > 2 * 1024 * 1024 || !is_webvtt(upload.captions))
            throw std::invalid_argument(
                "Captions must be a WebVTT file (it starts with WEBVTT), up to 2 MB.");
        recording.captions_name = storage::stored_name(activity.trust_id, accounts::random_token(), ".vtt");
    }
    if (!upload.slides.empty()) {
        recording.slides_type = slides_type_of(upload.slides);
        if (recording.slides_type.empty() || upload.slides.size() > kMaxSlidesBytes)
            throw std::invalid_argument("Slides must be a PDF or PowerPoint (.pptx) file, up to 20 MB.");
        recording.slides_name =
            storage::stored_name(activity.trust_id, accounts::random_token(),
                                 recording.slides_type == "application/pdf" ? ".pdf" : ".pptx");
    }
    // Files first, then the row in one transaction; files of a replaced recording go after it commits.
    std::vector<std::string> written;
    try {
        for (const auto& [name, bytes] : {std::pair{&recording.stored_name, &upload.video},
                                          std::pair{&recording.captions_name, &upload.captions},
                                          std::pair{&recording.slides_name, &upload.slides}})
            if (!name->empty()) {
                m_files.put(key_of(*name), *bytes);
                written.push_back(*name);
            }
        keep_row(lead, activity, recording, upload.captions);
    } catch (...) {
        remove_files(written);
        throw;
    }
}

void Recordings::keep_row(const accounts::Actor& lead, const Activity& activity,
                          recording_store::Recording recording, const std::string& captions) {
    // The connection is given back before the replaced files go (on S3, a request each).
    const auto replaced = [&] {
        db::Transaction transaction(m_database);
        if (recording.slides_name.empty())
            if (auto old =
                    recording_store::recording_of(transaction.session(), activity.trust_id, activity.id)) {
                recording.slides_name = old->slides_name;
                recording.slides_type = old->slides_type;
            }
        auto before = recording_store::replace_recording(transaction.session(), recording, lead.person_id);
        recording_store::list_in_library(transaction.session(), activity.trust_id, activity.id,
                                         library::searchable_text("captions.vtt", captions), lead.person_id);
        transaction.commit();
        return before;
    }();
    remove_files(replaced);
}

std::string Recordings::key_of(const std::string& stored_name) {
    return storage::key_of(storage::kRecordings, stored_name);
}

void Recordings::remove_files(const std::vector<std::string>& stored_names) {
    for (const std::string& name : stored_names)
        storage::remove_quietly(m_files, key_of(name));
}

bool Recordings::owes_catch_up(const accounts::Actor& person, const Activity& activity) {
    auto session = m_database.lease();
    const auto mark = mark_of(*session, person, activity);
    return mark && !mark->present && !mark->caught_up;
}

bool Recordings::caught_up(const accounts::Actor& person, const Activity& activity) {
    auto session = m_database.lease();
    const auto mark = mark_of(*session, person, activity);
    return mark && mark->caught_up;
}

void Recordings::catch_up(const accounts::Actor& person, const Activity& activity, bool watched_to_end,
                          const std::string& takeaway) {
    const std::string line = text::trimmed(takeaway);
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto recording = recording_store::recording_of(sql, activity.trust_id, activity.id);
    const auto mark = mark_of(sql, person, activity);
    if (!recording || !mark || mark->present || mark->caught_up)
        throw std::invalid_argument(
            "Catching up is for those marked absent from a session with a recording.");
    if (recording->kept_here() && !watched_to_end)
        throw std::invalid_argument("Watch the recording to its end first.");
    if (line.empty() || line.size() > 500)
        throw std::invalid_argument("Say in a line (up to 500 characters) what you took from it.");
    attendance::store::catch_up(sql, activity.trust_id, ref_of(activity), person.person_id, line);
    notifications::store::dismiss_link(sql, activity.trust_id, person.person_id,
                                       "/programmes/" + std::to_string(activity.programme_id) +
                                           "/activities/" + std::to_string(activity.id) + "/recording");
    transaction.commit();
}

notifications::OwedSource catch_up_notices() {
    return {recording_store::missed_with_recording_query(),
            [](soci::session&, const accounts::Actor&, const std::vector<notifications::OwedRow>& missed) {
                auto soonest = missed;
                std::sort(soonest.begin(), soonest.end(), [](const auto& a, const auto& b) {
                    return std::tie(a.more, a.id) < std::tie(b.more, b.id);
                });
                std::vector<notifications::Owed> owed;
                for (const notifications::OwedRow& session : soonest)
                    owed.push_back(
                        {"Catch up: watch the recording of “" + session.text + "”, which you missed.",
                         "/programmes/" + std::to_string(session.first) + "/activities/" +
                             std::to_string(session.id) + "/recording"});
                return owed;
            }};
}

} // namespace trellis::programmes

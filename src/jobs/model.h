#pragma once

#include <string>

// Background work any server may do, kept as rows of the jobs table (see migration 0031).
namespace trellis::jobs {

// The kinds of work; each names what its subject_id is.
inline constexpr const char* kAllocation = "allocation";      // an allocation run
inline constexpr const char* kStaffImport = "staff_import";   // a staff import
inline constexpr const char* kNoticesSweep = "notices_sweep"; // a trust's sweep (subject 0), recurring

enum class JobState { Queued, Running, Done, Failed };

struct Job {
    long long id = 0;
    long long trust_id = 0;
    std::string kind;
    long long subject_id = 0;
    JobState state = JobState::Queued;
    long long attempts = 0;
    std::string held_by; // the server running it, while it runs
    long long held_since = 0;
    std::string error;  // why it failed, in words for the person who started it
    long long done = 0; // progress: items done of total (0 of 0 when it counts none)
    long long total = 0;
    std::string phase; // progress in words ("Saving the placements")

    bool finished() const { return state == JobState::Done || state == JobState::Failed; }
};

} // namespace trellis::jobs

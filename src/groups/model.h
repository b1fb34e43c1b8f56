#pragma once

#include <optional>
#include <string>
#include <vector>

// Small groups of staff who meet to work together: those meeting in one collaboration time of a
// programme, and standing groups (a department, a cross-school phase group, a lesson-study trio) with
// their meetings, shared notes and resources, as plain data (schema: 0016_programme_work.sql,
// 0026_standing_groups.sql).
namespace trellis::groups {

// What a group is, as stored in collaboration_groups.kind. Session: made for one collaboration time
// of a programme; the rest are standing groups.
enum class GroupKind { Session, Department, Phase, LessonStudy, Other };
inline constexpr GroupKind kStandingKinds[] = {GroupKind::Department, GroupKind::Phase,
                                               GroupKind::LessonStudy, GroupKind::Other};
std::string text_of(GroupKind kind);
std::optional<GroupKind> group_kind_from_text(const std::string& text);
// "Department", "Phase group across schools", "Lesson study", "Working group".
std::string label_of(GroupKind kind);

struct GroupMember {
    long long person_id = 0;
    std::string name;
    std::string school_name;
};

struct Group {
    long long id = 0;
    long long activity_id = 0;
    std::string name;
    std::string how_made; // why these people are together, for a suggested group
    std::vector<GroupMember> members;
    std::string what_we_did; // a few lines the group records, or ""
    std::string written_by;  // who last wrote it
    long long written_at = 0;

    bool has(long long person_id) const {
        for (const GroupMember& member : members)
            if (member.person_id == person_id)
                return true;
        return false;
    }
};

// A standing group as anyone who may see it sees it: what it is, who is in it, and how often it
// meets; never what its members write.
struct StandingGroup {
    long long id = 0;
    GroupKind kind = GroupKind::Other;
    std::string name;
    std::string purpose;
    long long school_id = 0; // 0: across schools
    std::string school_name;
    std::vector<GroupMember> members;
    int meetings = 0;
    std::string last_met; // YYYY-MM-DD, or ""

    bool has(long long person_id) const {
        for (const GroupMember& member : members)
            if (member.person_id == person_id)
                return true;
        return false;
    }
};

// A standing group's meeting. `what_we_did` is for the members alone.
struct GroupMeeting {
    long long id = 0;
    std::string day; // YYYY-MM-DD
    int minutes = 0;
    long long activity_id = 0; // the programme collaboration time it used, or 0 for the group's own
    std::string activity_title;
    std::string what_we_did;
    std::string written_by;
    std::vector<std::string> came; // names
};

struct GroupNote {
    long long id = 0;
    std::string body;
    std::string written_by;
    long long written_at = 0;
};

// An item of the trust's library the group works from, or a link.
struct GroupResource {
    long long id = 0;
    long long library_item_id = 0; // 0 for a link
    std::string title;
    std::string url; // a link's address; "" for a library item
    std::string added_by;
};

// What a standing group's page shows. Its members see everything; a lead overseeing the group who is
// not in it sees who is in it and when it met, never what it wrote (`members_view` false).
struct GroupPage {
    StandingGroup group;
    bool members_view = false;
    std::vector<GroupMeeting> meetings; // newest first
    std::vector<GroupNote> notes;       // newest first
    std::vector<GroupResource> resources;
};

// A programme collaboration time a standing group may meet in: the activity, its day and length.
struct ProtectedTime {
    long long activity_id = 0;
    std::string title; // "Programme: activity"
    std::string day;
    int minutes = 0;
};

// A standing group as typed into its form; `members` are email addresses, one per line or comma.
struct GroupForm {
    std::string name, kind, purpose, school, members;
    bool include_me = true;
};

// A meeting as typed into its form: `time` is a programme collaboration time's id, or "" for the
// group's own time (then `day` and `minutes` say when and how long).
struct MeetingForm {
    std::string time, day, minutes, what_we_did;
    std::vector<long long> came;
};

// Two people of a programme kept out of the same group, as the lead sees them.
struct KeptApart {
    long long first_id = 0;
    std::string first_name;
    long long second_id = 0;
    std::string second_name;
};

// A group to be made: its name and its people.
struct NewGroup {
    std::string name;
    std::vector<long long> people;
    std::string why; // how it was put together, for a suggested group
};

} // namespace trellis::groups

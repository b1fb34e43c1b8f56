#include "demo/demo_groups.h"

#include <chrono>
#include <vector>

#include "calendar/school_year.h"
#include "db/rows.h"
#include "demo/demo_people.h"
#include "demo/demo_trust.h"
#include "groups/standing_store.h"

namespace trellis::demo {

namespace {

using groups::GroupKind;
using groups::GroupMeeting;
using groups::StandingGroup;

struct DemoMeeting {
    int days_ago;
    int minutes;
    const char* what_we_did;
};

// Our own words for what each group did.
const DemoMeeting kHumanitiesMeetings[] = {
    {38, 60,
     "Agreed one focus for the half-term: a five-question retrieval starter in every Year 8 lesson. Each of "
     "us drafted starters for the next unit."},
    {24, 45,
     "Swapped starters. History's worked best where the questions mixed last lesson with last term. RE "
     "starters were too long to finish in five minutes: cut to three questions."},
    {9, 60,
     "Looked at Year 8 books together: answers to the mixed questions improved most. Next: try the same "
     "starters with Year 9 and bring two books each."},
};
const char* kHumanitiesNotes[] = {
    "Reminder: bring two Year 8 books each to the next meeting, one strong and one still struggling.",
    "I have put our best twelve starters in the department's shared folder. The one-page feedback routine "
    "in our resources is what we want to try next half-term.",
};

const DemoMeeting kReadingMeetings[] = {
    {30, 60,
     "Teachers and teaching assistants looked together at how our Year 1 catch-up groups are run in each "
     "school. Agreed to try the same four-part routine in every group."},
    {11, 45,
     "The routine is running in both schools. Assistants said the groups start faster; two pupils at "
     "Hollins Lane still need the sounds mat. Next: film one group each, with permission, to watch "
     "together."},
};
const char* kReadingNotes[] = {
    "Our four-part routine: review sounds, teach one new sound, blend and read words, read one sentence.",
};

// The first current members of staff of a school and staff group, up to `count`, without `except`.
std::vector<long long> colleagues(soci::session& sql, long long trust_id, long long school_id,
                                  const std::string& group, std::size_t count, long long except) {
    std::vector<long long> found;
    for (const auto& [id, school] : staff_in(sql, trust_id, group))
        if (school == school_id && id != except && found.size() < count)
            found.push_back(id);
    return found;
}

long long school_of(soci::session& sql, long long trust_id, long long person_id) {
    long long school = 0;
    db::read_one(sql, "SELECT COALESCE(school_id, 0) FROM people WHERE trust_id = :trust AND id = :id",
                 soci::use(trust_id), soci::use(person_id), soci::into(school));
    return school;
}

long long school_named(soci::session& sql, long long trust_id, const std::string& name) {
    long long id = 0;
    const bool found = db::read_one(sql, "SELECT id FROM schools WHERE trust_id = :trust AND name = :name",
                                    soci::use(trust_id), soci::use(name), soci::into(id));
    return found ? id : 0;
}

// The trust-wide library item with this word in its title, or the newest one; 0 when there is none.
long long library_item(soci::session& sql, long long trust_id, const std::string& word) {
    long long id = 0;
    const std::string pattern = "%" + word + "%";
    const bool found = db::read_one(
        sql,
        "SELECT id FROM library_items WHERE trust_id = :trust AND school_id = 0 ORDER BY CASE WHEN "
        "LOWER(title) "
        "LIKE :word THEN 0 ELSE 1 END, id DESC LIMIT 1",
        soci::use(trust_id), soci::use(pattern), soci::into(id));
    return found ? id : 0;
}

long long add_group(soci::session& sql, long long trust_id, StandingGroup group,
                    const std::vector<long long>& members, const std::vector<DemoMeeting>& meetings,
                    const std::vector<const char*>& notes, std::chrono::sys_days today) {
    const long long id = groups::standing_store::insert_group(sql, trust_id, group, members.front());
    groups::standing_store::add_members(sql, trust_id, id, members);
    for (std::size_t index = 0; index < meetings.size(); ++index) {
        GroupMeeting meeting;
        meeting.day = school_day_before(today, meetings[index].days_ago);
        meeting.minutes = meetings[index].minutes;
        meeting.what_we_did = meetings[index].what_we_did;
        // Most came each time; one person missed the middle meeting.
        std::vector<long long> came = members;
        if (index == 1 && came.size() > 3)
            came.pop_back();
        groups::standing_store::insert_meeting(sql, trust_id, id, meeting, came,
                                               members[index % members.size()]);
    }
    for (std::size_t index = 0; index < notes.size(); ++index)
        groups::standing_store::insert_note(sql, trust_id, id, members[(index + 1) % members.size()],
                                            notes[index]);
    return id;
}

} // namespace

void load_demo_groups(db::Database& database, long long trust_id, const std::string& today) {
    const auto day = calendar::parse_day(today);
    if (!day)
        return;
    db::Transaction transaction(database);
    auto& sql = transaction.session();
    const auto logins = demo_logins();
    const long long teacher = id_of(sql, trust_id, logins[3].email);
    const long long school_lead = id_of(sql, trust_id, logins[2].email);
    const long long support = id_of(sql, trust_id, logins[4].email);
    if (!teacher || !school_lead || !support)
        return;

    StandingGroup humanities;
    humanities.kind = GroupKind::Department;
    humanities.name = "Humanities at Oakfield";
    humanities.purpose =
        "History, geography and RE teachers trying one shared focus each half-term. This half-term: "
        "retrieval starters in Year 8.";
    humanities.school_id = school_of(sql, trust_id, teacher);
    std::vector<long long> department{teacher};
    for (long long id : colleagues(sql, trust_id, humanities.school_id, "teacher", 4, teacher))
        department.push_back(id);
    const long long department_id =
        add_group(sql, trust_id, humanities, department,
                  {std::begin(kHumanitiesMeetings), std::end(kHumanitiesMeetings)},
                  {std::begin(kHumanitiesNotes), std::end(kHumanitiesNotes)}, *day);
    groups::GroupResource research;
    research.library_item_id = library_item(sql, trust_id, "feedback");
    if (research.library_item_id)
        groups::standing_store::insert_resource(sql, trust_id, department_id, research, teacher);

    StandingGroup reading;
    reading.kind = GroupKind::Phase;
    reading.name = "Early reading across our primaries";
    reading.purpose =
        "Teachers and teaching assistants who run Year 1 and 2 phonics catch-up groups, sharing one "
        "routine across the primary schools.";
    std::vector<long long> readers{school_lead, support};
    const long long hollins = school_named(sql, trust_id, "Hollins Lane Primary School");
    for (long long id : colleagues(sql, trust_id, hollins, "teacher", 1, 0))
        readers.push_back(id);
    for (long long id : colleagues(sql, trust_id, hollins, "support", 2, 0))
        readers.push_back(id);
    const long long reading_id =
        add_group(sql, trust_id, reading, readers, {std::begin(kReadingMeetings), std::end(kReadingMeetings)},
                  {std::begin(kReadingNotes), std::end(kReadingNotes)}, *day);
    groups::GroupResource phonics;
    phonics.library_item_id = library_item(sql, trust_id, "teaching assistants");
    if (phonics.library_item_id)
        groups::standing_store::insert_resource(sql, trust_id, reading_id, phonics, support);
    transaction.commit();
}

} // namespace trellis::demo

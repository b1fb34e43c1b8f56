#include "demo/demo_record.h"

#include "calendar/school_year.h"
#include "db/rows.h"
#include "demo/demo_trust.h"
#include "record/logged_store.h"

namespace trellis::demo {

namespace {

using record::Category;

struct Logged {
    int days_ago;
    Category category;
    const char* title;
    int minutes;
    const char* reflection;
};

// Each login's own learning, in our words: what a teacher, a teaching assistant and two leaders
// might really do between sessions.
const Logged kTeacher[] = {
    {290, Category::Reading, "A chapter on retrieval practice and why spacing helps pupils remember", 90,
     "Low-stakes quizzes at the start of lessons, not the end: try it with Year 8 after half-term."},
    {230, Category::Course, "Online unit: adapting lessons for pupils with SEND in mainstream classes", 150,
     ""},
    {150, Category::Podcast, "A podcast episode on cold calling kindly", 40,
     "Warn the class before I cold call, and wait longer than feels comfortable."},
    {75, Category::Visit, "Half a day watching Year 5 maths lessons at a partner primary school", 180,
     "Their mini-whiteboard routine is quick: everyone shows at once, and the teacher scans the room."},
    {40, Category::Research, "Three weeks of mini-whiteboards in every lesson with 8C", 120,
     "More pupils answered; the ones who never put their hands up were the surprise."},
    {9, Category::Reading, "A research summary on questioning that checks understanding", 60, ""},
};
const Logged kSupport[] = {
    {260, Category::Course, "First aid at work refresher", 360, ""},
    {180, Category::Reading, "Guidance on making the best use of teaching assistants, the summary", 60,
     "Ask the teacher before the lesson what the group should be able to do by the end."},
    {95, Category::Visit, "A morning in the specialist base watching phonics interventions", 150,
     "Short, daily and the same routine each time: the children knew exactly what came next."},
    {30, Category::Podcast, "A webinar on supporting pupils who find changes in the day hard", 60, ""},
    {12, Category::Research, "Trying visual timetables with two pupils in Year 3", 90,
     "Both settled faster after lunch; one now fetches the card himself."},
};
const Logged kSchoolLead[] = {
    {300, Category::Reading,
     "A review of what makes professional development work, read with the senior team", 120,
     "Fewer things, for longer, with time to practise: our inset plan tries to do too much."},
    {200, Category::Course, "Leadership qualification: the unit on putting changes into practice", 240, ""},
    {60, Category::Visit, "A visit to a trust secondary to see how their coaching runs", 300,
     "Fortnightly fifteen-minute meetings, one step at a time. Worth piloting with our ECTs."},
    {20, Category::Podcast, "A podcast on protecting teachers' time for planning together", 45, ""},
};
const Logged kTrustLead[] = {
    {270, Category::Course, "A course on evaluating training beyond 'did you enjoy it'", 420,
     "Plan the measures before the programme starts, not after."},
    {160, Category::Reading, "A report on support staff development across schools", 90,
     "Half our workforce gets the least: the needs survey must ask them about their own roles."},
    {50, Category::Visit, "Two days at another trust's conference for professional development leads", 720,
     ""},
    {15, Category::Research, "Comparing this autumn's needs survey with last year's, school by school", 180,
     ""},
};

template <std::size_t N>
void log_all(soci::session& sql, long long trust_id, const std::string& email, const Logged (&entries)[N],
             std::chrono::sys_days today) {
    long long person_id = 0;
    if (!db::read_one(sql, "SELECT id FROM people WHERE trust_id = :trust AND email = :email",
                      soci::use(trust_id), soci::use(email), soci::into(person_id)))
        return;
    for (const Logged& logged : entries) {
        record::Entry entry;
        entry.day = calendar::text_of(today - std::chrono::days(logged.days_ago));
        entry.kind = record::EntryKind::Logged;
        entry.category = logged.category;
        entry.title = logged.title;
        entry.minutes = logged.minutes;
        entry.reflection = logged.reflection;
        record::logged_store::insert(sql, trust_id, person_id, entry);
    }
}

} // namespace

void load_demo_record(db::Database& database, long long trust_id, const std::string& today) {
    const auto day = calendar::parse_day(today);
    if (!day)
        return;
    const auto logins = demo_logins();
    db::Transaction transaction(database);
    auto& sql = transaction.session();
    log_all(sql, trust_id, logins[1].email, kTrustLead, *day);
    log_all(sql, trust_id, logins[2].email, kSchoolLead, *day);
    log_all(sql, trust_id, logins[3].email, kTeacher, *day);
    log_all(sql, trust_id, logins[4].email, kSupport, *day);
    transaction.commit();
}

} // namespace trellis::demo

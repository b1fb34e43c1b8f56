#include "demo/demo_programmes.h"

#include <filesystem>

#include "accounts/secrets.h"
#include "attendance/store.h"
#include "demo/demo_people.h"
#include "feedback/store.h"
#include "groups/forming.h"
#include "groups/store.h"
#include "library/file_text.h"
#include "library/files.h"
#include "library/service.h"
#include "library/store.h"
#include "people/store.h"
#include "priorities/store.h"
#include "programmes/activity_store.h"
#include "programmes/audience.h"
#include "programmes/reflection_store.h"
#include "programmes/sessions/recording_store.h"
#include "programmes/store.h"
#include "storage/keys.h"
#include "text/words.h"

namespace trellis::demo {

namespace {

using people::StaffGroup;
using programmes::Activity;
using programmes::ActivityKind;
using programmes::Delivery;

struct DemoActivity {
    ActivityKind kind;
    const char* title;
    const char* details;
    const char* starts_on;
    const char* starts_at; // live sessions and collaboration time
    const char* ends_at;
    const char* due_on; // everything else
    const char* mechanisms;
    Delivery delivery = Delivery::InPerson;
    const char* venue = "";
    const char* room = "";
    const char* evidence = "";
    const char* extra = ""; // the module's slug, or the collaboration prompt
};

const DemoActivity kQuestioning[] = {
    {ActivityKind::Live, "Launch: questions that make everyone think",
     "Why most questions in a lesson reach only a few pupils, and three routines that reach them all.",
     "2026-09-17", "15:45", "17:15", "", "credible-source,goals,instruct,model", Delivery::InPerson,
     "Oakfield Academy", "Main hall",
     "The trust's summary of research on classroom talk, led by our lead practitioner for teaching"},
    {ActivityKind::Module, "Online: building an evidence-informed habit",
     "Work through the module in your own time; it takes about an hour in short sittings.", "2026-09-21", "",
     "", "2026-10-16", "cognitive-load,revisit", Delivery::InPerson, "", "", "", "research-in-cpd"},
    {ActivityKind::Practice, "Try it: no hands up with one class",
     "Use cold calling with one class for two weeks. Note which pupils you heard from that you usually do "
     "not.",
     "2026-10-05", "", "", "2026-10-23", "rehearse,action-planning,prompts"},
    {ActivityKind::Live, "Clinic: what happened when you tried it",
     "Bring one moment that went well and one that did not; we work through them in small rooms.",
     "2026-11-12", "16:00", "17:00", "", "feedback,social-support,affirmation", Delivery::Online, "", "",
     "Two of our own teachers who have used these routines for a year"},
    {ActivityKind::Collaboration, "Inset afternoon: department triads",
     "Protected time on the January inset day, in threes across schools where we can.", "2027-01-04", "13:30",
     "15:30", "", "social-support,feedback,self-monitoring", Delivery::InPerson, "", "", "",
     "Bring a recording or a transcript of five minutes of your questioning. Agree one change each, and how "
     "you will know it worked."},
    {ActivityKind::Practice, "Plan hinge questions for a unit",
     "Write a hinge question for each lesson of your next unit and use them; keep the ones that told you "
     "most.",
     "2027-01-11", "", "", "2027-02-12", "action-planning,repetition,rehearse"},
    {ActivityKind::Live, "Sharing what works",
     "Short talks from colleagues in each school, then planning for the summer term.", "2027-03-11", "15:45",
     "17:00", "", "affirmation,revisit,goals", Delivery::Both, "Riverside High School", "Library",
     "Colleagues' own classroom enquiries from this year"},
    {ActivityKind::FollowUp, "What stuck?",
     "Three questions: what you still do, what you dropped, and what you would tell a new colleague.",
     "2027-04-19", "", "", "2027-05-07", "self-monitoring,revisit"},
};

const DemoActivity kSupport[] = {
    {ActivityKind::Live, "Working alongside the teacher",
     "Agreeing before the lesson what you will do, and what pupils will do for themselves.", "2026-10-07",
     "13:30", "15:00", "", "goals,instruct,model", Delivery::InPerson, "Meadowbank Primary School", "Studio"},
    {ActivityKind::Module, "Online: trust in teams",
     "How teams where people feel safe to speak up work, and what you can do in yours.", "2026-10-12", "", "",
     "2026-11-20", "cognitive-load,credible-source", Delivery::InPerson, "", "", "", "building-trust"},
    {ActivityKind::Practice, "Try it: scaffold, then step back",
     "With one pupil or group, plan how you will give less help each time, and note what they managed alone.",
     "2026-11-23", "", "", "2026-12-18", "rehearse,action-planning"},
    {ActivityKind::Collaboration, "Inset: support staff networks",
     "Teaching assistants, learning mentors and technicians meet by phase across the trust.", "2027-02-22",
     "09:30", "12:00", "", "social-support,feedback", Delivery::InPerson, "", "", "",
     "Each bring one thing that works in your role and one question. Leave with a colleague to visit."},
    {ActivityKind::Live, "Questions that help pupils think for themselves",
     "Prompts that get pupils to try before you help, online so that every site can join.", "2027-03-17",
     "14:00", "15:00", "", "instruct,model", Delivery::Online},
};

void add_activities(soci::session& sql, long long trust_id, long long programme_id, const DemoActivity* begin,
                    const DemoActivity* end) {
    for (const DemoActivity* demo = begin; demo != end; ++demo) {
        Activity activity;
        activity.programme_id = programme_id;
        activity.trust_id = trust_id;
        activity.kind = demo->kind;
        activity.title = demo->title;
        activity.details = demo->details;
        activity.starts_on = demo->starts_on;
        activity.starts_at = demo->starts_at;
        activity.ends_at = demo->ends_at;
        activity.due_on = demo->due_on;
        activity.mechanisms = text::split_commas(demo->mechanisms);
        activity.delivery = demo->delivery;
        activity.venue = demo->venue;
        activity.room = demo->room;
        activity.evidence = demo->evidence;
        if (demo->kind == ActivityKind::Module)
            activity.module_slug = demo->extra;
        if (demo->kind == ActivityKind::Collaboration)
            activity.prompt = demo->extra;
        if (demo->delivery != Delivery::InPerson)
            activity.meeting_url = "https://meet.oakfield.example/pd-" + std::to_string(programme_id);
        programmes::activity_store::insert_activity(sql, activity);
    }
}

programmes::Programme base(const accounts::Actor& lead, const char* title, const char* purpose,
                           const char* outcome) {
    programmes::Programme programme;
    programme.trust_id = lead.trust_id;
    programme.title = title;
    programme.purpose = purpose;
    programme.pupil_outcome = outcome;
    programme.starts_on = "2026-09-01";
    programme.ends_on = "2027-07-21";
    programme.created_by = lead.person_id;
    return programme;
}

// The first `count` people of a staff group (and school, when not 0) still in the trust.
std::vector<long long> people_of(soci::session& sql, long long trust_id, StaffGroup group,
                                 long long school_id, std::size_t count) {
    std::vector<long long> ids;
    people::store::for_each_person(sql, trust_id, [&](const people::Person& person) {
        if (ids.size() < count && person.staff_group == group && !person.has_left() &&
            (school_id == 0 || person.school_id == school_id) && person.email.rfind("teacher@", 0) != 0)
            ids.push_back(person.id);
    });
    return ids;
}

// The launch session is past: its register is kept, most there and a few away, the demo teacher
// among those away. Returns the session's id.
long long mark_first_session(soci::session& sql, long long trust_id, long long programme_id,
                             long long lead_id, const std::vector<long long>& expected, long long away) {
    const auto activities = programmes::activity_store::activities_of(sql, trust_id, programme_id);
    std::vector<attendance::RegisterEntry> entries;
    for (std::size_t i = 0; i < expected.size(); ++i)
        entries.push_back({expected[i], "", "", StaffGroup::Teacher, i % 6 != 0, false, false});
    if (away)
        entries.push_back({away, "", "", StaffGroup::Teacher, false, false, false});
    attendance::store::save_register(
        sql, trust_id, {attendance::SessionKind::Activity, activities.front().id}, lead_id, entries);
    return activities.front().id;
}

// The launch's recording, captioned (the case-study video of a learning module stands in for it),
// and three of those away (not `still_owing`, the demo teacher) have caught up from it.
void add_launch_recording(soci::session& sql, long long trust_id, long long launch_id, long long lead_id,
                          long long still_owing, const DemoFolders& folders) {
    namespace fs = std::filesystem;
    const fs::path video = folders.content_dir / "building-trust" / "case-study.webm";
    const fs::path captions = folders.content_dir / "building-trust" / "case-study.vtt";
    if (!folders.files || !fs::exists(video) || !fs::exists(captions))
        return;
    programmes::recording_store::Recording recording;
    recording.trust_id = trust_id;
    recording.activity_id = launch_id;
    recording.stored_name = storage::stored_name(trust_id, "demo-launch", ".webm");
    recording.captions_name = storage::stored_name(trust_id, "demo-launch", ".vtt");
    recording.content_type = "video/webm";
    const std::string video_bytes = library::read_file(video); // half a megabyte
    recording.bytes = static_cast<long long>(video_bytes.size());
    folders.files->put(storage::key_of(storage::kRecordings, recording.stored_name), video_bytes);
    folders.files->put(storage::key_of(storage::kRecordings, recording.captions_name),
                       library::read_file(captions));
    programmes::recording_store::replace_recording(sql, recording, lead_id);
    programmes::recording_store::list_in_library(
        sql, trust_id, launch_id, library::searchable_text("captions.vtt", library::read_file(captions)),
        lead_id);
    const char* const takeaways[] = {"Wait longer after asking: count to five.",
                                     "Ask everyone, then choose who answers.",
                                     "Plan the questions before the lesson, not during it."};
    int caught_up = 0;
    for (const auto& [person_id, mark] :
         attendance::store::marks_of(sql, trust_id, {attendance::SessionKind::Activity, launch_id}))
        if (!mark.present && caught_up < 3 && person_id != still_owing)
            attendance::store::catch_up(sql, trust_id, {attendance::SessionKind::Activity, launch_id},
                                        person_id, takeaways[caught_up++]);
}

// Most of those at the launch said how it went, so its feedback shows (small groups still hidden).
void add_launch_feedback(soci::session& sql, long long trust_id, long long launch_id) {
    // About one in seven writes a comment, as people do.
    const char* const comments[] = {
        "The wait-time routine was the most useful thing; I used it the next day.",
        "More time to practise in pairs, please.",
        "Seeing it modelled with a real class made it click.",
        "Good, but I wanted examples from practical subjects too.",
        "Short and useful. The no-hands routine needs a follow-up with Year 9.",
        "I would have liked the slides beforehand."};
    int given = 0;
    for (const auto& [person_id, mark] :
         attendance::store::marks_of(sql, trust_id, {attendance::SessionKind::Activity, launch_id}))
        if ((mark.present || mark.caught_up) && person_id % 4 != 0) {
            const int rating = person_id % 11 == 0 ? 2 : 3 + static_cast<int>(person_id % 3);
            const std::string comment = given % 7 == 0 ? comments[(given / 7) % 6] : "";
            ++given;
            feedback::store::save_answers(sql, trust_id, {feedback::AboutKind::Activity, launch_id},
                                          person_id, {{launch_id, rating, comment}});
        }
}

// The launch's handout, shared as the session's material.
void add_launch_handout(soci::session& sql, long long trust_id, long long programme_id,
                        const std::string& programme_title, long long launch_id, long long lead_id,
                        const DemoFolders& folders) {
    if (!folders.files)
        return;
    const std::string handout =
        "Questioning that makes every pupil think: the routines from the launch\n\n"
        "1. Ask, wait, then choose. Put the question to the whole class, count five seconds in your head, "
        "then name who answers.\n"
        "2. Think, pair, then share. A minute in pairs before anyone answers aloud gives quieter pupils "
        "something to say.\n"
        "3. Say it again, better. Ask a pupil to build on the last answer, not to start again.\n"
        "4. Plan three questions before the lesson: one to check, one to stretch, one to connect.\n\n"
        "Try one routine this week and note what changed for two pupils who rarely speak.\n";
    library::Material material;
    material.trust_id = trust_id;
    material.owner = {library::OwnerKind::Activity, launch_id};
    material.filename = "Questioning routines (launch handout).txt";
    material.stored_name = storage::stored_name(trust_id, accounts::random_token());
    material.content_type = library::material_type_of(material.filename);
    material.bytes = static_cast<long long>(handout.size());
    material.uploaded_by = lead_id;
    folders.files->put(storage::key_of(storage::kMaterials, material.stored_name), handout);
    material.id = library::store::insert(sql, material);
    const std::string base = "/programmes/" + std::to_string(programme_id) + "/activities/" +
                             std::to_string(launch_id) + "/materials";
    library::Materials::index_material(sql, material, {programme_title + ": the launch", base, base, 0},
                                       handout);
}

// Work between sessions: most teachers (the demo teacher among them) have written on the first
// practice task, and the January triads are already suggested, three to a group across schools.
void add_work_between_sessions(soci::session& sql, const programmes::Programme& programme,
                               long long teacher_id) {
    const char* const reflections[] = {
        "I heard from six pupils who rarely speak. Two froze at first; giving thinking time first helped.",
        "Cold calling worked best after pairs had talked for a minute. I will keep that order.",
        "Harder than I expected with Year 11: they were wary. By the second week it felt normal.",
        "I noticed I still went back to the same confident pupils when time was short."};
    int count = 0;
    for (const Activity& activity :
         programmes::activity_store::activities_of(sql, programme.trust_id, programme.id)) {
        if (activity.kind == ActivityKind::Practice && count == 0) {
            for (const people::Person& person : programmes::people_expected(sql, programme, activity))
                if (person.id == teacher_id || count % 3 != 2)
                    programmes::reflection_store::save_reflection(sql, programme.trust_id, activity.id,
                                                                  person.id, reflections[count++ % 4]);
                else
                    ++count;
        }
        if (activity.kind == ActivityKind::Collaboration) {
            std::vector<groups::Candidate> candidates;
            for (const people::Person& person : programmes::people_expected(sql, programme, activity))
                candidates.push_back({person.id, person.school_id, person.phase});
            for (const groups::NewGroup& group : groups::suggest_groups(candidates, 3))
                groups::store::set_members(
                    sql, programme.trust_id,
                    groups::store::insert_group(sql, programme.trust_id, activity.id, group.name, group.why),
                    group.people);
        }
    }
}

} // namespace

void load_demo_programmes(db::Database& database, const accounts::Actor& lead,
                          const std::vector<std::pair<long long, std::string>>& schools,
                          const std::string& school_lead_email, const std::string& teacher_email,
                          const DemoFolders& folders) {
    db::Transaction transaction(database);
    auto& sql = transaction.session();
    const long long trust_id = lead.trust_id;
    const long long sponsor = lead.person_id;

    auto questioning =
        base(lead, "Questioning that makes every pupil think",
             "Teachers use questioning routines that bring every pupil into the thinking, and keep "
             "using them after the year ends.",
             "More pupils answer and explain in each lesson, seen in work scrutiny and pupil voice.");
    questioning.staff_groups = {StaffGroup::Teacher, StaffGroup::Ect};
    questioning.sponsor_id = sponsor;
    questioning.priority_ids = {
        trust_priority(sql, trust_id, "Adaptive teaching so that every pupil takes part")};
    const long long questioning_id = programmes::store::insert_programme(sql, questioning);
    add_activities(sql, trust_id, questioning_id, std::begin(kQuestioning), std::end(kQuestioning));
    const auto teacher = people::store::find_credentials(sql, teacher_email);
    const long long launch_id = mark_first_session(sql, trust_id, questioning_id, lead.person_id,
                                                   people_of(sql, trust_id, StaffGroup::Teacher, 0, 1000),
                                                   teacher ? teacher->person_id : 0);
    add_launch_recording(sql, trust_id, launch_id, lead.person_id, teacher ? teacher->person_id : 0, folders);
    add_launch_feedback(sql, trust_id, launch_id);
    add_launch_handout(sql, trust_id, questioning_id, questioning.title, launch_id, lead.person_id, folders);
    questioning.id = questioning_id;
    add_work_between_sessions(sql, questioning, teacher ? teacher->person_id : 0);

    auto support =
        base(lead, "Every role matters: learning support across the trust",
             "Teaching assistants and other support staff build the skills their own roles call for, "
             "with time to learn from each other.",
             "Pupils who get extra adult support do more of the thinking themselves.");
    support.staff_groups = {StaffGroup::Support};
    support.priority_ids = {trust_priority(sql, trust_id, "Every role matters: support staff at their best")};
    const long long support_id = programmes::store::insert_programme(sql, support);
    add_activities(sql, trust_id, support_id, std::begin(kSupport), std::end(kSupport));
    // Its first session in October is past too, its register kept.
    mark_first_session(sql, trust_id, support_id, lead.person_id,
                       people_of(sql, trust_id, StaffGroup::Support, 0, 1000), 0);

    auto ects =
        base(lead, "Early-career teachers: the first two years",
             "Fortnightly support alongside the early-career framework: a mentor, a peer group and time "
             "to practise.",
             "");
    ects.audience = programmes::Audience::Cohort;
    ects.staff_groups = {StaffGroup::Ect};
    ects.sponsor_id = sponsor;
    const long long ects_id = programmes::store::insert_programme(sql, ects);
    for (long long id : people_of(sql, trust_id, StaffGroup::Ect, 0, 1000))
        programmes::store::add_member(sql, trust_id, ects_id, id, "member");
    const DemoActivity ect_session[] = {{ActivityKind::Live, "Welcome and first half-term",
                                         "Meet your peer group and plan your first weeks.", "2026-09-09",
                                         "16:00", "17:00", "", "goals,social-support", Delivery::InPerson,
                                         "Oakfield Academy", "Room 12", "The trust's induction tutor"}};
    add_activities(sql, trust_id, ects_id, std::begin(ect_session), std::end(ect_session));

    // A school's own programme, open to sign up, full with a wait-list.
    const long long school_id = schools.size() > 2 ? schools[2].first : 0;
    auto school_lead = people::store::find_credentials(sql, school_lead_email);
    if (school_id && school_lead) {
        auto reading = base(lead, "Phonics for every adult in the room",
                            "Every adult who hears pupils read uses the same sounds and the same prompts.",
                            "Pupils in Reception and Year 1 hear one consistent way of blending.");
        reading.school_id = school_id;
        reading.audience = programmes::Audience::Open;
        reading.capacity = 8;
        reading.created_by = school_lead->person_id;
        reading.sponsor_id = school_lead->person_id;
        reading.starts_on = "2026-11-02";
        reading.ends_on = "2027-03-26";
        const long long reading_id = programmes::store::insert_programme(sql, reading);
        int joined = 0;
        for (long long id : people_of(sql, trust_id, StaffGroup::Support, school_id, 11))
            programmes::store::add_member(sql, trust_id, reading_id, id,
                                          ++joined <= 8 ? "member" : "waiting");
        const DemoActivity reading_sessions[] = {{ActivityKind::Live, "The sounds, said the same way",
                                                  "Practise each sound with the reading lead.", "2026-11-10",
                                                  "15:30", "16:30", "", "instruct,model,rehearse",
                                                  Delivery::InPerson, "Meadowbank Primary School",
                                                  "Reception classroom", "The school's reading lead"},
                                                 {ActivityKind::Practice, "Listen, then prompt",
                                                  "Use the two prompts with three readers this week.",
                                                  "2026-11-11", "", "", "2026-11-27", "rehearse,prompts"}};
        add_activities(sql, trust_id, reading_id, std::begin(reading_sessions), std::end(reading_sessions));
    }
    transaction.commit();
}

} // namespace trellis::demo

// Training days on the day and after, over HTTP: timetables and their calendar files, registers and
// who may keep them, room sheets, the feedback survey and its results, and home-page notices.
// Sessions and placements are seeded straight into the database, as the allocation pages would leave them.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "../support/ics_lines.h"
#include "../support/mail_parts.h"
#include "events/service.h"
#include "harness.h"

using namespace trellis::testing;
namespace events = trellis::events;

namespace {

const std::string kDate = "2027-02-15";
const std::string kQuestioning = "Questioning, that makes everyone think; really";
const std::string kPhonics = "Phonics for support staff";

struct Person {
    long long id = 0;
    long long school_id = 0;
    std::string name;
};

Person person_with_email(trellis::db::Database& database, const std::string& email) {
    auto session = database.lease();
    Person person;
    std::string first, last;
    soci::indicator school_indicator = soci::i_ok;
    *session << "SELECT id, school_id, first_name, last_name FROM people WHERE email = :email",
        soci::use(email), soci::into(person.id), soci::into(person.school_id, school_indicator),
        soci::into(first), soci::into(last);
    if (school_indicator == soci::i_null)
        person.school_id = 0;
    person.name = first + " " + last;
    return person;
}

// Unfolds an iCalendar file and returns the properties of each VEVENT (name with parameters -> value).
std::vector<std::map<std::string, std::string>> vevents_of(const std::string& text) {
    const std::vector<std::string> lines = unfolded_ics_lines(text);
    std::vector<std::map<std::string, std::string>> found;
    bool inside = false;
    for (const std::string& line : lines) {
        if (line == "BEGIN:VEVENT") {
            inside = true;
            found.emplace_back();
        } else if (line == "END:VEVENT") {
            inside = false;
        } else if (inside) {
            const auto colon = line.find(':');
            found.back()[line.substr(0, colon)] = line.substr(colon + 1);
        }
    }
    return found;
}

// How many times `part` appears in `text`.
int count_occurrences(const std::string& text, const std::string& part) {
    int count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++count;
    return count;
}

} // namespace

class EventsDay : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        ASSERT_EQ(add_northfield_trust(database), 0);
        auto& db = database.open();
        grace = person_with_email(db, kDemoTeacher);
        dan = person_with_email(db, "support@oakfield.example");
        school_lead = person_with_email(db, kDemoSchoolLead);
        lead = person_with_email(db, kDemoTrustLead);
        {
            auto session = db.lease();
            *session << "SELECT trust_id FROM people WHERE id = :id", soci::use(lead.id),
                soci::into(trust_id);
        }
        create_event(db);
        seed_day(db);
        server = std::make_unique<TestServer>(database);
    }

    void create_event(trellis::db::Database& db) {
        trellis::accounts::Actor actor;
        actor.person_id = lead.id;
        actor.trust_id = trust_id;
        actor.role = trellis::people::Role::TrustPdLead;
        events::EventForm form;
        form.title = "Spring training day";
        form.event_date = kDate;
        form.venue = "Oakfield Academy";
        {
            auto session = db.lease();
            soci::rowset<long long> schools =
                (session->prepare << "SELECT id FROM schools WHERE trust_id = :trust", soci::use(trust_id));
            for (long long id : schools)
                form.school_ids.push_back(std::to_string(id));
        }
        form.slots = "09:30-10:30\n11:00-12:15\n";
        form.rooms = "Library, 30\nHall, 2\n";
        form.priorities = "Reading across the curriculum\n";
        events::EventService service(db);
        event_id = service.create(actor, form);
        const auto layout = service.layout(trust_id, event_id);
        slots = {layout->slots[0].id, layout->slots[1].id};
        for (const auto& room : layout->rooms)
            (room.name == "Library" ? library : hall) = room.id;
        service.set_stage(trust_id, event_id, events::Stage::Published);
    }

    long long insert_returning(soci::session& sql, const std::string& query, std::vector<long long> values,
                               const std::string& text = "") {
        long long id = 0;
        soci::statement statement(sql);
        for (long long& value : values)
            statement.exchange(soci::use(value));
        std::string bound = text;
        if (!text.empty())
            statement.exchange(soci::use(bound));
        statement.exchange(soci::into(id));
        statement.alloc();
        statement.prepare(query);
        statement.define_and_bind();
        statement.execute(true);
        return id;
    }

    long long offer(soci::session& sql, long long presenter, const std::string& title) {
        return insert_returning(
            sql,
            "INSERT INTO workshop_offers (event_id, trust_id, presenter_id, max_group, status, "
            "created_at, updated_at, summary, title) VALUES (:e, :t, :p, 30, 'approved', 0, 0, "
            "'A practical hour with ideas to take away.', :title) RETURNING id",
            {event_id, trust_id, presenter}, title);
    }

    long long session_of(soci::session& sql, long long offer_id, long long slot, long long room) {
        return insert_returning(
            sql,
            "INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id) "
            "VALUES (:e, :t, :o, :s, :r) RETURNING id",
            {event_id, trust_id, offer_id, slot, room});
    }

    void place(soci::session& sql, long long person, long long slot, long long session) {
        sql << "INSERT INTO placements (event_id, trust_id, person_id, slot_id, session_id) "
               "VALUES (:e, :t, :p, :s, :x)",
            soci::use(event_id), soci::use(trust_id), soci::use(person), soci::use(slot), soci::use(session);
    }

    // Grace runs Questioning in the Library first; the school lead runs Phonics in the Hall first and
    // in the Library second. Dan goes to both; the trust lead to Phonics first; Grace to Phonics second.
    void seed_day(trellis::db::Database& db) {
        auto session = db.lease();
        questioning = offer(*session, grace.id, kQuestioning);
        phonics = offer(*session, school_lead.id, kPhonics);
        questioning_first = session_of(*session, questioning, slots[0], library);
        phonics_first = session_of(*session, phonics, slots[0], hall);
        phonics_second = session_of(*session, phonics, slots[1], library);
        place(*session, dan.id, slots[0], questioning_first);
        place(*session, dan.id, slots[1], phonics_second);
        place(*session, lead.id, slots[0], phonics_first);
        place(*session, grace.id, slots[1], phonics_second);
    }

    std::string event_path() const { return "/events/" + std::to_string(event_id); }
    std::string register_path(long long session) const {
        return event_path() + "/sessions/" + std::to_string(session) + "/register";
    }

    Browser signed_in(const std::string& email, const std::string& password = kDemoPassword) {
        Browser browser(*server);
        EXPECT_EQ(browser.sign_in(email, password)->status, 303) << email;
        return browser;
    }

    // Takes a register over HTTP as the given browser, ticking these people.
    void take_register(Browser& browser, long long session, const std::vector<long long>& present) {
        ASSERT_EQ(browser.get(register_path(session))->status, 200);
        httplib::Params form;
        for (long long id : present)
            form.emplace("present", std::to_string(id));
        auto saved = browser.post(register_path(session), form);
        ASSERT_EQ(saved->status, 303) << saved->body;
    }

    void open_feedback() {
        events::EventService(database.open()).set_stage(trust_id, event_id, events::Stage::Feedback);
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
    Person grace, dan, school_lead, lead;
    long long trust_id = 0, event_id = 0, library = 0, hall = 0;
    std::vector<long long> slots;
    long long questioning = 0, phonics = 0, questioning_first = 0, phonics_first = 0, phonics_second = 0;
};

TEST_F(EventsDay, timetable_lists_each_slot_and_its_calendar_file_reads_back) {
    Browser browser = signed_in("support@oakfield.example");
    auto page = browser.get(event_path() + "/timetable");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "09:30–10:30"));
    EXPECT_TRUE(contains(page->body, "Questioning, that makes everyone think; really"));
    EXPECT_TRUE(contains(page->body, kPhonics));
    EXPECT_TRUE(contains(page->body, grace.name));
    EXPECT_TRUE(contains(page->body, school_lead.name));
    EXPECT_TRUE(contains(page->body, "Library"));

    auto calendar = browser.get(event_path() + "/timetable.ics");
    ASSERT_EQ(calendar->status, 200);
    EXPECT_TRUE(contains(calendar->get_header_value("Content-Type"), "text/calendar"));
    EXPECT_TRUE(contains(calendar->get_header_value("Content-Disposition"), "attachment"));
    const auto entries = vevents_of(calendar->body);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].at("DTSTART;TZID=Europe/London"), "20270215T093000");
    EXPECT_EQ(entries[0].at("DTEND;TZID=Europe/London"), "20270215T103000");
    EXPECT_EQ(entries[0].at("SUMMARY"), "Questioning\\, that makes everyone think\\; really");
    EXPECT_EQ(entries[0].at("LOCATION"), "Library\\, Oakfield Academy");
    EXPECT_EQ(entries[1].at("DTSTART;TZID=Europe/London"), "20270215T110000");
    EXPECT_EQ(entries[1].at("SUMMARY"), kPhonics);
    EXPECT_EQ(entries[1].at("LOCATION"), "Library\\, Oakfield Academy");
    EXPECT_NE(entries[0].at("UID"), entries[1].at("UID"));
    EXPECT_TRUE(entries[0].count("DTSTAMP"));
}

TEST_F(EventsDay, presenters_see_the_sessions_they_run_in_their_timetable) {
    Browser browser = signed_in(kDemoTeacher);
    auto page = browser.get(event_path() + "/timetable");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "You are running this"));
    EXPECT_TRUE(contains(page->body, in_html(register_path(questioning_first))));
    const auto entries = vevents_of(browser.get(event_path() + "/timetable.ics")->body);
    ASSERT_EQ(entries.size(), 2u); // runs one, attends one
    EXPECT_TRUE(contains(entries[0].at("DESCRIPTION"), "You are running this workshop"));

    auto registers = browser.get(event_path() + "/registers");
    ASSERT_EQ(registers->status, 200);
    EXPECT_TRUE(contains(registers->body, in_html(register_path(questioning_first))));
    EXPECT_FALSE(contains(registers->body, in_html(register_path(phonics_second))));
    Browser trust_lead = signed_in(kDemoTrustLead);
    registers = trust_lead.get(event_path() + "/registers");
    for (long long session : {questioning_first, phonics_first, phonics_second})
        EXPECT_TRUE(contains(registers->body, in_html(register_path(session)))) << session;
}

TEST_F(EventsDay, timetables_wait_for_publication) {
    events::EventService(database.open()).set_stage(trust_id, event_id, events::Stage::Allocating);
    Browser browser = signed_in("support@oakfield.example");
    EXPECT_EQ(browser.get(event_path() + "/timetable")->status, 404);
    EXPECT_EQ(browser.get(event_path() + "/timetable.ics")->status, 404);
}

TEST_F(EventsDay, only_the_presenter_and_the_lead_keep_a_register) {
    Browser presenter = signed_in(kDemoTeacher);
    auto page = presenter.get(register_path(questioning_first));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, dan.name));

    Browser other_presenter = signed_in(kDemoSchoolLead);
    EXPECT_EQ(other_presenter.get(register_path(questioning_first))->status, 403);
    EXPECT_EQ(
        other_presenter.post(register_path(questioning_first), {{"present", std::to_string(dan.id)}})->status,
        403);
    EXPECT_EQ(other_presenter.get(register_path(questioning_first) + ".pdf")->status, 403);
    Browser attendee = signed_in("support@oakfield.example");
    EXPECT_EQ(attendee.get(register_path(questioning_first))->status, 403);

    Browser trust_lead = signed_in(kDemoTrustLead);
    EXPECT_EQ(trust_lead.get(register_path(questioning_first))->status, 200);

    Browser stranger = signed_in(kNorthfieldAdmin, kNorthfieldPassword);
    for (const std::string& path :
         {register_path(questioning_first), register_path(questioning_first) + ".pdf",
          event_path() + "/timetable", event_path() + "/timetable.ics", event_path() + "/room-sheets",
          event_path() + "/room-sheets.pdf"}) {
        auto answer = stranger.get(path);
        EXPECT_EQ(answer->status, 404) << path;
        EXPECT_FALSE(contains(answer->body, dan.name)) << path;
    }
    stranger.get("/");
    EXPECT_EQ(stranger.post(register_path(questioning_first), {{"present", std::to_string(dan.id)}})->status,
              404);
    EXPECT_EQ(count_of(database.open(), "SELECT COUNT(*) FROM attendance_marks"), 0);
}

TEST_F(EventsDay, taking_a_register_saves_present_and_absent_in_one_go) {
    Browser presenter = signed_in(kDemoSchoolLead);
    // Dan and Grace are placed in the second Phonics session; the trust lead is not, so is ignored.
    take_register(presenter, phonics_second, {dan.id, lead.id});
    auto& db = database.open();
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM attendance_marks WHERE session_id = " +
                               std::to_string(phonics_second)),
              2);
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM attendance_marks WHERE status = 'present' AND person_id = " +
                               std::to_string(dan.id)),
              1);
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM attendance_marks WHERE status = 'absent' AND person_id = " +
                               std::to_string(grace.id)),
              1);
    EXPECT_EQ(
        count_of(db, "SELECT COUNT(*) FROM attendance_marks WHERE person_id = " + std::to_string(lead.id)),
        0);
    auto page = presenter.get(register_path(phonics_second) + "?saved=1");
    EXPECT_TRUE(contains(page->body, "1 of 2 present"));

    // Taken again: Grace arrived late.
    take_register(presenter, phonics_second, {dan.id, grace.id});
    EXPECT_EQ(
        count_of(db, "SELECT COUNT(*) FROM attendance_marks WHERE status = 'present' AND session_id = " +
                         std::to_string(phonics_second)),
        2);
}

TEST_F(EventsDay, the_record_counts_workshops_attended_and_presented_once_the_places_are_out) {
    // The record holds what has happened: the day is in February.
    server = std::make_unique<TestServer>(
        database, std::map<std::string, std::string>{{"TRELLIS_TODAY", "2027-03-01"}});
    Browser presenter = signed_in(kDemoSchoolLead);
    take_register(presenter, phonics_second, {dan.id}); // Grace was placed there but did not come
    const std::string february = "/record.csv?from=2027-02-01&to=2027-02-28";
    auto lines_of = [&](Browser& browser, const std::string& kind) {
        const std::string csv = browser.get(february)->body;
        std::vector<std::string> found;
        for (std::size_t at = csv.find(kind); at != std::string::npos; at = csv.find(kind, at + 1))
            found.push_back(csv.substr(at, csv.find('\n', at) - at));
        return found;
    };
    Browser support = signed_in("support@oakfield.example");
    auto attended = lines_of(support, "Training-day workshop attended");
    ASSERT_EQ(attended.size(), 1u);
    EXPECT_TRUE(contains(attended[0], kPhonics)) << attended[0];
    // Dan was placed in Questioning too, whose register nobody has taken: placed is not there.
    EXPECT_FALSE(contains(attended[0], "Questioning"));

    Browser teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(lines_of(teacher, "Training-day workshop attended").empty());
    auto presented = lines_of(teacher, "Training-day workshop presented");
    ASSERT_EQ(presented.size(), 1u);
    EXPECT_TRUE(contains(presented[0], "Questioning")) << presented[0];
    // The school lead ran Phonics twice: two sessions presented.
    EXPECT_EQ(lines_of(presenter, "Training-day workshop presented").size(), 2u);
    auto page = support.get("/record?from=2027-02-01&to=2027-02-28");
    EXPECT_TRUE(contains(page->body, "Training-day workshop attended</th><td>1</td>")) << page->body;

    // Before the places are published, nobody has presented anything yet.
    events::EventService(database.open()).set_stage(trust_id, event_id, events::Stage::Allocating);
    EXPECT_TRUE(lines_of(teacher, "Training-day workshop presented").empty());
}

TEST_F(EventsDay, the_printable_register_names_everyone_placed) {
    Browser presenter = signed_in(kDemoSchoolLead);
    auto download = presenter.get(register_path(phonics_second) + ".pdf");
    ASSERT_EQ(download->status, 200);
    EXPECT_EQ(download->get_header_value("Content-Type"), "application/pdf");
    const std::string text = pdf_text(download->body);
    EXPECT_TRUE(contains(text, "Register")) << text;
    EXPECT_TRUE(contains(text, dan.name)) << text;
    EXPECT_TRUE(contains(text, grace.name)) << text;
    EXPECT_TRUE(contains(text, "Signature")) << text;
}

TEST_F(EventsDay, room_sheets_count_who_is_placed_in_each_room) {
    Browser trust_lead = signed_in(kDemoTrustLead);
    auto page = trust_lead.get(event_path() + "/room-sheets");
    ASSERT_EQ(page->status, 200);
    // The Library: Questioning with one placed, then Phonics with two; the Hall: Phonics with one, then free.
    const auto library_at = page->body.find("<h2 id=\"room-" + std::to_string(library) + "\">Library</h2>");
    const auto hall_at = page->body.find("<h2 id=\"room-" + std::to_string(hall) + "\">Hall</h2>");
    ASSERT_NE(library_at, std::string::npos);
    ASSERT_NE(hall_at, std::string::npos);
    const std::string hall_part = page->body.substr(hall_at, library_at - hall_at);
    const std::string library_part = page->body.substr(library_at);
    EXPECT_TRUE(contains(hall_part, "<td>1</td><td>2</td>")) << hall_part;
    EXPECT_TRUE(contains(hall_part, "Free"));
    EXPECT_TRUE(contains(library_part, "<td>1</td><td>30</td>")) << library_part;
    EXPECT_TRUE(contains(library_part, "<td>2</td><td>30</td>")) << library_part;

    const std::string text = pdf_text(trust_lead.get(event_path() + "/room-sheets.pdf")->body);
    EXPECT_TRUE(contains(text, "2 placed of 30 seats")) << text;
    EXPECT_TRUE(contains(text, "1 placed of 2 seats")) << text;

    Browser teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher.get(event_path() + "/room-sheets")->status, 403);
}

TEST_F(EventsDay, feedback_comes_only_from_attendees_once_per_workshop) {
    Browser grace_browser = signed_in(kDemoTeacher);
    take_register(grace_browser, questioning_first, {dan.id});
    Browser phonics_presenter = signed_in(kDemoSchoolLead);
    take_register(phonics_presenter, phonics_second, {dan.id});
    take_register(phonics_presenter, phonics_first, {lead.id});

    Browser dan_browser = signed_in("support@oakfield.example");
    EXPECT_EQ(dan_browser.get(event_path() + "/feedback")->status, 404); // not open yet
    open_feedback();
    auto survey = dan_browser.get(event_path() + "/feedback");
    ASSERT_EQ(survey->status, 200);
    EXPECT_TRUE(contains(survey->body, "Questioning, that makes everyone think; really"));
    EXPECT_TRUE(contains(survey->body, kPhonics));
    const std::string q = std::to_string(questioning), p = std::to_string(phonics);
    auto saved = dan_browser.post(event_path() + "/feedback", {{"rating_" + q, "5"},
                                                               {"comment_" + q, "Used it the next day."},
                                                               {"rating_" + p, "2"},
                                                               {"rating_0", "4"}});
    ASSERT_EQ(saved->status, 303) << saved->body;
    // Changed their mind: still one response per workshop.
    dan_browser.get(event_path() + "/feedback");
    ASSERT_EQ(
        dan_browser
            .post(event_path() + "/feedback",
                  {{"rating_" + q, "4"}, {"comment_" + q, "Used it the next day."}, {"rating_" + p, "3"}})
            ->status,
        303);
    auto& db = database.open();
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM feedback WHERE person_id = " + std::to_string(dan.id)), 3);
    EXPECT_EQ(count_of(db, "SELECT rating FROM feedback WHERE item_id = " + q), 4);
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM feedback WHERE comment = 'Used it the next day.'"), 1);

    // A rating out of range or a comment without a rating saves nothing.
    EXPECT_EQ(dan_browser.post(event_path() + "/feedback", {{"rating_" + q, "9"}})->status, 400);
    dan_browser.get(event_path() + "/feedback");
    EXPECT_EQ(dan_browser.post(event_path() + "/feedback", {{"comment_" + p, "No rating"}})->status, 400);
    EXPECT_EQ(count_of(db, "SELECT rating FROM feedback WHERE item_id = " + q), 4);

    // Grace was marked present nowhere: no survey, and a post saves nothing.
    auto none = grace_browser.get(event_path() + "/feedback");
    EXPECT_TRUE(contains(none->body, "The survey is for people who were marked present"));
    EXPECT_EQ(
        grace_browser.post(event_path() + "/feedback", {{"rating_0", "5"}, {"rating_" + q, "5"}})->status,
        400);
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM feedback WHERE person_id = " + std::to_string(grace.id)), 0);
}

TEST_F(EventsDay, results_show_presenters_their_own_workshops_and_the_lead_everything) {
    Browser grace_browser = signed_in(kDemoTeacher);
    take_register(grace_browser, questioning_first, {dan.id});
    Browser phonics_presenter = signed_in(kDemoSchoolLead);
    take_register(phonics_presenter, phonics_second, {dan.id, grace.id});
    take_register(phonics_presenter, phonics_first, {lead.id});
    open_feedback();
    const std::string q = std::to_string(questioning), p = std::to_string(phonics);
    Browser dan_browser = signed_in("support@oakfield.example");
    dan_browser.get(event_path() + "/feedback");
    dan_browser.post(event_path() + "/feedback", {{"rating_" + q, "5"},
                                                  {"comment_" + q, "Clear & useful"},
                                                  {"rating_" + p, "2"},
                                                  {"comment_" + p, "Too fast for me"},
                                                  {"rating_0", "4"}});
    grace_browser.get(event_path() + "/feedback");
    grace_browser.post(event_path() + "/feedback", {{"rating_" + p, "4"}, {"rating_0", "3"}});
    Browser trust_lead = signed_in(kDemoTrustLead);
    trust_lead.get(event_path() + "/feedback");
    trust_lead.post(event_path() + "/feedback", {{"rating_" + p, "5"}});

    auto own = grace_browser.get(event_path() + "/results");
    ASSERT_EQ(own->status, 200);
    EXPECT_TRUE(contains(own->body, "Questioning, that makes everyone think; really"));
    EXPECT_TRUE(contains(own->body, "Clear &amp; useful"));
    EXPECT_FALSE(contains(own->body, kPhonics));
    EXPECT_FALSE(contains(own->body, "Too fast for me"));
    EXPECT_TRUE(contains(own->body, "<svg"));

    auto other = phonics_presenter.get(event_path() + "/results");
    ASSERT_EQ(other->status, 200);
    EXPECT_TRUE(contains(other->body, "Too fast for me"));
    EXPECT_FALSE(contains(other->body, "Clear &amp; useful"));
    EXPECT_TRUE(contains(other->body, "<td>3</td><td>3.7</td>")) << other->body; // 2, 4, 5

    EXPECT_EQ(dan_browser.get(event_path() + "/results")->status, 403);
    Browser stranger = signed_in(kNorthfieldAdmin, kNorthfieldPassword);
    EXPECT_EQ(stranger.get(event_path() + "/results")->status, 404);

    auto all = trust_lead.get(event_path() + "/results");
    ASSERT_EQ(all->status, 200);
    const std::string& body = all->body;
    EXPECT_TRUE(contains(body, "Clear &amp; useful"));
    EXPECT_TRUE(contains(body, "Too fast for me"));
    for (const char* chart : {"chart-day", "chart-workshops", "chart-schools", "chart-groups"})
        EXPECT_TRUE(contains(body, std::string("<svg role=\"img\" aria-labelledby=\"") + chart)) << chart;
    // The day: 4 and 3 → 3.5 from two responses.
    EXPECT_TRUE(contains(body, "<th scope=\"row\">The day as a whole</th><td>2</td><td>3.5</td>")) << body;
    // Staff groups and schools: every one holds fewer than five answers, so none is shown.
    EXPECT_TRUE(contains(body, "<th scope=\"row\">Support staff</th><td>fewer than 5 answers</td><td>–</td>"))
        << body;
    EXPECT_FALSE(contains(body, "<td>4.0</td>")) << "Grace's rating, alone for her school and group";
    auto school_name = [&](const Person& person) {
        auto session = database.open().lease();
        std::string name;
        *session << "SELECT name FROM schools WHERE id = :id", soci::use(person.school_id), soci::into(name);
        return name;
    };
    if (school_name(dan) != school_name(grace)) {
        EXPECT_TRUE(
            contains(body, "<th scope=\"row\">" + school_name(dan) + "</th><td>fewer than 5 answers</td>"))
            << body;
        EXPECT_TRUE(
            contains(body, "<th scope=\"row\">" + school_name(grace) + "</th><td>fewer than 5 answers</td>"))
            << body;
    }
}

TEST_F(EventsDay, a_workshop_nobody_rated_says_no_answers_yet_and_draws_no_bar) {
    Browser grace_browser = signed_in(kDemoTeacher);
    take_register(grace_browser, questioning_first, {dan.id});
    open_feedback();
    Browser dan_browser = signed_in("support@oakfield.example");
    dan_browser.get(event_path() + "/feedback");
    ASSERT_EQ(dan_browser.post(event_path() + "/feedback", {{"rating_" + std::to_string(questioning), "4"}})
                  ->status,
              303);

    auto all = signed_in(kDemoTrustLead).get(event_path() + "/results");
    ASSERT_EQ(all->status, 200);
    const std::string& body = all->body;
    const auto chart_start = body.find("aria-labelledby=\"chart-workshops");
    ASSERT_NE(chart_start, std::string::npos) << body;
    const std::string chart = body.substr(chart_start, body.find("</svg>", chart_start) - chart_start);
    // Questioning has its bar and mean; Phonics, which nobody rated, has words and no bar.
    EXPECT_EQ(count_occurrences(chart, "<rect"), 1) << chart;
    EXPECT_TRUE(contains(chart, ">4.0</text>")) << chart;
    EXPECT_TRUE(contains(chart, ">no answers yet</text>")) << chart;
    EXPECT_FALSE(contains(chart, ">0.0<")) << chart;

    // The presenter of Phonics sees words, not a chart of five empty rows.
    auto own = signed_in(kDemoSchoolLead).get(event_path() + "/results");
    ASSERT_EQ(own->status, 200);
    EXPECT_TRUE(contains(own->body, "No answers yet, so there is nothing to chart.")) << own->body;
    EXPECT_FALSE(contains(own->body, "<svg")) << own->body;
}

TEST_F(EventsDay, notices_invite_people_and_can_be_dismissed) {
    Browser dan_browser = signed_in("support@oakfield.example");
    auto home = dan_browser.get("/");
    ASSERT_EQ(home->status, 200);
    EXPECT_TRUE(contains(home->body, "Your timetable for Spring training day is ready"));
    EXPECT_TRUE(contains(home->body, in_html(event_path() + "/timetable")));
    EXPECT_FALSE(contains(home->body, "How was Spring training day?"));

    Browser grace_browser = signed_in(kDemoTeacher);
    take_register(grace_browser, questioning_first, {dan.id});
    open_feedback();
    // Several pages open at once add the invitation once.
    std::vector<Browser> tabs;
    for (int tab = 0; tab < 4; ++tab)
        tabs.push_back(signed_in("support@oakfield.example"));
    std::vector<std::thread> views;
    for (Browser& tab : tabs)
        views.emplace_back([&tab] { tab.get("/"); });
    for (std::thread& view : views)
        view.join();
    EXPECT_EQ(count_of(database.open(), "SELECT COUNT(*) FROM notices WHERE link = '" + event_path() +
                                            "/feedback' AND person_id = " + std::to_string(dan.id)),
              1);
    home = dan_browser.get("/");
    EXPECT_TRUE(contains(home->body, "How was Spring training day?"));
    EXPECT_TRUE(contains(home->body, in_html(event_path() + "/feedback")));
    // Grace attended nothing, so she is not invited.
    const std::string grace_home = grace_browser.get("/")->body;
    EXPECT_FALSE(contains(grace_home, "How was Spring training day?"));
    // She ran a workshop, so she is told its feedback is coming in.
    EXPECT_TRUE(contains(grace_home, "Feedback on the workshop you ran at Spring training day"));
    EXPECT_TRUE(contains(grace_home, in_html(event_path() + "/results")));

    auto& db = database.open();
    const long long notice_id = count_of(db, "SELECT id FROM notices WHERE link = '" + event_path() +
                                                 "/timetable' AND person_id = " + std::to_string(dan.id));
    ASSERT_GT(notice_id, 0);
    // Nobody else can dismiss it.
    EXPECT_EQ(grace_browser.post("/notices/" + std::to_string(notice_id) + "/dismiss", {})->status, 404);
    auto dismissed = dan_browser.post("/notices/" + std::to_string(notice_id) + "/dismiss", {});
    EXPECT_EQ(dismissed->status, 303);
    home = dan_browser.get("/");
    EXPECT_FALSE(contains(home->body, "Your timetable for Spring training day is ready"));
    EXPECT_TRUE(contains(home->body, "How was Spring training day?"));
    // Dismissed stays dismissed: the notice is not made again.
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM notices WHERE person_id = " + std::to_string(dan.id)), 2);
}

// Published places go by email as calendar invitations Outlook and Google accept: METHOD:REQUEST in
// the calendar and on its MIME part, organiser and attendee, a stable UID per slot; a room change
// sends SEQUENCE 1, a place taken away a CANCEL; each version once, however often the sweep runs.
TEST_F(EventsDay, places_go_as_calendar_invitations_updated_and_cancelled_once_each) {
    auto& db = database.open();
    // Only Dan gets email here, and only about training days: the rest of the demo stays quiet.
    for (const std::string kind :
         {"training_days", "programmes", "surveys", "peer_learning", "groups", "help", "other"})
        *db.lease() << "INSERT INTO mail_opt_outs (trust_id, person_id, kind) SELECT trust_id, id, '" + kind +
                           "' FROM people WHERE id <> " + std::to_string(dan.id) +
                           (kind == "training_days" ? "" : " OR id = " + std::to_string(dan.id));
    *db.lease() << "DELETE FROM mail_outbox";
    SmtpRelay relay;
    auto environment = relay.environment();
    environment["TRELLIS_SWEEP_INTERVAL_MS"] = "300";
    environment["TRELLIS_TODAY"] = "2027-02-01";
    server = std::make_unique<TestServer>(database, environment);

    // The invitations received, once `count` have come or `seconds` have passed.
    const auto invitations = [&](std::size_t count, int seconds = 60) {
        std::vector<std::string> found;
        for (int tries = 0; tries < seconds * 10 && found.size() < count; ++tries) {
            found.clear();
            for (const std::string& message : relay.messages())
                if (contains(message, "text/calendar"))
                    found.push_back(message);
            if (found.size() < count)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return found;
    };
    auto arrived = invitations(2);
    ASSERT_EQ(arrived.size(), 2u);
    const std::string uid_of_slot_0 = "event-" + std::to_string(event_id) + "-slot-" +
                                      std::to_string(slots[0]) + "-person-" + std::to_string(dan.id) +
                                      "@trellis";
    const std::string uid_of_slot_1 = "event-" + std::to_string(event_id) + "-slot-" +
                                      std::to_string(slots[1]) + "-person-" + std::to_string(dan.id) +
                                      "@trellis";
    std::set<std::string> uids;
    for (const std::string& message : arrived) {
        EXPECT_TRUE(contains(message, "support@oakfield.example"));
        const MailPart calendar = mail_part(message, "text/calendar");
        EXPECT_EQ(calendar.content_type, "text/calendar; charset=utf-8; method=REQUEST");
        const auto event = vevents_of(calendar.body).at(0);
        EXPECT_TRUE(contains(calendar.body, "METHOD:REQUEST\r\n"));
        EXPECT_TRUE(contains(calendar.body, "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
        EXPECT_EQ(event.at("SEQUENCE"), "0");
        EXPECT_EQ(event.count("DTSTAMP"), 1u);
        EXPECT_EQ(event.at("ORGANIZER;CN=\"Oakfield Learning Trust\""), "mailto:trellis@oakfield.example");
        EXPECT_TRUE(contains(unfolded_ics_lines(calendar.body).back(), "END:VCALENDAR"));
        bool attendee = false;
        for (const auto& [name, value] : event)
            attendee |= name.rfind("ATTENDEE;CN=\"" + dan.name + "\"", 0) == 0 &&
                        value == "mailto:support@oakfield.example";
        EXPECT_TRUE(attendee) << calendar.body;
        uids.insert(event.at("UID"));
        EXPECT_TRUE(contains(mail_part(message, "text/plain").body, "Spring training day") ||
                    contains(mail_part(message, "text/plain").body, "Library"));
    }
    EXPECT_EQ(uids, (std::set<std::string>{uid_of_slot_0, uid_of_slot_1}));
    // The timetable notice went by email too, without Dan opening his home page.
    bool told = false;
    for (const std::string& message : relay.messages())
        told |= contains(message, "Your timetable for Spring training day is ready");
    EXPECT_TRUE(told);

    // The second workshop moves to the Hall: one update, the next sequence, the new place.
    *db.lease() << "UPDATE workshop_sessions SET room_id = " + std::to_string(hall) +
                       " WHERE id = " + std::to_string(phonics_second);
    arrived = invitations(3);
    ASSERT_EQ(arrived.size(), 3u);
    auto update = vevents_of(mail_part(arrived[2], "text/calendar").body).at(0);
    EXPECT_EQ(update.at("UID"), uid_of_slot_1);
    EXPECT_EQ(update.at("SEQUENCE"), "1");
    EXPECT_EQ(update.at("LOCATION"), "Hall\\, Oakfield Academy");

    // Dan's first place is taken away: a cancellation, on the calendar and its MIME part.
    *db.lease() << "DELETE FROM placements WHERE person_id = " + std::to_string(dan.id) +
                       " AND slot_id = " + std::to_string(slots[0]);
    arrived = invitations(4);
    ASSERT_EQ(arrived.size(), 4u);
    const MailPart cancel = mail_part(arrived[3], "text/calendar");
    EXPECT_EQ(cancel.content_type, "text/calendar; charset=utf-8; method=CANCEL");
    EXPECT_TRUE(contains(cancel.body, "METHOD:CANCEL\r\n"));
    const auto cancelled = vevents_of(cancel.body).at(0);
    EXPECT_EQ(cancelled.at("UID"), uid_of_slot_0);
    EXPECT_EQ(cancelled.at("SEQUENCE"), "1");
    EXPECT_EQ(cancelled.at("STATUS"), "CANCELLED");

    // Several more sweeps send nothing again.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_EQ(invitations(5, 1).size(), 4u);
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM mail_outbox WHERE invitation_key IS NOT NULL"), 4);
    EXPECT_EQ(count_of(db, "SELECT COUNT(*) FROM calendar_invitations WHERE cancelled = 1"), 1);
    // The downloadable timetable keeps its file, with the same UIDs.
    Browser dan_browser = signed_in("support@oakfield.example");
    const auto file = dan_browser.get(event_path() + "/timetable.ics");
    ASSERT_EQ(file->status, 200);
    EXPECT_TRUE(contains(file->body, uid_of_slot_1));
}

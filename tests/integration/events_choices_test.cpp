// Training days from schedule to published timetables over HTTP: the schedule's rules, choosing,
// demand and reminders, an allocation run in the background, moves by hand, publishing, and
// another trust's lead seeing none of it.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <regex>
#include <thread>

#include "events/choices/choice_store.h"
#include "events/schedule/schedule_store.h"
#include "events/service.h"
#include "harness.h"

using namespace trellis::testing;
namespace events = trellis::events;

namespace {

// The sum of the counts in the second column of the table whose caption ends with `caption_end`.
long long column_sum(const std::string& page, const std::string& caption_end) {
    const auto start = page.find(caption_end + "</caption>");
    if (start == std::string::npos)
        return -1;
    const std::string table = page.substr(start, page.find("</table>", start) - start);
    static const std::regex count_cell("</td><td>([0-9]+)</td></tr>");
    long long sum = 0;
    for (std::sregex_iterator match(table.begin(), table.end(), count_cell), end; match != end; ++match)
        sum += std::stoll((*match)[1].str());
    return sum;
}

std::string text_of(long long number) {
    return std::to_string(number);
}

} // namespace

class EventsChoices : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        ASSERT_EQ(add_northfield_trust(database), 0);
        create_event();
        server = std::make_unique<TestServer>(database);
        lead = std::make_unique<Browser>(*server);
        teacher = std::make_unique<Browser>(*server);
        ASSERT_EQ(lead->sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
        ASSERT_EQ(teacher->sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    }

    // An event for the teacher's school with three rooms, two slots and four approved workshops.
    void create_event() {
        auto& db = database.open();
        trellis::accounts::Actor actor;
        long long school_id = 0;
        {
            auto session = db.lease();
            *session << "SELECT id, trust_id FROM people WHERE email = :e", soci::use(kDemoTrustLead),
                soci::into(actor.person_id), soci::into(actor.trust_id);
            *session << "SELECT school_id FROM people WHERE email = :e", soci::use(kDemoTeacher),
                soci::into(school_id);
            *session << "SELECT id FROM people WHERE email = :e", soci::use(kDemoTeacher),
                soci::into(teacher_id);
        }
        trust_id = actor.trust_id;
        events::EventForm form;
        form.title = "Spring training day";
        form.event_date = "2027-03-05";
        form.choices_wanted = "2";
        form.reserves_wanted = "1";
        form.school_ids = {text_of(school_id)};
        form.slots = "09:30-10:30\n11:00-12:00";
        form.rooms = "Library, 30\nHall, 400\nRoom 5, 12";
        form.priorities = "Reading\nBehaviour";
        events::EventService service(db);
        event_id = service.create(actor, form);
        const auto layout = *service.layout(trust_id, event_id);
        slots = {layout.slots[0].id, layout.slots[1].id};
        rooms = {layout.rooms[0].id, layout.rooms[1].id, layout.rooms[2].id};
        {
            auto session = db.lease();
            long long school_lead_id = 0, support_id = 0;
            *session << "SELECT id FROM people WHERE email = :e", soci::use(kDemoSchoolLead),
                soci::into(school_lead_id);
            *session << "SELECT id FROM people WHERE email = 'support@oakfield.example'",
                soci::into(support_id);
            auto offer = [&](const std::string& title, std::vector<trellis::people::StaffGroup> audience,
                             int max_group, bool repeat, long long presenter) {
                events::Workshop workshop;
                workshop.presenter_id = presenter;
                workshop.title = title;
                workshop.summary = "About " + title;
                workshop.outcomes = "One thing\nAnother thing";
                workshop.audience = std::move(audience);
                workshop.priority_id = layout.priorities[0].id;
                workshop.max_group = max_group;
                workshop.can_repeat = repeat;
                return events::store::insert_approved_offer(*session, trust_id, event_id, workshop);
            };
            using trellis::people::StaffGroup;
            questioning = offer("Questioning", {}, 30, true, actor.person_id);
            assemblies = offer("Assemblies for everyone", {}, 400, true, school_lead_id);
            lunchtimes = offer("Calm lunchtimes", {StaffGroup::Support}, 12, false, support_id);
            feedback =
                offer("Feedback that lands", {StaffGroup::Teacher, StaffGroup::Ect}, 12, true, support_id);
        } // the lease goes back to the pool of one before the stage changes
        service.set_stage(trust_id, event_id, events::Stage::Scheduling);
    }

    // Everyone at the teacher's school and the trust's central team.
    long long count_taking_part() {
        return count_of(
            database, "SELECT COUNT(*) FROM people WHERE trust_id = " + text_of(trust_id) +
                          " AND (school_id IS NULL OR school_id = (SELECT school_id FROM people WHERE id = " +
                          text_of(teacher_id) + "))");
    }

    void set_stage(events::Stage stage) {
        events::EventService(database.open()).set_stage(trust_id, event_id, stage);
    }

    std::string path(const std::string& rest) { return "/events/" + text_of(event_id) + rest; }
    std::string cell(int slot, int room) {
        return "cell_" + text_of(slots[static_cast<std::size_t>(slot)]) + "_" +
               text_of(rooms[static_cast<std::size_t>(room)]);
    }

    // A schedule that holds everyone: the big workshop in the hall both times, the rest around it.
    void save_good_schedule() {
        lead->get(path("/schedule"));
        auto saved = lead->post(path("/schedule"), {{cell(0, 0), text_of(questioning)},
                                                    {cell(0, 1), text_of(assemblies)},
                                                    {cell(0, 2), text_of(lunchtimes)},
                                                    {cell(1, 0), text_of(questioning)},
                                                    {cell(1, 1), text_of(assemblies)},
                                                    {cell(1, 2), text_of(feedback)}});
        ASSERT_EQ(saved->status, 303) << saved->body;
    }

    httplib::Result choose(Browser& browser, const std::string& first, const std::string& second,
                           const std::string& reserve = "") {
        browser.get(path("/choices"));
        return browser.post(path("/choices"),
                            {{"choice_1", first}, {"choice_2", second}, {"reserve_1", reserve}});
    }

    // Runs the allocation as the browser does: start, then poll the progress until it ends.
    std::string allocate() {
        lead->get(path("/allocation"));
        auto started = lead->post(path("/allocation"), {});
        EXPECT_EQ(started->status, 303) << started->body;
        const std::string run = started->get_header_value("Location");
        EXPECT_NE(run.find("/allocation/runs/"), std::string::npos);
        for (int attempt = 0; attempt < 600; ++attempt) {
            auto progress = lead->get(run + "/progress");
            if (progress->body.find("\"running\"") == std::string::npos)
                return progress->body;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return "timed out: " + lead->get(run + "/progress")->body;
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> lead, teacher;
    long long trust_id = 0, event_id = 0, teacher_id = 0;
    long long questioning = 0, assemblies = 0, lunchtimes = 0, feedback = 0;
    std::vector<long long> slots, rooms;
};

TEST_F(EventsChoices, schedule_refuses_small_rooms_twice_in_a_slot_and_unoffered_repeats) {
    lead->get(path("/schedule"));
    auto too_small = lead->post(path("/schedule"), {{cell(0, 2), text_of(questioning)}});
    EXPECT_EQ(too_small->status, 400);
    EXPECT_NE(too_small->body.find("choose a larger room"), std::string::npos);
    auto twice = lead->post(path("/schedule"),
                            {{cell(0, 0), text_of(questioning)}, {cell(0, 1), text_of(questioning)}});
    EXPECT_EQ(twice->status, 400);
    EXPECT_NE(twice->body.find("placed twice"), std::string::npos);
    auto repeated =
        lead->post(path("/schedule"), {{cell(0, 2), text_of(lunchtimes)}, {cell(1, 2), text_of(lunchtimes)}});
    EXPECT_EQ(repeated->status, 400);
    EXPECT_NE(repeated->body.find("runs only once"), std::string::npos);
    auto double_booked =
        lead->post(path("/schedule"), {{cell(0, 0), text_of(feedback)}, {cell(0, 2), text_of(lunchtimes)}});
    EXPECT_EQ(double_booked->status, 400);
    EXPECT_NE(double_booked->body.find("a presenter can run one workshop at a time"), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_sessions"), 0);

    save_good_schedule();
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_sessions"), 6);
    auto page = lead->get(path("/schedule?saved=1"));
    EXPECT_NE(page->body.find("The schedule is saved"), std::string::npos);
    // A suggestion fills the grid without saving it.
    auto suggested = lead->post(path("/schedule/suggest"), {});
    EXPECT_EQ(suggested->status, 200);
    EXPECT_NE(suggested->body.find("suggested schedule"), std::string::npos);
    EXPECT_NE(suggested->body.find("selected"), std::string::npos);
}

TEST_F(EventsChoices, choices_are_checked_saved_whole_and_changeable_until_choices_close) {
    save_good_schedule();
    EXPECT_EQ(teacher->get(path("/choices"))->status, 403); // not open yet
    set_stage(events::Stage::Choices);
    auto form = teacher->get(path("/choices"));
    ASSERT_EQ(form->status, 200);
    EXPECT_EQ(form->body.find("Calm lunchtimes"), std::string::npos); // support staff only

    auto duplicate = choose(*teacher, text_of(questioning), text_of(questioning));
    EXPECT_EQ(duplicate->status, 400);
    EXPECT_NE(duplicate->body.find("twice"), std::string::npos);
    auto closed_to_her = choose(*teacher, text_of(questioning), text_of(lunchtimes));
    EXPECT_EQ(closed_to_her->status, 400);
    EXPECT_NE(closed_to_her->body.find("not a workshop open to you"), std::string::npos);
    auto missing = choose(*teacher, text_of(questioning), "");
    EXPECT_EQ(missing->status, 400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_choices"), 0);

    ASSERT_EQ(choose(*teacher, text_of(questioning), text_of(feedback), text_of(assemblies))->status, 303);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM workshop_choices WHERE choice_rank = 1 AND offer_id = " +
                               text_of(questioning)),
        1);
    ASSERT_EQ(choose(*teacher, text_of(feedback), text_of(questioning))->status, 303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_choices"), 2);
    EXPECT_EQ(count_of(database, "SELECT offer_id FROM workshop_choices WHERE choice_rank = 1"), feedback);

    auto catalogue = teacher->get(path("/workshops"));
    EXPECT_EQ(catalogue->status, 200);
    EXPECT_NE(catalogue->body.find("Your 1st choice"), std::string::npos);
    EXPECT_NE(catalogue->body.find("Suggested for you"), std::string::npos);
    EXPECT_NE(catalogue->body.find("Written for your staff group"), std::string::npos);
    auto workshop = teacher->get(path("/workshops/" + text_of(feedback)));
    EXPECT_EQ(workshop->status, 200);
    EXPECT_NE(workshop->body.find("What you will take away"), std::string::npos);
    EXPECT_EQ(teacher->get(path("/workshops/" + text_of(lunchtimes)))->status, 404);

    set_stage(events::Stage::Allocating);
    auto late = choose(*teacher, text_of(questioning), text_of(feedback));
    EXPECT_EQ(late->status, 400);
    EXPECT_NE(late->body.find("closed"), std::string::npos);
}

TEST_F(EventsChoices, lead_sees_demand_and_reminds_those_who_have_not_chosen) {
    save_good_schedule();
    set_stage(events::Stage::Choices);
    ASSERT_EQ(choose(*teacher, text_of(questioning), text_of(feedback))->status, 303);
    const long long taking_part = count_taking_part();
    auto demand = lead->get(path("/demand"));
    ASSERT_EQ(demand->status, 200);
    EXPECT_NE(demand->body.find("1 of " + text_of(taking_part) + " people taking part have chosen"),
              std::string::npos)
        << demand->body;
    EXPECT_EQ(teacher->get(path("/demand"))->status, 403);

    auto reminded = lead->post(path("/demand/remind"), {});
    ASSERT_EQ(reminded->status, 303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE link = '" + path("/choices") + "'"),
              taking_part - 1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE person_id = " + text_of(teacher_id)), 0);
}

TEST_F(EventsChoices, home_invites_those_taking_part_to_choose_until_they_have) {
    save_good_schedule();
    const std::string invitation = "Choose your workshops for Spring training day";
    EXPECT_EQ(teacher->get("/")->body.find(invitation), std::string::npos); // choices not open yet
    set_stage(events::Stage::Choices);
    auto home = teacher->get("/");
    ASSERT_EQ(home->status, 200);
    EXPECT_NE(home->body.find(invitation), std::string::npos);
    teacher->get("/");
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE person_id = " + text_of(teacher_id)), 1);
    // A reminder does not repeat an invitation still on the home page.
    lead->get(path("/demand"));
    ASSERT_EQ(lead->post(path("/demand/remind"), {})->status, 303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE person_id = " + text_of(teacher_id)), 1);
    // Choosing puts it away, and it does not come back.
    ASSERT_EQ(choose(*teacher, text_of(questioning), text_of(feedback))->status, 303);
    EXPECT_EQ(teacher->get("/")->body.find(invitation), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE dismissed_at = 0 AND person_id = " +
                                     text_of(teacher_id)),
              0);
    // Dan, at Meadowbank, is not at the school taking part, so is not invited.
    Browser outsider(*server);
    ASSERT_EQ(outsider.sign_in("support@oakfield.example", kDemoPassword)->status, 303);
    EXPECT_EQ(outsider.get("/")->body.find(invitation), std::string::npos);
}

TEST_F(EventsChoices, those_who_have_not_chosen_are_reminded_when_choices_close_within_two_days) {
    save_good_schedule();
    set_stage(events::Stage::Choices);
    const std::string reminder = "Choices for Spring training day close on";
    const std::time_t now = std::time(nullptr);
    char tomorrow[11];
    const std::time_t next_day = now + 24 * 3600;
    std::strftime(tomorrow, sizeof tomorrow, "%Y-%m-%d", std::gmtime(&next_day));
    // Closing in a fortnight: no reminder yet.
    *database.open().lease() << "UPDATE events SET choices_close = '2099-01-01' WHERE id = " +
                                    text_of(event_id);
    EXPECT_EQ(teacher->get("/")->body.find(reminder), std::string::npos);
    *database.open().lease() << "UPDATE events SET choices_close = '" + std::string(tomorrow) +
                                    "' WHERE id = " + text_of(event_id);
    EXPECT_NE(teacher->get("/")->body.find(reminder), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE link = '" + path("/choices?closing") +
                                     "' AND person_id = " + text_of(teacher_id)),
              1);
    // Choosing puts it away with the invitation.
    ASSERT_EQ(choose(*teacher, text_of(questioning), text_of(feedback))->status, 303);
    EXPECT_EQ(teacher->get("/")->body.find(reminder), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE dismissed_at = 0 AND person_id = " +
                                     text_of(teacher_id)),
              0);
}

TEST_F(EventsChoices, allocation_runs_in_the_background_and_respects_every_capacity) {
    save_good_schedule();
    set_stage(events::Stage::Choices);
    ASSERT_EQ(choose(*teacher, text_of(feedback), text_of(questioning))->status, 303);
    {
        // Everyone else at the school wants the small workshops first, so not all can have them.
        auto session = database.open().lease();
        std::vector<long long> people;
        soci::rowset<long long> rows =
            (session->prepare << "SELECT id FROM people WHERE school_id = (SELECT school_id "
                                 "FROM people WHERE id = :t) AND id <> :t2",
             soci::use(teacher_id), soci::use(teacher_id));
        for (long long id : rows)
            people.push_back(id);
        for (std::size_t index = 0; index < people.size(); ++index)
            events::store::replace_choices(*session, trust_id, event_id, people[index],
                                           index % 2 ? std::vector<long long>{questioning, assemblies}
                                                     : std::vector<long long>{assemblies, questioning});
        // The lead chooses too, though she presents in both slots.
        long long lead_id = 0;
        *session << "SELECT id FROM people WHERE email = :e", soci::use(kDemoTrustLead), soci::into(lead_id);
        events::store::replace_choices(*session, trust_id, event_id, lead_id,
                                       std::vector<long long>{assemblies, feedback});
    }
    lead->get(path("/allocation"));
    EXPECT_EQ(lead->post(path("/allocation"), {})->status, 400); // choices still open
    set_stage(events::Stage::Allocating);
    const std::string finished = allocate();
    ASSERT_NE(finished.find("\"done\""), std::string::npos) << finished;

    const long long taking_part = count_taking_part();
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM placements"), taking_part * 2);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM allocation_runs WHERE status = 'done'"), 1);
    EXPECT_EQ(
        count_of(
            database,
            "SELECT COUNT(*) FROM (SELECT p.session_id FROM placements p JOIN workshop_sessions s ON "
            "s.id = p.session_id JOIN event_rooms r ON r.id = s.room_id JOIN workshop_offers o ON o.id = "
            "s.offer_id GROUP BY p.session_id, r.capacity, o.max_group HAVING COUNT(*) > r.capacity OR "
            "COUNT(*) > o.max_group) AS over"),
        0);
    // Places in a first choice are counted as places; people are counted once, apart from places.
    const long long first_choice_places =
        count_of(database, "SELECT COUNT(*) FROM placements p "
                           "JOIN workshop_sessions s ON s.id = p.session_id "
                           "JOIN workshop_choices c ON c.person_id = p.person_id "
                           "AND c.offer_id = s.offer_id AND c.choice_rank = 1");
    auto result = lead->get(path("/allocation"));
    ASSERT_EQ(result->status, 200);
    EXPECT_NE(result->body.find("<td>In someone&#39;s 1st choice</td><td>" + text_of(first_choice_places) +
                                "</td>"),
              std::string::npos)
        << result->body.substr(0, 4000);
    EXPECT_NE(result->body.find(text_of(taking_part) + " people taking part, each counted once"),
              std::string::npos);
    EXPECT_NE(
        result->body.find(text_of(taking_part * 2) + " places: one for each person in each of 2 time slots"),
        std::string::npos);
    EXPECT_EQ(column_sum(result->body, "each counted once"), taking_part);
    EXPECT_EQ(column_sum(result->body, "2 time slots"), taking_part * 2);
    EXPECT_NE(result->body.find("How far down their lists people went"), std::string::npos);
    // The lead presents in both slots, so is kept free in both rather than placed in a workshop.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM placements p JOIN people l ON l.id = p.person_id "
                                 "WHERE l.email = '" +
                                     kDemoTrustLead + "' AND p.session_id IS NOT NULL"),
              0);
    // Slots spent presenting are counted as such, not as empty slots, and people who chose but
    // present all day are not among those who got none of their choices.
    const std::string presents_there =
        "EXISTS (SELECT 1 FROM workshop_sessions s JOIN workshop_offers o ON o.id = "
        "s.offer_id WHERE o.presenter_id = p.person_id AND s.slot_id = p.slot_id)";
    const long long presenting = count_of(
        database, "SELECT COUNT(*) FROM placements p WHERE p.session_id IS NULL AND " + presents_there);
    const long long empty = count_of(
        database, "SELECT COUNT(*) FROM placements p WHERE p.session_id IS NULL AND NOT " + presents_there);
    EXPECT_GT(presenting, 0);
    EXPECT_NE(result->body.find("<td>Presenting a workshop</td><td>" + text_of(presenting) + "</td>"),
              std::string::npos);
    EXPECT_NE(result->body.find("<td>Empty: no workshop in that slot</td><td>" + text_of(empty) + "</td>"),
              std::string::npos);
    const long long chose_but_present_all_day = count_of(
        database, "SELECT COUNT(*) FROM (SELECT p.person_id FROM placements p WHERE " + presents_there +
                      " AND EXISTS (SELECT 1 FROM workshop_choices c WHERE c.person_id = p.person_id) "
                      "GROUP BY p.person_id HAVING COUNT(*) = 2) AS all_day");
    EXPECT_GT(chose_but_present_all_day, 0);
    EXPECT_NE(result->body.find("<td>Chose, but present in every slot</td><td>" +
                                text_of(chose_but_present_all_day) + "</td>"),
              std::string::npos);
}

TEST_F(EventsChoices, two_leads_moving_people_into_the_last_place_at_once_fill_it_once) {
    save_good_schedule();
    set_stage(events::Stage::Allocating);
    const std::string finished = allocate();
    ASSERT_NE(finished.find("\"done\""), std::string::npos) << finished;

    // Questioning in slot 2 keeps one free place, and two people in the hall both times want it.
    const long long target =
        count_of(database, "SELECT id FROM workshop_sessions WHERE offer_id = " + text_of(questioning) +
                               " AND slot_id = " + text_of(slots[1]));
    std::vector<long long> halls;
    for (long long slot : slots)
        halls.push_back(count_of(database, "SELECT id FROM workshop_sessions WHERE offer_id = " +
                                               text_of(assemblies) + " AND slot_id = " + text_of(slot)));
    const long long placed =
        count_of(database, "SELECT COUNT(*) FROM placements WHERE session_id = " + text_of(target));
    std::vector<long long> movers;
    {
        auto session = database.open().lease();
        soci::rowset<long long> rows =
            (session->prepare << "SELECT DISTINCT person_id FROM placements WHERE session_id IS NULL OR "
                                 "session_id <> :s ORDER BY person_id",
             soci::use(target));
        for (long long person : rows)
            if (movers.size() < 2)
                movers.push_back(person);
        ASSERT_EQ(movers.size(), 2u);
        for (std::size_t slot = 0; slot < slots.size(); ++slot)
            for (long long person : movers)
                *session << "UPDATE placements SET session_id = :s WHERE person_id = :p AND slot_id = :slot",
                    soci::use(halls[slot]), soci::use(person), soci::use(slots[slot]);
        // Someone else leaves it for the hall, and its places shrink to those it had.
        *session << "UPDATE placements SET session_id = :hall WHERE slot_id = :slot AND person_id = (SELECT "
                    "MIN(person_id) FROM placements WHERE session_id = :s)",
            soci::use(halls[1]), soci::use(slots[1]), soci::use(target);
        *session << "UPDATE workshop_offers SET max_group = :m WHERE id = :id", soci::use(placed),
            soci::use(questioning);
    }
    Browser other_lead(*server);
    ASSERT_EQ(other_lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    lead->get(path("/allocation"));
    other_lead.get(path("/allocation"));
    auto move = [&](Browser& browser, long long person) {
        return browser.post(path("/allocation/move"), {{"person_id", text_of(person)},
                                                       {"slot_id", text_of(slots[1])},
                                                       {"session_id", text_of(target)}});
    };
    int first_status = 0, second_status = 0;
    std::thread first([&] { first_status = move(*lead, movers[0])->status; });
    std::thread second([&] { second_status = move(other_lead, movers[1])->status; });
    first.join();
    second.join();
    EXPECT_EQ((first_status == 303) + (second_status == 303), 1) << first_status << " " << second_status;
    EXPECT_EQ((first_status == 400) + (second_status == 400), 1) << first_status << " " << second_status;
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM placements WHERE session_id = " + text_of(target)),
              count_of(database, "SELECT max_group FROM workshop_offers WHERE id = " + text_of(questioning)));
}

TEST_F(EventsChoices, lead_moves_people_by_hand_only_into_sessions_with_room_and_publishes) {
    save_good_schedule();
    set_stage(events::Stage::Allocating);
    const std::string finished = allocate();
    ASSERT_NE(finished.find("\"done\""), std::string::npos) << finished;

    // The teacher sits in the hall in slot 2; the feedback session there is then filled to its places.
    const long long hall =
        count_of(database, "SELECT id FROM workshop_sessions WHERE offer_id = " + text_of(assemblies) +
                               " AND slot_id = " + text_of(slots[1]));
    const long long feedback_session =
        count_of(database, "SELECT id FROM workshop_sessions WHERE offer_id = " + text_of(feedback));
    // In slot 1 she is in Questioning, so the hall in slot 2 is not a workshop she already has.
    const long long questioning_first =
        count_of(database, "SELECT id FROM workshop_sessions WHERE offer_id = " + text_of(questioning) +
                               " AND slot_id = " + text_of(slots[0]));
    {
        auto session = database.open().lease();
        *session << "UPDATE placements SET session_id = :s WHERE person_id = :p AND slot_id = :slot",
            soci::use(hall), soci::use(teacher_id), soci::use(slots[1]);
        *session << "UPDATE placements SET session_id = :s WHERE person_id = :p AND slot_id = :slot",
            soci::use(questioning_first), soci::use(teacher_id), soci::use(slots[0]);
        long long placed_there = 0;
        *session << "SELECT COUNT(*) FROM placements WHERE session_id = :s", soci::use(feedback_session),
            soci::into(placed_there);
        if (placed_there == 0) {
            *session << "UPDATE placements SET session_id = :s WHERE slot_id = :slot AND person_id = "
                        "(SELECT MIN(person_id) FROM placements WHERE person_id <> :t)",
                soci::use(feedback_session), soci::use(slots[1]), soci::use(teacher_id);
            placed_there = 1;
        }
        *session << "UPDATE workshop_offers SET max_group = :m WHERE id = :id", soci::use(placed_there),
            soci::use(feedback);
    }
    // Move by hand lists sessions with room first and marks the full one.
    const std::string options = lead->get(path("/allocation?person=teacher@oakfield.example"))->body;
    const auto full_option = options.find("Full: Feedback that lands");
    ASSERT_NE(full_option, std::string::npos) << options;
    EXPECT_LT(options.find("Assemblies for everyone — "), full_option);
    auto full = lead->post(path("/allocation/move"), {{"person_id", text_of(teacher_id)},
                                                      {"slot_id", text_of(slots[1])},
                                                      {"session_id", text_of(feedback_session)}});
    EXPECT_EQ(full->status, 400);
    EXPECT_NE(full->body.find("That session is full"), std::string::npos);

    auto emptied = lead->post(path("/allocation/move"), {{"person_id", text_of(teacher_id)},
                                                         {"slot_id", text_of(slots[1])},
                                                         {"session_id", "0"},
                                                         {"person", "teacher@oakfield.example"}});
    EXPECT_EQ(emptied->status, 303) << emptied->body;
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM placements WHERE moved_by_hand = 1 AND session_id IS NULL "
                           "AND person_id = " +
                               text_of(teacher_id)),
        1);
    auto moved = lead->post(
        path("/allocation/move"),
        {{"person_id", text_of(teacher_id)}, {"slot_id", text_of(slots[1])}, {"session_id", text_of(hall)}});
    EXPECT_EQ(moved->status, 303) << moved->body;
    EXPECT_EQ(
        count_of(database, "SELECT session_id FROM placements WHERE moved_by_hand = 1 AND person_id = " +
                               text_of(teacher_id)),
        hall);

    // Someone with no workshop in any slot is named on the confirmation, with why, and not told.
    const long long left_out =
        count_of(database, "SELECT MAX(person_id) FROM placements WHERE person_id <> " + text_of(teacher_id) +
                               " AND person_id NOT IN (SELECT presenter_id FROM workshop_offers)");
    std::string left_out_email;
    {
        auto session = database.open().lease();
        *session << "UPDATE placements SET session_id = NULL WHERE person_id = :p", soci::use(left_out);
        *session << "SELECT email FROM people WHERE id = :p", soci::use(left_out), soci::into(left_out_email);
    }
    auto confirm = lead->get(path("/allocation/publish"));
    ASSERT_EQ(confirm->status, 200);
    EXPECT_NE(confirm->body.find("Left out: 1 person"), std::string::npos) << confirm->body;
    EXPECT_NE(confirm->body.find(left_out_email), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events WHERE stage = 'published'"), 0);
    const long long with_timetable = count_of(
        database, "SELECT COUNT(DISTINCT p.person_id) FROM placements p WHERE p.session_id IS NOT NULL OR "
                  "EXISTS (SELECT 1 FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id "
                  "WHERE o.presenter_id = p.person_id AND s.slot_id = p.slot_id)");
    EXPECT_NE(confirm->body.find("Publish timetables to " + text_of(with_timetable) + " people"),
              std::string::npos);

    auto published = lead->post(path("/allocation/publish"), {});
    EXPECT_EQ(published->status, 303);
    EXPECT_GT(with_timetable, 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE link = '" + path("/timetable") + "'"),
              with_timetable);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events WHERE stage = 'published'"), 1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM audit_events WHERE action = 'places_published'"), 1);
}

TEST_F(EventsChoices, another_trusts_lead_gets_not_found_everywhere) {
    save_good_schedule();
    set_stage(events::Stage::Allocating);
    const std::string finished = allocate();
    ASSERT_NE(finished.find("\"done\""), std::string::npos) << finished;
    const long long run = count_of(database, "SELECT MAX(id) FROM allocation_runs");
    Browser northfield(*server);
    ASSERT_EQ(northfield.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    northfield.get("/");
    for (const std::string& get :
         std::vector<std::string>{"/schedule", "/workshops", "/workshops/" + text_of(questioning), "/choices",
                                  "/demand", "/allocation", "/allocation/runs/" + text_of(run),
                                  "/allocation/runs/" + text_of(run) + "/progress"}) {
        auto result = northfield.get(path(get));
        EXPECT_EQ(result->status, 404) << get;
        EXPECT_EQ(result->body.find("Questioning"), std::string::npos) << get;
    }
    for (const std::string& post :
         std::vector<std::string>{"/schedule", "/schedule/suggest", "/choices", "/demand/remind",
                                  "/allocation", "/allocation/move", "/allocation/publish"}) {
        auto result = northfield.post(path(post), {{"person_id", text_of(teacher_id)}});
        EXPECT_EQ(result->status, 404) << post;
    }
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM allocation_runs"), 1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices"), 0);
}

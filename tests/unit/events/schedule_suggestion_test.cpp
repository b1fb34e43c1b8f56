// The suggested schedule: it must keep the rules a saved schedule is checked against, so that the
// lead can save a suggestion as it stands.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "events/schedule/schedule_service.h"

using namespace trellis::events;

namespace {

Workshop workshop(long long id, long long presenter, int max_group, bool repeat) {
    Workshop made;
    made.id = id;
    made.presenter_id = presenter;
    made.presenter_name = "Presenter " + std::to_string(presenter);
    made.title = "Workshop " + std::to_string(id);
    made.max_group = max_group;
    made.can_repeat = repeat;
    return made;
}

ScheduleView three_slots_four_rooms() {
    ScheduleView view;
    for (long long id = 1; id <= 3; ++id)
        view.layout.slots.push_back({id, static_cast<int>(id), "0" + std::to_string(8 + id) + ":00",
                                     "0" + std::to_string(8 + id) + ":50"});
    for (long long id = 11; id <= 14; ++id)
        view.layout.rooms.push_back({id, "Room " + std::to_string(id), 30, ""});
    return view;
}

} // namespace

TEST(ScheduleSuggestion, never_gives_a_presenter_two_workshops_in_one_slot) {
    ScheduleView view = three_slots_four_rooms();
    // Presenter 100 offers three workshops, two of them wanted by many; presenter 200 one.
    view.workshops = {workshop(1, 100, 30, true), workshop(2, 100, 30, true), workshop(3, 100, 30, false),
                      workshop(4, 200, 30, true)};
    const std::vector<double> demand = {50, 40, 5, 10};
    const auto placed = suggest_schedule(view, demand, 100);

    std::map<std::pair<long long, long long>, int> presenting; // (slot, presenter) -> sessions
    std::set<long long> scheduled;
    for (const Placement& cell : placed) {
        const long long presenter = view.workshops[static_cast<std::size_t>(cell.offer_id - 1)].presenter_id;
        const int sessions = ++presenting[std::make_pair(cell.slot_id, presenter)];
        EXPECT_EQ(sessions, 1) << "slot " << cell.slot_id;
        scheduled.insert(cell.offer_id);
    }
    EXPECT_EQ(scheduled.size(), 4u) << "every workshop gets a session";
    EXPECT_NO_THROW(check_schedule(view, placed));
}

TEST(ScheduleSuggestion, a_saved_schedule_with_a_presenter_twice_in_a_slot_is_refused_by_name) {
    ScheduleView view = three_slots_four_rooms();
    view.workshops = {workshop(1, 100, 30, true), workshop(2, 100, 30, true)};
    try {
        check_schedule(view, {{1, 11, 1}, {1, 12, 2}});
        FAIL() << "a presenter in two rooms at once was accepted";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("Presenter 100 presents both"), std::string::npos)
            << error.what();
    }
    EXPECT_NO_THROW(check_schedule(view, {{1, 11, 1}, {2, 12, 2}}));
}

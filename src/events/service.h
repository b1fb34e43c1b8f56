#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "events/model.h"

namespace trellis::events {

// What the lead writes when creating or editing an event, as typed into the form.
struct EventForm {
    std::string title;
    std::string event_date;
    std::string venue;
    std::string choices_wanted = "3";
    std::string reserves_wanted = "2";
    std::string offers_close;
    std::string choices_open;
    std::string choices_close;
    std::vector<std::string> staff_groups; // ticked boxes
    std::vector<std::string> school_ids;   // ticked boxes
    std::string brief_purpose;
    std::string brief_audiences;
    std::string brief_format;
    std::string brief_length;
    std::string brief_quality;
    // One per line: "09:30-10:30"; "Library, 30[, notes]"; a priority's title.
    std::string slots;
    std::string rooms;
    std::string priorities;
};

// Rules for creating and laying out training days. Each change is one transaction; invalid input
// throws std::invalid_argument naming the field and nothing is saved.
class EventService {
  public:
    explicit EventService(db::Database& database) : m_database(database) {}

    long long create(const accounts::Actor& lead, const EventForm& form);
    void update(const accounts::Actor& lead, long long event_id, const EventForm& form);
    // The form as the event now stands, for editing.
    EventForm form_of(const EventLayout& layout) const;

    std::optional<Event> find(long long trust_id, long long event_id);
    std::optional<EventLayout> layout(long long trust_id, long long event_id);
    // The same as of the actor's session, from the days this server keeps (db/per_trust.h): a day's
    // page shows its slots, rooms and priorities on every view.
    std::optional<EventLayout> layout(const accounts::Actor& actor, long long event_id);
    // Every training day of the actor's trust, as this server keeps them.
    std::vector<Event> events(const accounts::Actor& actor);
    // The same, read on `sql` when not kept: for a caller that already holds a session.
    std::vector<Event> events(const accounts::Actor& actor, soci::session& sql);
    // The events this person takes part in (their group and school), soonest first.
    std::vector<Event> events_for(const accounts::Actor& actor);

    void set_stage(long long trust_id, long long event_id, Stage stage);
    // How far the event has got: offers waiting, choices made, registers kept and the rest.
    DayCounts counts(const Event& event);
    // Only the counts the event's current stage is told in (progress_of), the rest left 0: for the
    // home page, which tells each day's progress in its stage alone.
    DayCounts stage_counts(const Event& event);
    std::vector<long long> reviewers(long long trust_id, long long event_id);
    void set_reviewers(long long trust_id, long long event_id, const std::vector<long long>& person_ids);
    bool is_reviewer(long long trust_id, long long event_id, long long person_id);

  private:
    // The trust's days laid out, soonest first, read on `sql` when given and not kept.
    std::shared_ptr<const std::vector<EventLayout>> trust_days(const accounts::Actor& actor,
                                                               soci::session* sql);
    static std::vector<Event> events_in(const std::vector<EventLayout>& days);

    db::Database& m_database;
    db::PerTrust<std::vector<EventLayout>> m_days;
};

// Parsing of the setup text, exposed for tests. Each throws std::invalid_argument naming the line.
std::vector<Slot> slots_from_text(const std::string& text);
std::vector<Room> rooms_from_text(const std::string& text);
std::vector<Priority> priorities_from_text(const std::string& text);

} // namespace trellis::events

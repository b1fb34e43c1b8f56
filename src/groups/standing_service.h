#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "groups/model.h"

namespace trellis::groups {

// Standing groups: a department, a cross-school phase group, a lesson-study trio. Anyone on the staff
// starts one with colleagues; its members keep its meetings (in a programme's protected time or their
// own), short shared notes and resources. What a group writes is its members' alone: a lead who
// oversees it (the trust's PD leads every group, a school's PD lead their school's) sees who is in it
// and when it met. A broken rule throws std::invalid_argument with a message for the person, and
// nothing is saved.
class StandingGroupService {
  public:
    explicit StandingGroupService(db::Database& database) : m_database(database) {}

    // The groups the person is in, by name.
    std::vector<StandingGroup> groups_of(const accounts::Actor& actor);
    // The groups the actor oversees; nullopt for anyone who oversees none.
    std::optional<std::vector<StandingGroup>> overseen(const accounts::Actor& actor);
    // The group's page for its members and those who oversee it; nullopt for anyone else.
    std::optional<GroupPage> page_for(const accounts::Actor& actor, long long group_id);

    long long start(const accounts::Actor& actor, const GroupForm& form);
    // Members add colleagues by email; members leave; a lead overseeing the group removes anyone.
    int add_members(const accounts::Actor& actor, long long group_id, const std::string& emails);
    void remove_member(const accounts::Actor& actor, long long group_id, long long person_id);

    // The programme collaboration times the group may say it met in, up to `today`.
    std::vector<ProtectedTime> protected_times(const accounts::Actor& actor, const StandingGroup& group,
                                               const std::string& today);
    long long keep_meeting(const accounts::Actor& actor, long long group_id, const MeetingForm& form,
                           const std::string& today);
    void add_note(const accounts::Actor& actor, long long group_id, const std::string& body);
    // `resource` is a library item the actor may find (its id) or a link with a title.
    void add_resource(const accounts::Actor& actor, long long group_id, const GroupResource& resource);

  private:
    // Every standing group of the trust with its members, by name, as of the actor's session
    // (db/per_trust.h): the home page shows a person's groups on every visit.
    std::shared_ptr<const std::vector<StandingGroup>> trust_groups(const accounts::Actor& actor,
                                                                   soci::session& sql);

    db::Database& m_database;
    db::PerTrust<std::vector<StandingGroup>> m_trust_groups;
};

} // namespace trellis::groups

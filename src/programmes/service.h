#pragma once

#include <map>
#include <optional>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "programmes/design_check.h"
#include "programmes/model.h"
#include "programmes/store.h"

namespace trellis::programmes {

// A person who may sponsor a programme or be named in its cohort, for the lead's choices.
struct PersonChoice {
    long long id = 0;
    std::string name;
    std::string detail; // job title or school
};

// Rules for programmes and who is in them. Trust PD leads and administrators keep the trust's
// programmes, a school PD lead their school's; staff see the programmes they are in or may join,
// and any other programme is not found. A broken rule throws std::invalid_argument with a message
// for the person, and nothing is saved.
class ProgrammeService {
  public:
    explicit ProgrammeService(db::Database& database) : m_database(database) {}

    // The programmes this person sees, soonest first.
    std::vector<ProgrammeSummary> visible_to(const accounts::Actor& actor);
    // The programme as this person sees it, or nullopt when it is not theirs to see.
    std::optional<ProgrammeSummary> find_visible(const accounts::Actor& actor, long long programme_id);
    // The same, given the person's statuses as read beside other reads (store::kStatusRows).
    std::optional<ProgrammeSummary> find_visible(const accounts::Actor& actor, long long programme_id,
                                                 const std::map<long long, std::string>& statuses);
    static bool may_keep(const accounts::Actor& actor, const Programme& programme);
    // The programme's activities in order, as of the actor's session (the ones this server keeps);
    // the caller has checked the actor may see the programme.
    std::vector<Activity> activities_of(const accounts::Actor& actor, long long programme_id);
    // The programmes the person takes part in, each with the activities for their staff group.
    std::vector<ProgrammeWithActivities> taking_part(const accounts::Actor& actor);
    // The same, given the person's statuses as read beside other reads (store::kStatusRows).
    std::vector<ProgrammeWithActivities> taking_part(const accounts::Actor& actor,
                                                     const std::map<long long, std::string>& statuses);

    long long create(const accounts::Actor& lead, const ProgrammeForm& form);
    void update(const accounts::Actor& lead, long long programme_id, const ProgrammeForm& form);
    static ProgrammeForm form_of(const Programme& programme);

    // Signs the person up to an open programme: a place while there are places, else the wait-list.
    Membership join(const accounts::Actor& actor, const Programme& programme);
    // Takes the person off an open programme or its wait-list; a freed place goes to whoever has
    // waited longest, who is told on their home page.
    void leave(const accounts::Actor& actor, const Programme& programme);
    // Names people in a cohort: by email, one per line, and everyone of a staff group (may be empty).
    // Returns how many were added; unknown emails are refused, naming them, before anything is added.
    int add_to_cohort(const accounts::Actor& lead, const Programme& programme, const std::string& emails,
                      const std::string& staff_group);
    // Takes someone off a cohort or an open programme, promoting from the wait-list as for leave().
    void remove_member(const accounts::Actor& lead, const Programme& programme, long long person_id);
    std::vector<store::Member> members(const Programme& programme);
    // How many people the programme is for now: members of a cohort or open programme, everyone
    // within the filters otherwise.
    int audience_size(const Programme& programme);

    // The design check of each of the trust's programmes given, by id, from the activities this server
    // keeps.
    std::map<long long, DesignCheck> design_checks(const accounts::Actor& actor,
                                                   const std::vector<Programme>& programmes);
    // Who may sponsor a programme: leaders and the trust's leads, by name.
    std::vector<PersonChoice> sponsors(long long trust_id);

  private:
    // What the programme pages read of the whole trust, kept by this server (db/per_trust.h).
    struct TrustProgrammes {
        std::vector<Programme> programmes;                     // soonest first
        std::map<long long, std::vector<Activity>> activities; // by programme, in order
        std::map<long long, std::string> school_phases;        // by school
    };
    std::shared_ptr<const TrustProgrammes> trust_programmes(const accounts::Actor& actor, soci::session& sql);
    Programme checked(const accounts::Actor& lead, const ProgrammeForm& form);
    void promote_waiting(soci::session& sql, const Programme& programme);

    db::Database& m_database;
    db::PerTrust<TrustProgrammes> m_trust_programmes;
};

} // namespace trellis::programmes

#include "demo/demo_trust.h"

#include <map>
#include <optional>
#include <set>

#include "accounts/secrets.h"
#include "audit/store.h"
#include "calendar/london_time.h"
#include "demo/demo_expertise.h"
#include "demo/demo_groups.h"
#include "demo/demo_impact.h"
#include "demo/demo_library.h"
#include "demo/demo_names.h"
#include "demo/demo_peer_learning.h"
#include "demo/demo_programmes.h"
#include "demo/demo_record.h"
#include "demo/demo_surveys.h"
#include "demo/demo_training_day.h"

namespace trellis::demo {

namespace {

using people::Role;
using people::StaffGroup;

constexpr const char* kSlug = "oakfield";
constexpr const char* kDomain = "oakfield.example";
constexpr const char* kDemoPassword = "oakfield-demo-2026";

struct DemoSchool {
    const char* name;
    const char* phase;
    int staff;
};

// Sizes chosen so that the trust has 850 people, as in a typical mid-sized trust.
constexpr DemoSchool kSchools[] = {
    {"Oakfield Academy", "secondary", 205},           {"Riverside High School", "secondary", 185},
    {"Meadowbank Primary School", "primary", 95},     {"Hollins Lane Primary School", "primary", 85},
    {"St Aldwyn's CE Primary School", "primary", 80}, {"Brookside Infant and Nursery School", "primary", 65},
    {"Kestrel Fields School", "special", 105},
};
constexpr int kCentralTeam = 30;

StaffGroup group_for(Sequence& sequence, const std::string& phase) {
    const unsigned roll = sequence.next(100);
    const unsigned support_share = phase == "special" ? 60 : 50;
    if (roll < 6)
        return StaffGroup::Leader;
    if (roll < 12)
        return StaffGroup::Ect;
    if (roll < 100 - support_share)
        return StaffGroup::Teacher;
    return StaffGroup::Support;
}

} // namespace

std::vector<DemoLogin> demo_logins() {
    return {{"Administrator", std::string("admin@") + kDomain, kDemoPassword, "Morgan Ellis"},
            {"Trust PD lead", std::string("pdlead@") + kDomain, kDemoPassword, "Asha Patel"},
            {"School PD lead", std::string("schoollead@") + kDomain, kDemoPassword, "Tom Whitaker"},
            {"Teacher", std::string("teacher@") + kDomain, kDemoPassword, "Grace Okafor"},
            {"Support staff", std::string("support@") + kDomain, kDemoPassword, "Dan Kowalski"}};
}

namespace {

// What the training day needs of the loaded trust: its PD lead and its schools, named.
struct LoadedTrust {
    accounts::Actor lead;
    std::vector<std::pair<long long, std::string>> schools;
};

// The trust, its schools and its people, in one transaction; nothing when it is already there.
std::optional<LoadedTrust> load_trust(db::Database& database,
                                      organisations::OrganisationService& organisations,
                                      people::PeopleService& people) {
    db::Transaction transaction(database);
    if (organisations.has_slug_in(transaction, kSlug))
        return std::nullopt;
    const long long trust_id = organisations.create_trust(transaction, kSlug, "Oakfield Learning Trust");
    std::vector<std::pair<long long, std::string>> schools;
    for (const DemoSchool& school : kSchools)
        schools.emplace_back(organisations.add_school(transaction, trust_id, school.name, school.phase),
                             school.phase);

    Sequence sequence;
    std::map<std::string, int> email_uses;
    auto add = [&](long long school_id, const std::string& phase, StaffGroup group, const std::string& first,
                   const std::string& last, std::string email, Role role,
                   const std::string& password) -> long long {
        people::Person person;
        person.trust_id = trust_id;
        person.school_id = school_id;
        person.first_name = first;
        person.last_name = last;
        person.staff_group = group;
        person.phase = phase;
        const JobAndSubjects job = job_for(sequence, group, phase, school_id == 0);
        person.job_title = job.title;
        person.subjects = job.subjects;
        person.role = role;
        if (email.empty()) {
            const std::string base = email_local_part(first, last);
            const int uses = ++email_uses[base];
            email = base + (uses > 1 ? std::to_string(uses) : "") + "@" + kDomain;
        }
        person.email = email;
        return people.add_person(transaction, person,
                                 password.empty() ? "" : accounts::hash_password(password));
    };

    // The demo logins come first so their names and roles are fixed.
    const auto logins = demo_logins();
    const long long admin_id = add(0, "all-through", StaffGroup::Leader, "Morgan", "Ellis", logins[0].email,
                                   Role::Admin, kDemoPassword);
    accounts::Actor lead;
    lead.trust_id = trust_id;
    lead.role = Role::TrustPdLead;
    lead.person_id = add(0, "all-through", StaffGroup::Leader, "Asha", "Patel", logins[1].email,
                         Role::TrustPdLead, kDemoPassword);
    add(schools[2].first, "primary", StaffGroup::Leader, "Tom", "Whitaker", logins[2].email,
        Role::SchoolPdLead, kDemoPassword);
    add(schools[0].first, "secondary", StaffGroup::Teacher, "Grace", "Okafor", logins[3].email, Role::Staff,
        kDemoPassword);
    add(schools[2].first, "primary", StaffGroup::Support, "Dan", "Kowalski", logins[4].email, Role::Staff,
        kDemoPassword);

    int placed_in_school[std::size(kSchools)] = {1, 0, 2, 0, 0, 0, 0};
    for (std::size_t index = 0; index < std::size(kSchools); ++index) {
        for (int i = placed_in_school[index]; i < kSchools[index].staff; ++i) {
            const std::string phase = kSchools[index].phase;
            const StaffGroup group = group_for(sequence, phase);
            const Name name = next_name(sequence);
            add(schools[index].first, phase, group, name.first, name.last, "", Role::Staff, "");
        }
    }
    for (int i = 2; i < kCentralTeam; ++i) {
        const Name name = next_name(sequence);
        add(0, "all-through", i < 6 ? StaffGroup::Leader : StaffGroup::Support, name.first, name.last, "",
            Role::Staff, "");
    }
    // The administrator's first entry in the audit log, as if the trust's staff file had been imported.
    long long staff = kCentralTeam;
    for (const auto& school : kSchools)
        staff += school.staff;
    audit::store::record(transaction.session(), trust_id, admin_id, "staff_imported",
                         "Imported the trust's staff list: " + std::to_string(staff) + " people in " +
                             std::to_string(std::size(kSchools)) + " schools and the central team");
    transaction.commit();
    LoadedTrust loaded{lead, {}};
    for (std::size_t index = 0; index < std::size(kSchools); ++index)
        loaded.schools.emplace_back(schools[index].first, kSchools[index].name);
    return loaded;
}

} // namespace

bool load_demo_trust(db::Database& database, organisations::OrganisationService& organisations,
                     people::PeopleService& people, bool with_training_day, const DemoFolders& folders,
                     const std::string& on_day) {
    const auto loaded = load_trust(database, organisations, people);
    if (!loaded)
        return false;
    if (with_training_day) {
        std::set<std::string> emails;
        for (const DemoLogin& login : demo_logins())
            emails.insert(login.email);
        load_demo_training_day(database, loaded->lead, loaded->schools, emails);
        load_demo_programmes(database, loaded->lead, loaded->schools, demo_logins()[2].email,
                             demo_logins()[3].email, folders);
        const std::string today =
            on_day.empty() ? calendar::london_moment(db::now_seconds()).substr(0, 10) : on_day;
        load_demo_surveys(database, loaded->lead, today);
        load_demo_impact(database, loaded->lead);
        load_demo_record(database, loaded->lead.trust_id, today);
        load_demo_peer_learning(database, loaded->lead.trust_id, today);
        load_demo_expertise(database, loaded->lead.trust_id);
        load_demo_library(database, loaded->lead, folders);
        load_demo_groups(database, loaded->lead.trust_id, today);
    }
    return true;
}

} // namespace trellis::demo

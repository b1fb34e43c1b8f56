#include "demo/demo_expertise.h"

#include <set>
#include <string>
#include <vector>

#include "db/rows.h"
#include "demo/demo_people.h"
#include "demo/demo_trust.h"
#include "expertise/store.h"
#include "notifications/store.h"
#include "text/words.h"

namespace trellis::demo {

namespace {

// Our own words for what each kind of colleague offers.
struct Offer {
    const char* offer;
    const char* tags;     // comma-separated
    const char* priority; // a demo priority's title, or ""
};

const Offer kSchoolLead{"Coaching teaching assistants who lead small maths groups, and setting up coaching "
                        "in a school.",
                        "coaching, maths, small groups, teaching assistants",
                        "Every role matters: support staff at their best"};
const Offer kPresenters[] = {
    {"Happy to talk through my training-day workshop and help you try it in your own lessons.",
     "questioning, wait time, cold calling", "Adaptive teaching so that every pupil takes part"},
    {"Happy to share what I presented on the training day, with the resources, and to visit your lesson.",
     "retrieval practice, quizzes, homework", ""},
};
const Offer kMentor{"Mentoring early-career teachers through their first two years: planning, behaviour and "
                    "keeping the workload sane.",
                    "ect, mentoring, behaviour, workload", ""};
const Offer kSupport[] = {
    {"Supporting autistic pupils in mainstream classes: visual timetables, sensory breaks, calm transitions.",
     "autism, send, sensory breaks, visual timetables", "Every role matters: support staff at their best"},
    {"Running phonics catch-up groups in Key Stage 1, and keeping them short and lively.",
     "phonics, reading, ks1, interventions", "Every role matters: support staff at their best"},
};
const Offer kTeacher{"Mini-whiteboards so every pupil answers, and what to do with what you see.",
                     "assessment for learning, mini-whiteboards, questioning",
                     "Adaptive teaching so that every pupil takes part"};

std::vector<long long> ids_of(soci::session& sql, const std::string& query, long long trust_id) {
    std::vector<long long> ids;
    long long id = 0;
    auto statement = db::run_once(sql, query, soci::into(id), soci::use(trust_id));
    while (statement.fetch())
        ids.push_back(id);
    return ids;
}

void list(soci::session& sql, long long trust_id, long long person_id, const Offer& offer) {
    std::vector<std::string> tags;
    for (const std::string& tag : text::split_commas(offer.tags))
        tags.push_back(text::trimmed(tag));
    std::vector<long long> priorities;
    if (*offer.priority)
        priorities.push_back(trust_priority(sql, trust_id, offer.priority));
    expertise::store::save_entry(sql, trust_id, person_id, offer.offer, true, tags, priorities);
}

} // namespace

void load_demo_expertise(db::Database& database, long long trust_id) {
    const auto logins = demo_logins();
    db::Transaction transaction(database);
    auto& sql = transaction.session();
    const long long school_lead = id_of(sql, trust_id, logins[2].email),
                    teacher = id_of(sql, trust_id, logins[3].email),
                    support = id_of(sql, trust_id, logins[4].email);
    if (!school_lead || !teacher || !support)
        return;
    // The demo teacher and assistant are left out, so that they can try adding themselves.
    std::set<long long> listed{teacher, support};
    const auto add = [&](long long person_id, const Offer& offer) {
        if (person_id && listed.insert(person_id).second)
            list(sql, trust_id, person_id, offer);
    };
    add(school_lead, kSchoolLead);
    const auto presenters =
        ids_of(sql,
               "SELECT o.presenter_id FROM workshop_offers o JOIN feedback f ON f.trust_id = o.trust_id AND "
               "f.about_kind = 'event' AND f.about_id = o.event_id AND f.item_id = o.id WHERE o.trust_id = "
               ":trust GROUP BY o.presenter_id ORDER BY AVG(f.rating) DESC, o.presenter_id",
               trust_id);
    for (std::size_t i = 0; i < presenters.size() && i < std::size(kPresenters); ++i)
        add(presenters[i], kPresenters[i]);
    const auto mentors =
        ids_of(sql,
               "SELECT DISTINCT mentor_id FROM mentoring_pairs WHERE trust_id = :trust AND kind = "
               "'mentoring' AND mentor_id IS NOT NULL ORDER BY mentor_id",
               trust_id);
    for (std::size_t i = 0; i < mentors.size() && i < 2; ++i)
        add(mentors[i], kMentor);
    const auto assistants = staff_in(sql, trust_id, "support");
    for (std::size_t i = 0, given = 0; i < assistants.size() && given < std::size(kSupport); ++i)
        if (!listed.count(assistants[i].first))
            add(assistants[i].first, kSupport[given++]);
    for (const auto& [id, school] : staff_in(sql, trust_id, "teacher"))
        if (!listed.count(id)) {
            add(id, kTeacher);
            break;
        }

    // The demo teacher has asked the school PD lead for help.
    const std::string about =
        "Could you help me plan how my teaching assistant leads the Year 4 maths group? "
        "Any Tuesday after school suits me.";
    const long long request = expertise::store::insert_request(sql, trust_id, school_lead, teacher, about);
    notifications::store::add_once(sql, trust_id, school_lead,
                                   expertise::request_notice(logins[3].name, about),
                                   expertise::request_link(request));
    transaction.commit();
}

} // namespace trellis::demo

#include "demo/demo_impact.h"

#include <algorithm>
#include <map>

#include "accounts/secrets.h"
#include "demo/demo_names.h"
#include "demo/demo_trust.h"
#include "feedback/store.h"
#include "impact/service.h"
#include "impact/store.h"
#include "organisations/store.h"
#include "people/store.h"
#include "priorities/store.h"
#include "programmes/activity_store.h"
#include "programmes/audience.h"
#include "programmes/sessions/session_feedback.h"
#include "programmes/store.h"
#include "surveys/response_store.h"
#include "surveys/store.h"
#include "text/words.h"

namespace trellis::demo {

namespace {

using people::StaffGroup;
using surveys::QuestionKind;

struct Staff {
    people::Person person;
    std::string phase;
    std::size_t school_index = 0;
};

std::vector<Staff> staff_in(soci::session& sql, long long trust_id, const std::vector<StaffGroup>& groups) {
    const auto phases = programmes::school_phases(sql, trust_id);
    std::map<long long, std::size_t> school_index;
    for (const auto& [school, phase] : phases)
        school_index.emplace(school, school_index.size());
    std::set<std::string> logins;
    for (const DemoLogin& login : demo_logins())
        logins.insert(login.email);
    std::vector<Staff> staff;
    people::store::for_each_person(sql, trust_id, [&](const people::Person& person) {
        if (!person.has_left() && !logins.count(person.email) &&
            std::find(groups.begin(), groups.end(), person.staff_group) != groups.end())
            staff.push_back({person, programmes::phase_of(person.phase, person.school_id, phases),
                             person.school_id ? school_index[person.school_id] : 7});
    });
    return staff;
}

long long add_programme(soci::session& sql, const accounts::Actor& lead) {
    programmes::Programme programme;
    programme.trust_id = lead.trust_id;
    programme.title = "Calm, safe and kind: behaviour for every adult (2025–26)";
    programme.purpose = "Every adult in a classroom, teachers and support staff alike, uses the same calm "
                        "routines and the same words when things go wrong.";
    programme.pupil_outcome = "Fewer lessons interrupted, and pupils who feel safe enough to come to school.";
    programme.staff_groups = {StaffGroup::Teacher, StaffGroup::Ect, StaffGroup::Support};
    programme.starts_on = "2025-09-01";
    programme.ends_on = "2026-07-17";
    programme.created_by = lead.person_id;
    for (const auto& priority : priorities::store::priorities_of(sql, lead.trust_id, 0))
        if (text::lowered(priority.title).find("behaviour") != std::string::npos)
            programme.priority_ids.push_back(priority.id);
    const long long id = programmes::store::insert_programme(sql, programme);
    const char* sessions[][4] = {{"2025-10-08", "Launch: one set of routines for every adult",
                                  "Why pupils need the same routine from "
                                  "every adult, and the five we will all use.",
                                  "2025-10-08"},
                                 {"2026-01-14", "Routines that hold after Christmas",
                                  "What slipped in the autumn, and rehearsing the "
                                  "routines that matter most in January.",
                                  ""},
                                 {"2026-03-11", "Repair and restore",
                                  "The words to use after an incident so that the next lesson starts "
                                  "clean; practised in pairs.",
                                  ""}};
    int position = 0;
    for (const auto& session : sessions) {
        programmes::Activity activity;
        activity.programme_id = id;
        activity.trust_id = lead.trust_id;
        activity.position = ++position;
        activity.kind = programmes::ActivityKind::Live;
        activity.starts_on = session[0];
        activity.title = session[1];
        activity.details = session[2];
        activity.starts_at = "15:45";
        activity.ends_at = "17:00";
        activity.venue = "Riverside High School";
        activity.room = "Hall";
        activity.mechanisms = {"model", "rehearse", "social-support"};
        programmes::activity_store::insert_activity(sql, activity);
    }
    return id;
}

// Feedback after each session: most attended and answered, ratings rising as the routines bedded in.
void add_feedback(soci::session& sql, long long trust_id, long long programme_id,
                  const std::vector<Staff>& staff, Sequence& sequence) {
    const char* comments[] = {"Practising the words out loud made the difference.",
                              "Good to be trained alongside the teachers for once.",
                              "I used the reset routine with Year 8 the next morning.",
                              "Needed more time on what to do at lunchtimes."};
    int lift = 0, given = 0;
    for (const auto& activity : programmes::activity_store::activities_of(sql, trust_id, programme_id)) {
        for (const Staff& each : staff) {
            if (sequence.next(100) >= 62)
                continue;
            const int rating =
                std::clamp(3 + lift + static_cast<int>(sequence.next(3)) - 1 -
                               (each.person.staff_group == StaffGroup::Support && lift == 0 ? 1 : 0),
                           1, 5);
            const std::string comment = given++ % 9 == 0 ? comments[sequence.next(4)] : "";
            feedback::store::save_answers(sql, trust_id, {feedback::AboutKind::Activity, activity.id},
                                          each.person.id, {{activity.id, rating, comment}});
        }
        lift = std::min(lift + 1, 1);
    }
}

// Points on a 5-point scale (0 = the lowest), nudged by school and role, with a little noise.
int point(int centre, Sequence& sequence) {
    return std::clamp(centre + static_cast<int>(sequence.next(3)) - 1, 0, 4);
}

surveys::Answer grid_answer(const surveys::Question& question, int centre, Sequence& sequence) {
    surveys::Answer answer{question.id, {}, ""};
    for (std::size_t row = 0; row < question.rows.size(); ++row)
        answer.picks.push_back(point(centre - (row == 2 ? 1 : 0), sequence));
    return answer;
}

// Answers every survey of a programme's plan: before lower, after higher (by more where a school took
// it up well), support lower for support staff, use growing from 6 to 12 weeks. Seven in ten keep a
// code, so before and after match.
void answer_plan(soci::session& sql, long long trust_id, const std::vector<surveys::Survey>& plan_surveys,
                 const std::vector<Staff>& staff, unsigned percent, Sequence& sequence) {
    const char* changed[] = {"Pupils settle faster because every adult starts the lesson the same way.",
                             "I say less and wait more; it is calmer.",
                             "I feel confident stepping in when a teacher is busy with a group.",
                             "Restorative conversations are shorter and actually finish.",
                             "Not much yet: our timetable changed and I lost the class."};
    for (const auto& survey : plan_surveys) {
        const auto questions = surveys::store::questions_of(sql, trust_id, survey.id);
        for (const Staff& each : staff) {
            if (sequence.next(100) >= percent)
                continue;
            const bool support = each.person.staff_group == StaffGroup::Support;
            const int school_lift = each.school_index % 3 == 0 ? 1 : 0;
            surveys::Answers answers;
            for (const auto& question : questions) {
                if (!question.asked_of(each.person.staff_group))
                    continue;
                if (question.kind == QuestionKind::Grid &&
                    question.prompt.find("confident") != std::string::npos)
                    answers[question.id] = grid_answer(
                        question, survey.purpose == impact::kBefore ? 1 : 2 + school_lift, sequence);
                else if (question.kind == QuestionKind::Grid)
                    answers[question.id] = grid_answer(question, support ? 2 : 3, sequence);
                else if (question.kind == QuestionKind::Rating)
                    answers[question.id] = {
                        question.id,
                        {point(survey.purpose == impact::kFollowUp12 ? 3 : 2 + school_lift - 1, sequence)},
                        ""};
                else if (question.kind == QuestionKind::Text && sequence.next(4) == 0)
                    answers[question.id] = {question.id, {}, changed[sequence.next(5)]};
            }
            const bool keeps_code = each.person.id % 10 < 7;
            const std::string code =
                survey.anonymous && keeps_code &&
                        (survey.purpose == impact::kBefore || survey.purpose == impact::kAfter)
                    ? accounts::hash_token("demo code " + std::to_string(each.person.id))
                    : "";
            const surveys::Respondent respondent{each.person.school_id, each.person.school_name,
                                                 each.person.staff_group, each.phase};
            const std::string day = survey.opens_on;
            surveys::response_store::record_response(sql, trust_id, survey.id, each.person.id,
                                                     !survey.anonymous, respondent, day, answers, code);
        }
    }
}

void add_outcomes(soci::session& sql, const accounts::Actor& lead, long long programme_id,
                  const std::vector<std::pair<std::string, std::vector<double>>>& measures,
                  const std::vector<std::string>& terms) {
    std::size_t index = 0;
    for (const auto& each : organisations::store::list_schools(sql, lead.trust_id)) {
        const long long school = each.id;
        if (index++ >= 5)
            break;
        for (const auto& [measure, start] : measures)
            for (std::size_t term = 0; term < terms.size(); ++term) {
                impact::Outcome outcome;
                outcome.school_id = school;
                outcome.term = terms[term];
                outcome.measure = measure;
                // Percentages near the top (attendance) move by tenths, others by points.
                const double step = start.front() > 90 ? (index % 2 ? 0.4 : 0.3) : (index % 2 ? 2.5 : 1.5);
                outcome.value = start[index % start.size()] + static_cast<double>(term) * step;
                impact::store::save_outcome(sql, lead.trust_id, programme_id, outcome, lead.person_id);
            }
    }
}

} // namespace

void load_demo_impact(db::Database& database, const accounts::Actor& lead) {
    Sequence sequence;
    long long behaviour_id = 0;
    {
        db::Transaction transaction(database);
        behaviour_id = add_programme(transaction.session(), lead);
        add_feedback(transaction.session(), lead.trust_id, behaviour_id,
                     staff_in(transaction.session(), lead.trust_id,
                              {StaffGroup::Teacher, StaffGroup::Ect, StaffGroup::Support}),
                     sequence);
        transaction.commit();
    }
    programmes::SessionFeedback feedback(database);
    impact::ImpactService impact(database, feedback);
    std::optional<programmes::Programme> behaviour, questioning;
    {
        auto lease = database.lease();
        behaviour = programmes::store::find_programme(*lease, lead.trust_id, behaviour_id);
        for (const auto& programme : programmes::store::programmes_of(*lease, lead.trust_id))
            if (programme.title.rfind("Questioning", 0) == 0)
                questioning = programme;
    }
    // Plans made as each programme began: their surveys' dates follow from its sessions.
    impact.save_plan(lead, *behaviour,
                     {true, true, true, true, true,
                      "Using the five shared routines in every lesson\nStepping in calmly before things "
                      "escalate\nHaving a restorative conversation that ends well",
                      "Lessons with no low-level disruption on learning walks (%)\nPupil attendance (%)"},
                     "2025-09-01");
    if (questioning)
        impact.save_plan(
            lead, *questioning,
            {true, true, true, true, true,
             "Planning questions that make every pupil think\nUsing wait time well\nHearing from "
             "pupils who rarely speak",
             "Pupils who answered aloud in an observed lesson (%)"},
            "2026-09-01");
    db::Transaction transaction(database);
    soci::session& sql = transaction.session();
    auto surveys_of = [&](long long programme_id, bool before_only) {
        std::vector<surveys::Survey> found;
        for (const auto& survey : surveys::store::surveys_of(sql, lead.trust_id))
            if (survey.programme_id == programme_id && (!before_only || survey.purpose == impact::kBefore))
                found.push_back(survey);
        return found;
    };
    answer_plan(sql, lead.trust_id, surveys_of(behaviour_id, false),
                staff_in(sql, lead.trust_id, {StaffGroup::Teacher, StaffGroup::Ect, StaffGroup::Support}), 70,
                sequence);
    add_outcomes(sql, lead, behaviour_id,
                 {{"Lessons with no low-level disruption on learning walks (%)", {58, 64, 71}},
                  {"Pupil attendance (%)", {92.1, 93.4, 94.0}}},
                 {"2025-autumn", "2026-spring", "2026-summer", "2026-autumn"});
    if (questioning) {
        answer_plan(sql, lead.trust_id, surveys_of(questioning->id, true),
                    staff_in(sql, lead.trust_id, {StaffGroup::Teacher, StaffGroup::Ect}), 76, sequence);
        add_outcomes(sql, lead, questioning->id,
                     {{"Pupils who answered aloud in an observed lesson (%)", {41, 47, 52}}},
                     {"2026-summer", "2026-autumn"});
    }
    transaction.commit();
}

} // namespace trellis::demo

#include "mentoring/service.h"

#include <stdexcept>

#include "accounts/permissions.h"
#include "calendar/school_year.h"
#include "mentoring/store.h"
#include "notifications/store.h"
#include "organisations/model.h"
#include "people/colleagues.h"
#include "priorities/store.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::mentoring {

namespace {

constexpr std::size_t kLongestFocus = 200, kLongestText = 4000;

void require(bool holds, const char* problem) {
    if (!holds)
        throw std::invalid_argument(problem);
}

people::Person colleague(soci::session& sql, long long trust_id, const std::string& email, const char* who) {
    return people::colleague_by_email(sql, trust_id, email,
                                      std::string("There is no member of staff with that email for the ") +
                                          who + ".");
}

std::string pair_link(long long pair_id) {
    return "/mentoring/pairs/" + std::to_string(pair_id);
}

Meeting meeting_from(soci::session& sql, long long trust_id, const MeetingForm& form,
                     const std::string& today, const Meeting* last) {
    Meeting meeting;
    meeting.day = text::trimmed(form.day);
    require(calendar::parse_day(meeting.day) && meeting.day <= today,
            "Give the day you met, today or before.");
    meeting.minutes = text::whole_number_in(form.minutes, "How long you met, in minutes,", 5, 240);
    meeting.focus = text::trimmed(form.focus);
    require(!meeting.focus.empty() && meeting.focus.size() <= kLongestFocus,
            "Say what the meeting focused on, in up to 200 characters.");
    meeting.discussed = text::trimmed(form.discussed);
    require(meeting.discussed.size() <= kLongestText, "Keep what you discussed to 4,000 characters.");
    if (!text::trimmed(form.step).empty()) {
        const auto id = text::positive_id(text::trimmed(form.step));
        const auto step = id ? store::find_step(sql, trust_id, *id) : std::nullopt;
        require(step.has_value(), "Choose a step from the library, or write your own.");
        meeting.step_id = step->id;
        meeting.step_title = step->title;
    }
    meeting.next_step = text::trimmed(form.next_step);
    if (meeting.next_step.empty())
        meeting.next_step = meeting.step_title;
    require(!meeting.next_step.empty() && meeting.next_step.size() <= kLongestFocus * 2,
            "Agree one next step: pick one from the library or write it in up to 400 characters.");
    meeting.next_step_by = text::trimmed(form.next_step_by);
    require(calendar::parse_day(meeting.next_step_by) && meeting.next_step_by >= meeting.day,
            "Give the day the next step is to be tried by, on or after the meeting.");
    const auto tried = tried_from_text(form.last_step_tried);
    if (last) {
        require(tried && *tried != Tried::NotReviewed,
                "Say whether the step agreed last time was tried: yes, in part, or not yet.");
        meeting.last_step_tried = *tried;
    }
    return meeting;
}

} // namespace

bool oversees_mentee(const accounts::Actor& actor, long long mentee_school_id) {
    return accounts::oversees_peer_learning(actor, mentee_school_id);
}

bool oversees_any(const accounts::Actor& actor) {
    return oversees_mentee(actor, actor.school_id);
}

std::vector<Step> MentoringService::steps(const accounts::Actor& actor) {
    auto session = m_database.lease();
    return store::steps(*session, actor.trust_id);
}

long long MentoringService::add_step(const accounts::Actor& actor, const StepForm& form) {
    require(oversees_any(actor), "Only a PD lead adds steps to the library.");
    Step step;
    step.title = text::trimmed(form.title);
    require(!step.title.empty() && step.title.size() <= 120, "Name the step in up to 120 characters.");
    step.description = text::trimmed(form.description);
    require(!step.description.empty() && step.description.size() <= 2000,
            "Describe the step in up to 2,000 characters.");
    step.done_well = text::trimmed(form.done_well);
    require(step.done_well.size() <= 2000, "Keep what it looks like done well to 2,000 characters.");
    step.phase = text::trimmed(form.phase);
    require(step.phase.empty() || organisations::is_known_phase(step.phase), "Choose a phase from the list.");
    db::Transaction transaction(m_database);
    const std::string priority = text::trimmed(form.priority);
    if (!priority.empty()) {
        const auto id = text::positive_id(priority);
        const auto found =
            id ? priorities::store::find_priority(transaction.session(), actor.trust_id, *id) : std::nullopt;
        require(found.has_value(), "Choose one of the trust's priorities, or none.");
        step.priority_id = found->id;
    }
    const long long id = store::insert_step(transaction.session(), actor.trust_id, actor.person_id, step);
    transaction.commit();
    return id;
}

std::vector<Pair> MentoringService::pairs_of(const accounts::Actor& actor) {
    auto session = m_database.lease();
    return store::pairs_of(*session, actor.trust_id, actor.person_id);
}

namespace {

// The schools whose mentoring the actor oversees: -1 for every school, a school's id, or nullopt.
std::optional<long long> oversight_scope(const accounts::Actor& actor) {
    if (accounts::leads_at(actor, 0))
        return -1;
    if (actor.school_id != 0 && accounts::leads_at(actor, actor.school_id))
        return actor.school_id;
    return std::nullopt;
}

} // namespace

std::optional<std::vector<Pair>> MentoringService::overseen(const accounts::Actor& actor) {
    const auto scope = oversight_scope(actor);
    if (!scope)
        return std::nullopt;
    auto session = m_database.lease();
    return store::pairs_in(*session, actor.trust_id, *scope);
}

std::vector<std::pair<std::string, std::string>>
MentoringService::ects_without_mentor(const accounts::Actor& actor) {
    const auto scope = oversight_scope(actor);
    if (!scope)
        return {};
    auto session = m_database.lease();
    return store::ects_without_mentor(*session, actor.trust_id, *scope);
}

std::optional<PairPage> MentoringService::page_for(const accounts::Actor& actor, long long pair_id) {
    auto session = m_database.lease();
    auto pair = store::find_pair(*session, actor.trust_id, pair_id);
    if (!pair || !pair->has(actor.person_id))
        return std::nullopt;
    return PairPage{*pair, store::meetings_of(*session, actor.trust_id, pair_id)};
}

std::optional<Pair> MentoringService::overseen_pair(const accounts::Actor& actor, long long pair_id) {
    auto session = m_database.lease();
    auto pair = store::find_pair(*session, actor.trust_id, pair_id);
    if (!pair || !oversees_mentee(actor, pair->mentee_school_id))
        return std::nullopt;
    return pair;
}

long long MentoringService::pair(const accounts::Actor& lead, PairKind kind, const std::string& mentor_email,
                                 const std::string& mentee_email, const std::string& focus) {
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const people::Person mentee = colleague(sql, lead.trust_id, mentee_email, "mentee");
    require(oversees_mentee(lead, mentee.school_id), "You pair people for your own school's staff only.");
    const people::Person mentor = colleague(sql, lead.trust_id, mentor_email, "mentor");
    require(mentor.id != mentee.id, "A person cannot mentor themselves: choose someone else.");
    Pair pair;
    pair.kind = kind;
    pair.status = PairStatus::Active;
    pair.mentor_id = mentor.id;
    pair.mentee_id = mentee.id;
    pair.focus = text::trimmed(focus);
    require(pair.focus.size() <= kLongestFocus, "Keep the focus to 200 characters.");
    const long long id = store::insert_pair(sql, lead.trust_id, lead.person_id, pair);
    const std::string what = kind == PairKind::Coaching ? "coaching" : "mentoring";
    notifications::store::add_once(sql, lead.trust_id, mentee.id,
                                   mentor.full_name() + " is your " +
                                       (kind == PairKind::Coaching ? "coach" : "mentor") +
                                       ": keep your meetings and next steps here.",
                                   pair_link(id));
    notifications::store::add_once(sql, lead.trust_id, mentor.id,
                                   "You are " + mentee.full_name() + "'s " +
                                       (kind == PairKind::Coaching ? "coach" : "mentor") + ": keep your " +
                                       what + " meetings and next steps here.",
                                   pair_link(id));
    transaction.commit();
    return id;
}

long long MentoringService::request_coach(const accounts::Actor& person, const std::string& focus) {
    Pair pair;
    pair.kind = PairKind::Coaching;
    pair.status = PairStatus::Requested;
    pair.mentee_id = person.person_id;
    pair.focus = text::trimmed(focus);
    require(!pair.focus.empty() && pair.focus.size() <= kLongestFocus,
            "Say what you would like coaching on, in up to 200 characters.");
    db::Transaction transaction(m_database);
    for (const Pair& mine : store::pairs_of(transaction.session(), person.trust_id, person.person_id))
        require(!(mine.status == PairStatus::Requested && mine.mentee_id == person.person_id),
                "You have already asked for a coach; a PD lead will find you one.");
    const long long id = store::insert_pair(transaction.session(), person.trust_id, person.person_id, pair);
    transaction.commit();
    return id;
}

void MentoringService::give_coach(const accounts::Actor& lead, long long pair_id,
                                  const std::string& coach_email) {
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const auto pair = store::find_pair(sql, lead.trust_id, pair_id);
    require(pair && oversees_mentee(lead, pair->mentee_school_id) && pair->status == PairStatus::Requested,
            "That request is not waiting for a coach.");
    const people::Person coach = colleague(sql, lead.trust_id, coach_email, "coach");
    require(coach.id != pair->mentee_id, "A person cannot coach themselves: choose someone else.");
    store::set_coach(sql, lead.trust_id, pair_id, coach.id);
    notifications::store::add_once(sql, lead.trust_id, pair->mentee_id,
                                   coach.full_name() + " will coach you on " + pair->focus + ".",
                                   pair_link(pair_id));
    notifications::store::add_once(sql, lead.trust_id, coach.id,
                                   "You are coaching " + pair->mentee_name + " on " + pair->focus + ".",
                                   pair_link(pair_id));
    transaction.commit();
}

long long MentoringService::keep_meeting(const accounts::Actor& person, long long pair_id,
                                         const MeetingForm& form, const std::string& today) {
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const auto pair = store::find_pair(sql, person.trust_id, pair_id);
    require(pair && pair->has(person.person_id), "There is no such pair.");
    require(pair->status == PairStatus::Active, "This pair is not meeting now.");
    const auto meetings = store::meetings_of(sql, person.trust_id, pair_id);
    const Meeting meeting =
        meeting_from(sql, person.trust_id, form, today, meetings.empty() ? nullptr : &meetings.front());
    const long long id = store::insert_meeting(sql, person.trust_id, pair_id, person.person_id, meeting);
    const long long other = person.person_id == pair->mentor_id ? pair->mentee_id : pair->mentor_id;
    notifications::store::add_to_each(sql, person.trust_id, {other},
                                      person.display_name + " kept your meeting of " + meeting.day +
                                          ": the next step is to be tried by " + meeting.next_step_by + ".",
                                      pair_link(pair_id) + "#meeting-" + std::to_string(id));
    transaction.commit();
    return id;
}

void MentoringService::end(const accounts::Actor& actor, long long pair_id) {
    db::Transaction transaction(m_database);
    const auto pair = store::find_pair(transaction.session(), actor.trust_id, pair_id);
    require(pair && (pair->has(actor.person_id) || oversees_mentee(actor, pair->mentee_school_id)),
            "There is no such pair.");
    store::set_status(transaction.session(), actor.trust_id, pair_id, PairStatus::Ended);
    transaction.commit();
}

} // namespace trellis::mentoring

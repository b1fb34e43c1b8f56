#include "programmes/activity_service.h"
#include "programmes/audience.h"

#include <algorithm>
#include <stdexcept>

#include "accounts/permissions.h"
#include "attendance/store.h"
#include "calendar/school_year.h"
#include "feedback/store.h"
#include "programmes/activity_store.h"
#include "programmes/mechanisms.h"
#include "text/form_values.h"

namespace trellis::programmes {

namespace {

std::string limited(const std::string& typed, const std::string& field, std::size_t limit) {
    std::string kept = text::trimmed(typed);
    if (kept.size() > limit)
        throw std::invalid_argument("Keep " + field + " to " + std::to_string(limit) + " characters.");
    return kept;
}

std::string required(const std::string& typed, const std::string& message, std::size_t limit) {
    std::string kept = limited(typed, "it", limit);
    if (kept.empty())
        throw std::invalid_argument(message);
    return kept;
}

std::string day_within(const std::string& typed, const Programme& programme, const std::string& field) {
    const std::string day = text::trimmed(typed);
    if (!calendar::parse_day(day) || day < programme.starts_on || day > programme.ends_on)
        throw std::invalid_argument(field + " must be a date within the programme, from " +
                                    programme.starts_on + " to " + programme.ends_on + ".");
    return day;
}

void check_times(Activity& activity, const ActivityForm& form) {
    activity.starts_at = text::trimmed(form.starts_at);
    activity.ends_at = text::trimmed(form.ends_at);
    if (!text::is_time(activity.starts_at) || !text::is_time(activity.ends_at) ||
        activity.ends_at <= activity.starts_at)
        throw std::invalid_argument(
            "Give a start and an end time, e.g. 15:45 and 17:00, the end after the start.");
}

void check_live(Activity& activity, const ActivityForm& form) {
    const auto delivery = delivery_from_text(form.delivery);
    if (!delivery)
        throw std::invalid_argument("Say whether the session is in person, online or both.");
    activity.delivery = *delivery;
    if (activity.delivery != Delivery::Online) {
        activity.venue = required(form.venue, "Give the venue of a session held in person.", 200);
        activity.room = limited(form.room, "the room", 200);
        activity.capacity = text::trimmed(form.capacity).empty()
                                ? 0
                                : text::whole_number_in(form.capacity, "The room's capacity", 1, 5000);
    }
    if (activity.delivery != Delivery::InPerson) {
        activity.meeting_url = text::trimmed(form.meeting_url);
        if (!text::is_web_address(activity.meeting_url, 500))
            throw std::invalid_argument("Give the meeting link of an online session, starting https://.");
    }
    activity.evidence = limited(form.evidence, "the evidence or expert", 500);
}

} // namespace

Activity ActivityService::checked(const Programme& programme, const ActivityForm& form) const {
    Activity activity;
    activity.programme_id = programme.id;
    activity.trust_id = programme.trust_id;
    const auto kind = activity_kind_from_text(form.kind);
    if (!kind)
        throw std::invalid_argument("Choose what kind of activity this is.");
    activity.kind = *kind;
    activity.title = required(form.title, "Give the activity a title.", 200);
    activity.details = limited(form.details, "the details", 4000);
    activity.starts_on = day_within(form.starts_on, programme, "The date");
    for (const std::string& group : form.staff_groups) {
        auto known = people::staff_group_from_text(group);
        if (!known)
            throw std::invalid_argument("Choose staff groups from those listed.");
        activity.staff_groups.push_back(*known);
    }
    for (const std::string& code : form.mechanisms) {
        if (!find_mechanism(code))
            throw std::invalid_argument("Choose mechanisms from those listed.");
        activity.mechanisms.push_back(code);
    }
    const bool timed = activity.kind == ActivityKind::Live || activity.kind == ActivityKind::Collaboration;
    if (timed)
        check_times(activity, form);
    else
        activity.due_on = day_within(form.due_on, programme, "The date it is due");
    if (!timed && activity.due_on < activity.starts_on)
        throw std::invalid_argument("The date it is due must be on or after the day it opens.");
    if (activity.kind == ActivityKind::Live)
        check_live(activity, form);
    if (activity.kind == ActivityKind::Collaboration)
        activity.prompt = required(form.prompt, "Give the groups a prompt to work on.", 2000);
    if (activity.kind == ActivityKind::Module) {
        activity.module_slug = text::trimmed(form.module_slug);
        if (!m_content.find(activity.module_slug))
            throw std::invalid_argument("Choose a module from the learning catalogue.");
    }
    return activity;
}

std::vector<Activity> ActivityService::activities(const Programme& programme) {
    auto session = m_database.lease();
    return activity_store::activities_of(*session, programme.trust_id, programme.id);
}

std::optional<Activity> ActivityService::find(const Programme& programme, long long activity_id) {
    auto session = m_database.lease();
    auto activity = activity_store::find_activity(*session, programme.trust_id, activity_id);
    if (!activity || activity->programme_id != programme.id)
        return std::nullopt;
    return activity;
}

long long ActivityService::add(const accounts::Actor& lead, const Programme& programme,
                               const ActivityForm& form) {
    if (!accounts::leads_at(lead, programme.school_id))
        throw std::invalid_argument("Only the programme's lead adds activities.");
    const Activity activity = checked(programme, form);
    db::Transaction transaction(m_database);
    const long long id = activity_store::insert_activity(transaction.session(), activity);
    transaction.commit();
    return id;
}

void ActivityService::update(const accounts::Actor& lead, const Programme& programme, long long activity_id,
                             const ActivityForm& form) {
    if (!accounts::leads_at(lead, programme.school_id))
        throw std::invalid_argument("Only the programme's lead changes activities.");
    Activity activity = checked(programme, form);
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto current = activity_store::find_activity(sql, programme.trust_id, activity_id);
    if (!current || current->programme_id != programme.id)
        throw std::invalid_argument("There is no such activity.");
    activity.id = activity_id;
    activity.position = current->position;
    const bool moved = activity.starts_on != current->starts_on || activity.starts_at != current->starts_at ||
                       activity.ends_at != current->ends_at || activity.due_on != current->due_on;
    activity.revision = current->revision + (moved ? 1 : 0);
    activity_store::update_activity(sql, activity);
    transaction.commit();
}

void ActivityService::move(const accounts::Actor& lead, const Programme& programme, long long activity_id,
                           bool up) {
    if (!accounts::leads_at(lead, programme.school_id))
        throw std::invalid_argument("Only the programme's lead orders activities.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    auto activities = activity_store::activities_of(sql, programme.trust_id, programme.id);
    auto at = std::find_if(activities.begin(), activities.end(),
                           [&](const Activity& a) { return a.id == activity_id; });
    if (at == activities.end())
        throw std::invalid_argument("There is no such activity.");
    auto other = up ? (at == activities.begin() ? activities.end() : at - 1) : at + 1;
    if (other == activities.end())
        return;
    std::iter_swap(at, other);
    // Renumbering all of them mends any duplicate positions left by earlier versions.
    for (std::size_t i = 0; i < activities.size(); ++i)
        activity_store::set_position(sql, programme.trust_id, activities[i].id, static_cast<int>(i) + 1);
    transaction.commit();
}

void ActivityService::remove(const accounts::Actor& lead, const Programme& programme, long long activity_id) {
    if (!accounts::leads_at(lead, programme.school_id))
        throw std::invalid_argument("Only the programme's lead removes activities.");
    // The connection is given back before the activity's files go (on S3, a request each).
    const auto files = [&] {
        db::Transaction transaction(m_database);
        auto& sql = transaction.session();
        const auto current = activity_store::find_activity(sql, programme.trust_id, activity_id);
        if (!current || current->programme_id != programme.id)
            throw std::invalid_argument("There is no such activity.");
        // What hangs off the activity in other areas goes with it.
        attendance::store::forget_session(sql, programme.trust_id,
                                          {attendance::SessionKind::Activity, activity_id});
        feedback::store::forget(sql, programme.trust_id, {feedback::AboutKind::Activity, activity_id});
        auto forgotten =
            m_materials.forget_owner(sql, programme.trust_id, {library::OwnerKind::Activity, activity_id});
        activity_store::delete_activity(sql, programme.trust_id, activity_id);
        transaction.commit();
        return forgotten;
    }();
    m_materials.delete_files(files);
}

ActivityForm ActivityService::form_of(const Activity& activity) {
    ActivityForm form;
    form.kind = text_of(activity.kind);
    form.title = activity.title;
    form.details = activity.details;
    form.starts_on = activity.starts_on;
    form.starts_at = activity.starts_at;
    form.ends_at = activity.ends_at;
    form.due_on = activity.due_on;
    for (const auto group : activity.staff_groups)
        form.staff_groups.push_back(people::text_of(group));
    form.mechanisms = activity.mechanisms;
    form.delivery = text_of(activity.delivery);
    form.venue = activity.venue;
    form.room = activity.room;
    form.capacity = activity.capacity ? std::to_string(activity.capacity) : "";
    form.meeting_url = activity.meeting_url;
    form.evidence = activity.evidence;
    form.module_slug = activity.module_slug;
    form.prompt = activity.prompt;
    return form;
}

std::vector<people::Person> ActivityService::people_for(const Programme& programme,
                                                        const Activity& activity) {
    auto session = m_database.lease();
    return people_expected(*session, programme, activity);
}

} // namespace trellis::programmes

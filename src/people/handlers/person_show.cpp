#include "accounts/permissions.h"
#include "http/response.h"
#include "learning/handlers/handlers.h"
#include "people/handlers/handlers.h"
#include "text/dates.h"

namespace trellis::people::handlers {

void person_show(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    auto person_id = context.id_capture(1);
    auto person = person_id ? context.app.people.person(actor.trust_id, *person_id) : std::nullopt;
    // The same answer for "not in your trust" and "not yours to see": ids reveal nothing.
    if (!person || !accounts::may_view_person(actor, *person))
        return http::render_error(context, 404, "There is no such person, or you cannot see their page.");
    mstch::map data{{"id", std::to_string(person->id)},
                    {"name", person->full_name()},
                    {"email", person->email},
                    {"school", person->school_id ? person->school_name : "Central team"},
                    {"group", label_of(person->staff_group)},
                    {"job_title", person->job_title},
                    {"phase", person->phase},
                    {"subjects", person->subjects},
                    {"role", label_of(person->role)},
                    {"is_self", person->id == actor.person_id},
                    {"has_left", person->has_left()},
                    {"erased", person->erased_at != 0},
                    {"can_export", accounts::may_export_person_data(actor, *person)},
                    {"can_erase", accounts::allows(actor, accounts::Permission::ManagePeople) &&
                                      person->id != actor.person_id && person->erased_at == 0 &&
                                      person->role != Role::Admin},
                    {"left_on", person->has_left() ? text::day_of(person->left_at) : std::string()},
                    {"can_manage", accounts::allows(actor, accounts::Permission::ManagePeople)},
                    {"can_mark_leaver", accounts::allows(actor, accounts::Permission::ManagePeople) &&
                                            person->id != actor.person_id},
                    {"can_reset", accounts::allows(actor, accounts::Permission::CreateResetLink) &&
                                      person->id != actor.person_id && !person->has_left()}};
    if (person->erased_at != 0)
        data["can_mark_leaver"] = data["can_manage"] = false;
    for (const char* flag : {"saved", "left", "returned", "erased"})
        if (context.query(flag) == "1")
            data[std::string(flag) + "_now"] = true;
    for (auto& [key, value] : learning::handlers::certificates_section(
             context, learning::Learner{person->trust_id, person->id, person->full_name()}))
        data[key] = value;
    http::render_page(context, "people/show", person->full_name(), data);
}

} // namespace trellis::people::handlers

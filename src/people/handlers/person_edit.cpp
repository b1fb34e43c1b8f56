#include <stdexcept>

#include "http/response.h"
#include "people/handlers/handlers.h"

namespace trellis::people::handlers {

namespace {

PersonEdit edit_of(const Person& person) {
    return PersonEdit{
        person.first_name,           person.last_name, person.email,        std::to_string(person.school_id),
        text_of(person.staff_group), person.job_title, text_of(person.role)};
}

PersonEdit read_edit(const http::RequestContext& context) {
    return PersonEdit{context.form("first_name"), context.form("last_name"),   context.form("email"),
                      context.form("school_id"),  context.form("staff_group"), context.form("job_title"),
                      context.form("role")};
}

template <typename Value, typename Label>
mstch::array options(const std::vector<Value>& values, const std::string& selected, Label label) {
    mstch::array result;
    for (const Value& value : values)
        result.push_back(mstch::map{
            {"value", text_of(value)}, {"label", label(value)}, {"selected", text_of(value) == selected}});
    return result;
}

void show_edit(http::RequestContext& context, const Person& person, const PersonEdit& edit,
               const std::string& error, int status) {
    mstch::array schools{mstch::map{{"value", std::string("0")},
                                    {"label", std::string("Central team")},
                                    {"selected", edit.school_id == "0"}}};
    for (const auto& school : context.app.organisations.schools(person.trust_id))
        schools.push_back(mstch::map{{"value", std::to_string(school.id)},
                                     {"label", school.name},
                                     {"selected", std::to_string(school.id) == edit.school_id}});
    const std::vector<StaffGroup> groups{StaffGroup::Teacher, StaffGroup::Ect, StaffGroup::Support,
                                         StaffGroup::Leader};
    const std::vector<Role> roles{Role::Staff, Role::SchoolPdLead, Role::TrustPdLead, Role::Admin};
    mstch::map data{{"id", std::to_string(person.id)},
                    {"name", person.full_name()},
                    {"first_name", edit.first_name},
                    {"last_name", edit.last_name},
                    {"email", edit.email},
                    {"job_title", edit.job_title},
                    {"schools", schools},
                    {"groups", options(groups, edit.staff_group, [](StaffGroup g) { return label_of(g); })},
                    {"roles", options(roles, edit.role, [](Role r) { return label_of(r); })}};
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "people/edit", "Edit " + person.full_name(), data, status);
}

} // namespace

std::optional<Person> person_in_route(http::RequestContext& context) {
    auto person_id = context.id_capture(1);
    auto person =
        person_id ? context.app.people.person(context.signed_in().trust_id, *person_id) : std::nullopt;
    if (!person)
        http::render_error(context, 404, "There is no such person.");
    return person;
}

void person_edit(http::RequestContext& context) {
    if (auto person = person_in_route(context))
        show_edit(context, *person, edit_of(*person), "", 200);
}

void person_update(http::RequestContext& context) {
    auto person = person_in_route(context);
    if (!person)
        return;
    const PersonEdit edit = read_edit(context);
    try {
        context.app.people.update_person(person->trust_id, context.signed_in().person_id, person->id, edit);
    } catch (const std::invalid_argument& error) {
        return show_edit(context, *person, edit, error.what(), 400);
    }
    http::redirect(context, "/people/" + std::to_string(person->id) + "?saved=1");
}

void person_leaver(http::RequestContext& context) {
    auto person = person_in_route(context);
    if (!person)
        return;
    const bool left = context.form("left") == "1";
    try {
        context.app.people.set_left(person->trust_id, context.signed_in().person_id, person->id, left);
    } catch (const std::invalid_argument& error) {
        return http::render_error(context, 400, error.what());
    }
    http::redirect(context, "/people/" + std::to_string(person->id) + (left ? "?left=1" : "?returned=1"));
}

} // namespace trellis::people::handlers

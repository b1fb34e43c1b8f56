#include "accounts/permissions.h"
#include "http/response.h"
#include "people/handlers/handlers.h"
#include "text/url.h"
#include "text/words.h"

namespace trellis::people::handlers {

namespace {

mstch::array group_options(const std::optional<StaffGroup>& selected) {
    mstch::array options;
    for (StaffGroup group : {StaffGroup::Teacher, StaffGroup::Ect, StaffGroup::Support, StaffGroup::Leader})
        options.push_back(mstch::map{
            {"value", text_of(group)}, {"label", label_of(group)}, {"selected", selected == group}});
    return options;
}

} // namespace

void people_list(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    DirectoryQuery query;
    query.text = context.query("q");
    query.staff_group = staff_group_from_text(context.query("group"));
    query.page = http::page_number(context.query("page"));
    query.leavers = context.query("status") == "left";
    const long long scope = accounts::directory_school_scope(actor);
    if (scope >= 0)
        query.school_id = scope;
    else if (context.query("school") == "central")
        query.school_id = 0;
    else if (auto school_id = http::parse_id(context.query("school")))
        query.school_id = *school_id;

    const DirectoryPage page = context.app.people.directory(actor.trust_id, query);
    mstch::array rows;
    for (const Person& person : page.people)
        rows.push_back(mstch::map{{"id", std::to_string(person.id)},
                                  {"name", person.last_name + ", " + person.first_name},
                                  {"email", person.email},
                                  {"school", person.school_id ? person.school_name : "Central team"},
                                  {"group", label_of(person.staff_group)},
                                  {"job_title", person.job_title}});
    mstch::array schools;
    if (scope < 0) {
        schools.push_back(mstch::map{{"value", std::string("central")},
                                     {"label", std::string("Central team")},
                                     {"selected", query.school_id == 0}});
        for (const auto& school : context.app.organisations.schools(actor.trust_id))
            schools.push_back(mstch::map{{"value", std::to_string(school.id)},
                                         {"label", school.name},
                                         {"selected", query.school_id == school.id}});
    }

    const long long pages = std::max<long long>(1, (page.total + query.page_size - 1) / query.page_size);
    auto page_link = [&](long long number) {
        return "/people?q=" + text::url_encode(query.text) +
               "&group=" + text::url_encode(context.query("group")) +
               "&school=" + text::url_encode(context.query("school")) +
               "&status=" + text::url_encode(context.query("status")) + "&page=" + std::to_string(number);
    };
    mstch::map data{{"q", query.text},
                    {"rows", rows},
                    {"any", !rows.empty()},
                    {"total", std::to_string(page.total)},
                    {"found", text::counted(page.total, "person", "people")},
                    {"groups", group_options(query.staff_group)},
                    {"leavers", query.leavers},
                    {"schools", schools},
                    {"can_filter_school", scope < 0},
                    {"page", std::to_string(query.page)},
                    {"pages", std::to_string(pages)}};
    if (query.page > 1)
        data["previous"] = page_link(query.page - 1);
    if (query.page < pages)
        data["next"] = page_link(query.page + 1);
    http::render_page(context, "people/list", "People", data);
}

} // namespace trellis::people::handlers

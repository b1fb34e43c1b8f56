#include <stdexcept>

#include "accounts/permissions.h"
#include "http/response.h"
#include "people/handlers/handlers.h"
#include "privacy/handlers/handlers.h"

namespace trellis::privacy::handlers {

void personal_data_download(http::RequestContext& context) {
    auto person_id = context.id_capture(1);
    auto person =
        person_id ? context.app.people.person(context.signed_in().trust_id, *person_id) : std::nullopt;
    // The same answer for "not in your trust" and "not yours": ids reveal nothing.
    if (!person || !accounts::may_export_person_data(context.signed_in(), *person))
        return http::render_error(context, 404,
                                  "There is no such person, or you cannot download their data.");
    context.response.set_header("Content-Disposition", "attachment; filename=\"trellis-data-" +
                                                           std::to_string(person->id) + ".json\"");
    context.response.set_content(context.app.personal_data.export_json(person->trust_id, person->id),
                                 "application/json");
}

void erase_show(http::RequestContext& context) {
    auto person = people::handlers::person_in_route(context);
    if (!person)
        return;
    http::render_page(context, "privacy/erase", "Erase " + person->full_name(),
                      mstch::map{{"id", std::to_string(person->id)}, {"name", person->full_name()}});
}

void erase_submit(http::RequestContext& context) {
    auto person = people::handlers::person_in_route(context);
    if (!person)
        return;
    try {
        context.app.personal_data.erase(person->trust_id, context.signed_in().person_id, person->id);
    } catch (const std::invalid_argument& error) {
        return http::render_error(context, 400, error.what());
    }
    http::redirect(context, "/people/" + std::to_string(person->id) + "?erased=1");
}

} // namespace trellis::privacy::handlers

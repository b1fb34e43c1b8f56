#include "organisations/handlers/handlers.h"

#include <stdexcept>

#include "http/response.h"
#include "text/words.h"

namespace trellis::organisations::handlers {

namespace {

const std::pair<const char*, const char*> kPhases[] = {{"primary", "Primary"},
                                                       {"secondary", "Secondary"},
                                                       {"special", "Special"},
                                                       {"all-through", "All-through"}};

std::string phase_label(const std::string& phase) {
    for (const auto& [value, label] : kPhases)
        if (phase == value)
            return label;
    return phase;
}

// The page, with what was typed kept and the error (if any) beside the form it came from.
void show_schools(http::RequestContext& context, const mstch::map& extra, int status) {
    const auto schools = context.app.organisations.schools(context.signed_in().trust_id);
    mstch::array rows, phases;
    for (const School& school : schools)
        rows.push_back(mstch::map{
            {"id", std::to_string(school.id)}, {"name", school.name}, {"phase", phase_label(school.phase)}});
    const std::string chosen_phase = context.form("phase");
    for (const auto& [value, label] : kPhases)
        phases.push_back(mstch::map{{"value", std::string(value)},
                                    {"label", std::string(label)},
                                    {"selected", chosen_phase == value}});
    mstch::map data{{"schools", rows},
                    {"count", text::counted(static_cast<long long>(schools.size()), "school", "schools")},
                    {"phases", phases}};
    data["fewest"] = std::to_string(kFewestReportable);
    data["most"] = std::to_string(kMostReportable);
    if (context.query("saved") == "1")
        data["saved"] = true;
    for (const auto& [key, value] : extra)
        data[key] = value;
    http::render_page(context, "organisations/schools", "Schools", data, status);
}

} // namespace

void schools_list(http::RequestContext& context) {
    show_schools(context, {}, 200);
}

void school_create(http::RequestContext& context) {
    try {
        context.app.organisations.add_school(context.signed_in().trust_id, context.signed_in().person_id,
                                             context.form("name"), context.form("phase"));
    } catch (const std::invalid_argument& error) {
        return show_schools(
            context, mstch::map{{"add_error", std::string(error.what())}, {"new_name", context.form("name")}},
            400);
    }
    http::redirect(context, "/schools?saved=1");
}

void smallest_group_set(http::RequestContext& context) {
    const std::string typed = text::trimmed(context.form("smallest_group"));
    try {
        std::size_t used = 0;
        const int smallest = typed.empty() || typed.size() > 3 ? -1 : std::stoi(typed, &used);
        if (used != typed.size())
            throw std::invalid_argument("");
        context.app.organisations.set_smallest_group(context.signed_in().trust_id,
                                                     context.signed_in().person_id, smallest);
    } catch (const std::logic_error&) {
        return show_schools(context,
                            mstch::map{{"smallest_error", "Type a whole number of people from " +
                                                              std::to_string(kFewestReportable) + " to " +
                                                              std::to_string(kMostReportable) + "."},
                                       {"typed_smallest", typed}},
                            400);
    }
    http::redirect(context, "/schools?saved=1#reports");
}

void school_rename(http::RequestContext& context) {
    auto school_id = context.id_capture(1);
    const auto schools = context.app.organisations.schools(context.signed_in().trust_id);
    const bool ours = school_id && std::any_of(schools.begin(), schools.end(),
                                               [&](const School& school) { return school.id == *school_id; });
    if (!ours)
        return http::render_error(context, 404, "There is no such school.");
    try {
        context.app.organisations.rename_school(context.signed_in().trust_id, context.signed_in().person_id,
                                                *school_id, context.form("name"));
    } catch (const std::invalid_argument& error) {
        return show_schools(context, mstch::map{{"rename_error", std::string(error.what())}}, 400);
    }
    http::redirect(context, "/schools?saved=1");
}

} // namespace trellis::organisations::handlers

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "http/response.h"
#include "jobs/model.h"
#include "people/handlers/handlers.h"
#include "people/staff_import.h"
#include "text/words.h"

namespace trellis::people::handlers {

namespace {

constexpr std::size_t kMaxProblemsShown = 500;

mstch::map summary_data(const ImportSummary& summary) {
    mstch::array problems;
    for (std::size_t i = 0; i < summary.problems.size() && i < kMaxProblemsShown; ++i) {
        const ImportProblem& problem = summary.problems[i];
        problems.push_back(mstch::map{{"row", std::to_string(problem.row)},
                                      {"column", problem.column.empty() ? std::string("—") : problem.column},
                                      {"message", problem.message}});
    }
    mstch::array missing;
    for (std::size_t i = 0; i < summary.not_in_file.size() && i < kMaxProblemsShown; ++i) {
        const Person& person = summary.not_in_file[i];
        missing.push_back(mstch::map{{"id", std::to_string(person.id)},
                                     {"name", person.full_name()},
                                     {"school", person.school_id ? person.school_name : "Central team"}});
    }
    return mstch::map{{"id", std::to_string(summary.import_id)},
                      {"not_in_file", missing},
                      {"any_not_in_file", !missing.empty()},
                      {"not_in_file_count",
                       text::counted(static_cast<long long>(summary.not_in_file.size()), "person", "people")},
                      {"filename", summary.filename},
                      {"rows", std::to_string(summary.rows)},
                      {"to_create", std::to_string(summary.to_create)},
                      {"to_update", std::to_string(summary.to_update)},
                      {"problem_count",
                       text::counted(static_cast<long long>(summary.problems.size()), "problem", "problems")},
                      {"problems", problems},
                      {"more_problems", summary.problems.size() > kMaxProblemsShown},
                      {"has_problems", !summary.problems.empty()},
                      {"committed", summary.status == "committed"}};
}

mstch::array column_names() {
    mstch::array names;
    for (const std::string& column : staff_file_columns())
        names.push_back(mstch::map{{"name", column}});
    return names;
}

} // namespace

void import_new(http::RequestContext& context) {
    http::render_page(context, "people/import_new", "Import staff", mstch::map{{"columns", column_names()}});
}

void import_preview(http::RequestContext& context) {
    if (!context.request.has_file("file") || context.request.get_file_value("file").content.empty())
        return http::render_page(
            context, "people/import_new", "Import staff",
            mstch::map{{"columns", column_names()}, {"error", std::string("Choose a CSV file to upload.")}},
            400);
    const auto& file = context.request.get_file_value("file");
    const accounts::Actor& actor = context.signed_in();
    ImportSummary summary;
    try {
        summary = context.app.people.preview_import(actor.trust_id, actor.person_id,
                                                    file.filename.empty() ? "staff.csv" : file.filename,
                                                    file.content);
    } catch (const std::invalid_argument& error) {
        return http::render_page(
            context, "people/import_new", "Import staff",
            mstch::map{{"columns", column_names()}, {"error", std::string(error.what())}}, 413);
    }
    http::redirect(context, "/people/imports/" + std::to_string(summary.import_id));
}

void import_show(http::RequestContext& context) {
    const long long trust_id = context.signed_in().trust_id;
    auto import_id = context.id_capture(1);
    auto job = import_id ? context.app.jobs.find(trust_id, jobs::kStaffImport, *import_id) : std::nullopt;
    if (job && !job->finished()) {
        const long long percent = job->total ? job->done * 100 / job->total : 0;
        return http::render_page(context, "people/import_running", "Importing staff",
                                 mstch::map{{"id", std::to_string(*import_id)},
                                            {"done", std::to_string(job->done)},
                                            {"total", std::to_string(job->total)},
                                            {"percent", std::to_string(percent)}});
    }
    auto summary = import_id ? context.app.people.import_summary(trust_id, *import_id) : std::nullopt;
    if (!summary)
        return http::render_error(context, 404, "There is no such import.");
    mstch::map data = summary_data(*summary);
    if (job && job->state == jobs::JobState::Failed)
        data["error"] = job->error;
    http::render_page(context, "people/import_show", "Check the staff file", data);
}

void import_commit(http::RequestContext& context) {
    const long long trust_id = context.signed_in().trust_id;
    auto import_id = context.id_capture(1);
    if (!import_id || !context.app.people.import_exists(trust_id, *import_id))
        return http::render_error(context, 404, "There is no such import.");
    context.app.jobs.queue(trust_id, jobs::kStaffImport, *import_id);
    http::redirect(context, "/people/imports/" + std::to_string(*import_id));
}

void import_progress(http::RequestContext& context) {
    const long long trust_id = context.signed_in().trust_id;
    auto import_id = context.id_capture(1);
    if (!import_id || !context.app.people.import_exists(trust_id, *import_id))
        return http::render_error(context, 404, "There is no such import.");
    auto job = context.app.jobs.find(trust_id, jobs::kStaffImport, *import_id);
    nlohmann::json body;
    if (!job) {
        body = {{"state", "idle"}};
    } else {
        const char* state = !job->finished()                     ? "running"
                            : job->state == jobs::JobState::Done ? "done"
                                                                 : "failed";
        body = {{"state", state}, {"done", job->done}, {"total", job->total}, {"error", job->error}};
    }
    context.response.set_content(body.dump(), "application/json");
}

} // namespace trellis::people::handlers

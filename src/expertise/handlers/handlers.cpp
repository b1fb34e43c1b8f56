// Who can help with …: the trust's directory of its own expertise, searched by anyone on its staff;
// a person's own entry with what Trellis knows of their work; and the requests colleagues send them.
#include "expertise/handlers/handlers.h"

#include <algorithm>
#include <stdexcept>

#include "http/app.h"
#include "http/response.h"
#include "text/dates.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::expertise::handlers {

namespace {

mstch::array topics_view(const std::vector<Topic>& topics) {
    mstch::array views;
    for (const Topic& topic : topics)
        views.push_back(mstch::map{{"text", topic.text}, {"priority", topic.priority_id != 0}});
    return views;
}

mstch::array work_view(const std::vector<Work>& work) {
    mstch::array views;
    for (const Work& done : work)
        views.push_back(mstch::map{{"text", done.text}, {"detail", done.detail}});
    return views;
}

// The trust's priorities as options, those in `chosen` marked.
mstch::array priority_options(http::RequestContext& context, const std::vector<std::string>& chosen) {
    mstch::array options;
    for (const auto& priority : context.app.priorities.view(context.signed_in()).trust) {
        const std::string value = std::to_string(priority.id);
        options.push_back(
            mstch::map{{"value", value},
                       {"label", priority.title},
                       {"checked", std::find(chosen.begin(), chosen.end(), value) != chosen.end()}});
    }
    return options;
}

mstch::map expert_view(const Expert& expert, long long viewer_id, const std::string& asked_id,
                       const std::string& typed_about, const std::string& error) {
    const std::string id = std::to_string(expert.person_id);
    const bool asking = asked_id == id;
    mstch::map view{{"id", id},
                    {"name", expert.name},
                    {"job_title", expert.job_title},
                    {"school", expert.school_name.empty() ? std::string("Central team") : expert.school_name},
                    {"offer", expert.offer},
                    {"topics", topics_view(expert.topics)},
                    {"work", work_view(expert.work)},
                    {"any_work", !expert.work.empty()},
                    {"yourself", expert.person_id == viewer_id},
                    {"open", asking},
                    {"about", asking ? typed_about : std::string()}};
    if (asking && !error.empty())
        view["error"] = error;
    return view;
}

void show_directory(http::RequestContext& context, const std::string& asked_id,
                    const std::string& typed_about, const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const std::string typed = text::trimmed(context.query("q"));
    const std::string priority = context.query("priority");
    const long long priority_id = text::positive_id(priority).value_or(0);
    mstch::array experts;
    const auto found = context.app.expertise.search(actor, typed, priority_id, context.app.clock.today());
    for (const Expert& expert : found)
        experts.push_back(expert_view(expert, actor.person_id, asked_id, typed_about, error));
    const bool searched = !typed.empty() || priority_id != 0;
    mstch::map data{{"q", typed},
                    {"priorities", priority_options(context, {priority})},
                    {"experts", experts},
                    {"any", !experts.empty()},
                    {"searched", searched},
                    {"count", text::counted(static_cast<long long>(found.size()), "colleague", "colleagues")},
                    {"listed", context.app.expertise.entry_of(actor).has_value()}};
    if (context.query("asked") == "1")
        data["notice"] =
            std::string("Your request is on your colleague's home page. They will get in touch.");
    http::render_page(context, "expertise/directory", "Who can help with …", std::move(data), status);
}

void show_entry(http::RequestContext& context, const EntryForm& typed, const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const auto entry = context.app.expertise.entry_of(actor);
    mstch::array requests;
    long long open = 0;
    for (const Request& request : context.app.expertise.requests_to(actor)) {
        open += request.answered ? 0 : 1;
        requests.push_back(mstch::map{
            {"id", std::to_string(request.id)},
            {"who", request.asker_name},
            {"email", request.asker_email},
            {"school", request.asker_school.empty() ? std::string("Central team") : request.asker_school},
            {"about", request.about},
            {"when", text::day_of(request.created_at)},
            {"answered", request.answered}});
    }
    const auto work = context.app.expertise.work_of(actor, context.app.clock.today());
    mstch::map data{{"listed", entry.has_value()},
                    {"offer", typed.offer},
                    {"tags", typed.tags},
                    {"priorities", priority_options(context, typed.priorities)},
                    {"show_work", typed.show_work},
                    {"work", work_view(work)},
                    {"any_work", !work.empty()},
                    {"requests", requests},
                    {"any_requests", !requests.empty()},
                    {"open_requests", text::counted(open, "request", "requests")}};
    if (!error.empty())
        data["error"] = error;
    if (context.query("saved") == "1")
        data["notice"] = std::string("You are in the directory. Colleagues can find you and ask for help.");
    if (context.query("left") == "1")
        data["notice"] = std::string("You are no longer in the directory.");
    http::render_page(context, "expertise/mine", "Your entry in Who can help with …", std::move(data),
                      status);
}

// The entry's form filled in from what is saved.
EntryForm form_of(const std::optional<Expert>& entry) {
    EntryForm form;
    if (!entry)
        return form;
    form.offer = entry->offer;
    form.show_work = entry->show_work;
    std::vector<std::string> tags;
    for (const Topic& topic : entry->topics) {
        if (topic.priority_id)
            form.priorities.push_back(std::to_string(topic.priority_id));
        else
            tags.push_back(topic.text);
    }
    form.tags = text::joined(tags, ", ");
    return form;
}

} // namespace

void directory_show(http::RequestContext& context) {
    show_directory(context, "", "", "", 200);
}

void entry_show(http::RequestContext& context) {
    show_entry(context, form_of(context.app.expertise.entry_of(context.signed_in())), "", 200);
}

void entry_save(http::RequestContext& context) {
    const EntryForm typed{context.form("offer"), context.form("tags"), context.form_all("priorities"),
                          context.form("show_work") == "1"};
    try {
        context.app.expertise.save(context.signed_in(), typed);
    } catch (const std::invalid_argument& problem) {
        return show_entry(context, typed, problem.what(), 400);
    }
    http::redirect(context, "/expertise/mine?saved=1");
}

void entry_leave(http::RequestContext& context) {
    context.app.expertise.leave(context.signed_in());
    http::redirect(context, "/expertise/mine?left=1");
}

void help_ask(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    const auto expert = id ? context.app.expertise.find_listed(context.signed_in(), *id) : std::nullopt;
    if (!expert)
        return http::render_error(context, 404, "There is no such colleague in the directory.");
    const std::string about = context.form("about");
    try {
        context.app.expertise.ask(context.signed_in(), expert->person_id, about);
    } catch (const std::invalid_argument& problem) {
        return show_directory(context, std::to_string(expert->person_id), about, problem.what(), 400);
    }
    http::redirect(context, "/expertise?asked=1");
}

void request_answered(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    if (!id || !context.app.expertise.mark_answered(context.signed_in(), *id))
        return http::render_error(context, 404, "There is no such request for you.");
    http::redirect(context, "/expertise/mine#requests");
}

} // namespace trellis::expertise::handlers

// Taking a module: its pages, saving each block, carrying on later, and its media files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "http/file_response.h"
#include "http/response.h"
#include "learning/handlers/block_views.h"
#include "learning/handlers/handlers.h"
#include "learning/handlers/lookup.h"
#include "text/words.h"

namespace trellis::learning::handlers {

namespace {

struct PageRender {
    std::string error_block; // the block whose answer was refused, if any
    std::string error;
    const Submission* submitted = nullptr;
    int status = 200;
};

std::string page_address(const content::Module& module, std::size_t page_index) {
    return module_address(module) + std::to_string(page_index + 1);
}

bool page_is_done(const content::Page& page, const BlockStates& states) {
    bool any = false;
    for (const content::Block& block : page.blocks) {
        if (!block.required)
            continue;
        any = true;
        if (!states.is_done(block.id))
            return false;
    }
    return any;
}

std::string block_label(const content::Page& page, const content::Block& block) {
    const std::string type(content::block_type_name(block.type));
    static const std::map<std::string, std::string> labels = {{"quiz", "Quiz"},
                                                              {"scenario", "Scenario"},
                                                              {"sort", "Sorting activity"},
                                                              {"reflection", "Reflection"},
                                                              {"video", "Video case study"},
                                                              {"resource", "Printable resource"},
                                                              {"actionplan", "Action plan"}};
    return labels.at(type) + " on “" + page.title + "”";
}

mstch::array remaining_blocks(const content::Module& module, const BlockStates& states) {
    mstch::array remaining;
    for (std::size_t page = 0; page < module.pages.size(); ++page)
        for (const content::Block& block : module.pages[page].blocks)
            if (block.required && !states.is_done(block.id))
                remaining.push_back(mstch::map{{"id", block.id},
                                               {"href", page_address(module, page) + "#block-" + block.id},
                                               {"label", block_label(module.pages[page], block)}});
    return remaining;
}

void render_module_page(http::RequestContext& context, const ModuleInContext& found, std::size_t page_index,
                        const ModuleStanding& standing, const BlockStates& states, const PageRender& render) {
    const content::Module& module = *found.module;
    const content::Page& page = module.pages[page_index];
    std::string blocks;
    for (const content::Block& block : page.blocks) {
        const bool refused = block.id == render.error_block && !block.id.empty();
        blocks += render_block(context.app.views,
                               BlockView{*found.library, module, static_cast<int>(page_index) + 1, block,
                                         states, context.csrf_token, refused ? render.error : "",
                                         refused ? render.submitted : nullptr});
    }
    mstch::array pages;
    for (std::size_t i = 0; i < module.pages.size(); ++i)
        pages.push_back(mstch::map{{"href", page_address(module, i)},
                                   {"title", module.pages[i].title},
                                   {"current", i == page_index},
                                   {"done", page_is_done(module.pages[i], states)}});
    const bool last = page_index + 1 == module.pages.size();
    mstch::map data{{"slug", module.slug},
                    {"module_title", module.title},
                    {"page_title", page.title},
                    {"number", std::to_string(page_index + 1)},
                    {"count", std::to_string(module.pages.size())},
                    {"pages", pages},
                    {"blocks", blocks},
                    {"percent", std::to_string(standing.percent())},
                    {"minutes_left", text::counted(minutes_left(module, standing), "minute", "minutes")},
                    {"complete", standing.complete()},
                    {"last", last},
                    {"remaining", last ? remaining_blocks(module, states) : mstch::array{}},
                    {"previous", page_index > 0 ? page_address(module, page_index - 1) : std::string()},
                    {"next", last ? std::string() : page_address(module, page_index + 1)},
                    {"next_title", last ? std::string() : module.pages[page_index + 1].title}};
    http::render_page(context, "learning/page", page.title + " · " + module.title, data, render.status);
}

Submission submission_of(const httplib::Request& request) {
    Submission submission;
    for (const auto& [name, value] : request.params)
        if (name != "_csrf")
            submission.fields.emplace(name, value);
    // Blocks are posted as multipart/form-data, whose text fields arrive as parts without a file name.
    for (const auto& [name, part] : request.files)
        if (name != "_csrf" && part.filename.empty())
            submission.fields.emplace(name, part.content);
    return submission;
}

void answer_json(http::RequestContext& context, const ModuleInContext& found, int page_number,
                 const content::Block& block, const SaveOutcome& outcome) {
    const content::Module& module = *found.module;
    nlohmann::json body = {
        {"saved", outcome.result.error.empty()},
        {"error", outcome.result.error},
        {"done", outcome.result.done},
        {"percent", outcome.standing.percent()},
        {"minutes_left", minutes_left(module, outcome.standing)},
        {"time_left", text::counted(minutes_left(module, outcome.standing), "minute", "minutes")},
        {"complete", outcome.standing.complete()},
        {"completed_now", outcome.completed_now},
        {"certificate", outcome.standing.complete() ? "/learning/" + module.slug + "/certificate" : ""},
        {"html",
         render_block(context.app.views, BlockView{*found.library, module, page_number, block, outcome.states,
                                                   context.csrf_token, outcome.result.error})}};
    context.response.status = outcome.result.error.empty() ? 200 : 422;
    context.response.set_content(body.dump(), "application/json");
}

const char* media_type_of(const std::string& extension) {
    static const std::map<std::string, const char*> types = {
        {".png", "image/png"},      {".jpg", "image/jpeg"},    {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},      {".svg", "image/svg+xml"}, {".webp", "image/webp"},
        {".webm", "video/webm"},    {".mp4", "video/mp4"},     {".vtt", "text/vtt; charset=utf-8"},
        {".pdf", "application/pdf"}};
    auto found = types.find(extension);
    return found == types.end() ? nullptr : found->second;
}

} // namespace

void module_continue(http::RequestContext& context) {
    auto found = module_in(context);
    if (!found)
        return;
    const Learner learner = learner_of(context.signed_in());
    const ModuleStanding standing = context.app.learning.standing(learner, *found->module);
    http::redirect(context, resume_address(*found->module, standing,
                                           context.app.learning.block_states(learner, *found->module)));
}

void module_page(http::RequestContext& context) {
    auto found = module_in(context);
    if (!found)
        return;
    const auto number = context.id_capture(2);
    if (!number || *number > static_cast<long long>(found->module->pages.size()))
        return http::render_error(context, 404, "This module has no page with that number.");
    auto [standing, states] = context.app.learning.open_page(learner_of(context.signed_in()), *found->module,
                                                             static_cast<int>(*number));
    render_module_page(context, *found, static_cast<std::size_t>(*number - 1), standing, states, {});
}

void block_submit(http::RequestContext& context) {
    auto found = module_in(context);
    if (!found)
        return;
    const auto located = content::find_block(*found->module, context.capture(2));
    if (!located.block)
        return http::render_error(context, 404, "This module has no activity with that name.");
    const Learner learner = learner_of(context.signed_in());
    const Submission submission = submission_of(context.request);
    const SaveOutcome outcome =
        context.app.learning.submit(learner, *found->module, located.page_number, *located.block, submission);
    if (context.wants_json())
        return answer_json(context, *found, located.page_number, *located.block, outcome);
    if (!outcome.result.error.empty()) {
        return render_module_page(context, *found, static_cast<std::size_t>(located.page_number - 1),
                                  outcome.standing, outcome.states,
                                  PageRender{located.block->id, outcome.result.error, &submission, 422});
    }
    if (outcome.completed_now)
        return http::redirect(context, module_address(*found->module) + "certificate");
    http::redirect(context, page_address(*found->module, static_cast<std::size_t>(located.page_number - 1)) +
                                "#block-" + located.block->id);
}

void transcript_show(http::RequestContext& context) {
    auto found = module_in(context);
    if (!found)
        return;
    const auto located = content::find_block(*found->module, context.capture(2));
    if (!located.block || located.block->type != content::BlockType::Video)
        return http::render_error(context, 404, "This module has no video with that name.");
    const auto& video = located.block->as<content::VideoBlock>();
    http::render_page(context, "learning/transcript", "Transcript: " + video.title,
                      mstch::map{{"slug", found->module->slug},
                                 {"module_title", found->module->title},
                                 {"title", video.title},
                                 {"transcript_html", video.transcript_html},
                                 {"back", page_address(*found->module, located.page_number - 1) + "#block-" +
                                              located.block->id}});
}

// Images, video, captions and posters of a module. Only media types are served, never the
// module's Markdown or manifest, and only from inside the module's own folder.
void media_show(http::RequestContext& context) {
    namespace fs = std::filesystem;
    auto found = module_in(context);
    if (!found)
        return;
    const std::string relative = context.capture(2);
    const fs::path folder = fs::weakly_canonical(context.app.content.directory() / found->module->slug);
    const fs::path file = fs::weakly_canonical(folder / relative);
    const char* type = media_type_of(file.extension().string());
    const auto [end, _] = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
    if (type == nullptr || end != folder.end() || !fs::is_regular_file(file))
        return http::render_error(context, 404, "This module has no file at this address.");
    context.response.set_header("Cache-Control", "private, max-age=3600");
    // An author's SVG is served from our own address: it must not run script there.
    context.response.set_header("Content-Security-Policy", "sandbox");
    // Streamed from the file, so seeking in a video (a byte range) reads only the bytes it asks for.
    http::send_file(context, file, type);
}

} // namespace trellis::learning::handlers

// What a module gives people to keep: printable resources, the action plan, the certificate, and
// the record of what they have completed; and the public page that checks a certificate.
#include <ctime>
#include <filesystem>

#include "accounts/permissions.h"
#include "badges/credential.h"
#include "http/response.h"
#include "learning/catalogue.h"
#include "learning/handlers/block_views.h"
#include "learning/handlers/handlers.h"
#include "learning/handlers/lookup.h"
#include "pdf/pdf.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::learning::handlers {

namespace {

std::string verify_url(const http::RequestContext& context, const std::string& code) {
    return context.app.config.public_url + "/verify/" + code;
}

void send_pdf(http::RequestContext& context, const std::string& bytes, const std::string& filename) {
    context.response.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(bytes, "application/pdf");
}

mstch::map certificate_row(const Certificate& certificate) {
    return mstch::map{{"module_title", certificate.module_title},
                      {"completed_on", text::day_of(certificate.issued_at)},
                      {"hours", hours_label(certificate.hours)},
                      {"code", certificate.code},
                      {"pdf_href", "/certificates/" + certificate.code + ".pdf"}};
}

} // namespace

mstch::map certificates_section(http::RequestContext& context, const Learner& learner) {
    mstch::array rows;
    for (const Certificate& certificate : context.app.learning.certificates(learner))
        rows.push_back(certificate_row(certificate));
    // Worded for whoever reads it: a PD lead looking at a colleague's page is not the one finishing.
    const bool own = learner.person_id == context.signed_in().person_id;
    const std::string first_name = learner.name.substr(0, learner.name.find(' '));
    return mstch::map{
        {"certificates", rows},
        {"any_certificates", !rows.empty()},
        {"no_certificates",
         own ? std::string("No completed modules yet. Certificates appear here when you finish a module.")
             : learner.name + " has no completed modules yet. Certificates appear here when " + first_name +
                   " finishes a module."}};
}

void resource_download(http::RequestContext& context) {
    auto found = module_in(context);
    if (!found)
        return;
    const auto located = content::find_block(*found->module, context.capture(2));
    if (!located.block || located.block->type != content::BlockType::Resource)
        return http::render_error(context, 404, "This module has no resource with that name.");
    const auto& resource = located.block->as<content::ResourceBlock>();
    const auto folder = context.app.content.directory() / found->module->slug;
    std::string bytes, filename;
    if (!resource.source.empty()) {
        bytes = pdf::markdown_document(resource.title, read_module_file(folder / resource.source),
                                       found->module->title + " · Trellis");
        filename = located.block->id + ".pdf";
    } else {
        bytes = read_module_file(folder / resource.file);
        filename = std::filesystem::path(resource.file).filename().string();
    }
    context.app.learning.mark_opened(learner_of(context.signed_in()), *found->module, located.page_number,
                                     *located.block);
    if (!resource.source.empty())
        return send_pdf(context, bytes, filename);
    context.response.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    context.response.set_content(bytes, "application/octet-stream");
}

void action_plan_download(http::RequestContext& context) {
    auto found = module_in(context);
    if (!found)
        return;
    const content::Module& module = *found->module;
    const Learner learner = learner_of(context.signed_in());
    const BlockStates states = context.app.learning.block_states(learner, module);
    pdf::ActionPlan plan{learner.name, module.title, text::day_of(db::now_seconds()), {}, {}, ""};
    for (const content::Page& page : module.pages)
        for (const content::Block& block : page.blocks) {
            if (block.type == content::BlockType::Reflection)
                plan.reflections.emplace_back(block.as<content::ReflectionBlock>().prompt,
                                              states.of(block.id).is_object()
                                                  ? states.of(block.id).value("text", std::string())
                                                  : std::string());
            if (block.type == content::BlockType::ActionPlan) {
                const auto steps =
                    action_plan_steps(block.as<content::ActionPlanBlock>(), states.of(block.id));
                plan.steps.insert(plan.steps.end(), steps.begin(), steps.end());
                if (states.of(block.id).is_object())
                    plan.notes = states.of(block.id).value("notes", std::string());
            }
        }
    send_pdf(context, pdf::action_plan(plan), "action-plan-" + module.slug + ".pdf");
}

void certificate_show(http::RequestContext& context) {
    auto found = module_in(context);
    if (!found)
        return;
    const auto certificate =
        context.app.learning.certificate_for(learner_of(context.signed_in()), found->module->slug);
    if (!certificate)
        return http::redirect(context, "/learning/" + found->module->slug + "/continue");
    http::render_page(context, "learning/certificate", "Certificate: " + certificate->module_title,
                      mstch::map{{"slug", found->module->slug},
                                 {"module_title", certificate->module_title},
                                 {"person_name", certificate->person_name},
                                 {"completed_on", text::day_of(certificate->issued_at)},
                                 {"hours", hours_label(certificate->hours)},
                                 {"code", certificate->code},
                                 {"verify_href", "/verify/" + certificate->code},
                                 {"verify_url", verify_url(context, certificate->code)},
                                 {"pdf_href", "/certificates/" + certificate->code + ".pdf"},
                                 {"badge_href", "/certificates/" + certificate->code + ".jwt"}});
}

namespace {

// The certificate named by the route when the signed-in person may download it: its holder, and those
// who may see the holder's profile. Otherwise nullopt, after answering 404.
std::optional<Certificate> downloadable_certificate(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    auto certificate = context.app.learning.verify(context.capture(1));
    std::optional<people::Person> holder;
    if (certificate && certificate->trust_id == actor.trust_id)
        holder = context.app.people.person(actor.trust_id, certificate->person_id);
    if (!holder || !accounts::may_view_person(actor, *holder)) {
        http::render_error(context, 404, "There is no certificate at this address that you can see.");
        return std::nullopt;
    }
    return certificate;
}

badges::Achievement achievement_of(const http::RequestContext& context, const Certificate& certificate) {
    return {certificate.code,        certificate.person_name, certificate.module_title,
            certificate.module_slug, certificate.trust_name,  certificate.trust_id,
            certificate.issued_at,   certificate.hours,       context.app.config.public_url};
}

} // namespace

void certificate_download(http::RequestContext& context) {
    const auto certificate = downloadable_certificate(context);
    if (!certificate)
        return;
    const std::string bytes = pdf::certificate(
        pdf::Certificate{certificate->person_name, certificate->module_title, certificate->trust_name,
                         text::day_of(certificate->issued_at), certificate->hours, certificate->code,
                         verify_url(context, certificate->code)});
    send_pdf(context, bytes, "certificate-" + certificate->module_slug + ".pdf");
}

// The certificate as a portable Open Badge, signed by this service, to keep or to add to a wallet.
void certificate_badge(http::RequestContext& context) {
    const auto certificate = downloadable_certificate(context);
    if (!certificate)
        return;
    const auto credential = badges::open_badge_credential(achievement_of(context, *certificate));
    context.response.set_header("Content-Disposition",
                                "attachment; filename=\"badge-" + certificate->module_slug + ".jwt\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(badges::signed_credential(credential, context.app.badge_key),
                                 "application/jwt");
}

namespace {

// What the verification page says of a code: the certificate when there is one.
std::pair<mstch::map, std::optional<Certificate>> verification_of(http::RequestContext& context,
                                                                  const std::string& code) {
    mstch::map data{{"code", normalise_code(code)}, {"csrf", context.csrf_token}};
    std::optional<Certificate> certificate;
    if (!code.empty()) {
        certificate = context.app.learning.verify(code);
        if (certificate) {
            data["found"] = true;
            data["person_name"] = certificate->person_name;
            data["module_title"] = certificate->module_title;
            data["trust_name"] = certificate->trust_name;
            data["completed_on"] = text::day_of(certificate->issued_at);
            data["hours"] = hours_label(certificate->hours);
            data["badge_action"] = "/verify/" + certificate->code + "/badge";
        } else {
            data["not_found"] = true;
        }
    }
    return {std::move(data), std::move(certificate)};
}

void render_verification(http::RequestContext& context, const mstch::map& data, int status) {
    context.response.set_header("X-Robots-Tag", "noindex");
    http::render_page(context, "learning/verify", "Check a certificate", data, status);
}

} // namespace

// Public: confirms a certificate's holder, module, date and hours, and nothing else about them.
void verify_show(http::RequestContext& context) {
    std::string code = context.capture(1);
    if (code.empty())
        code = context.query("code");
    auto [data, certificate] = verification_of(context, code);
    render_verification(context, data, !code.empty() && !certificate ? 404 : 200);
}

// Public: checks a badge file against the certificate it claims to be: signed by this service, for
// this certificate, and saying what the certificate says.
void verify_badge(http::RequestContext& context) {
    auto [data, certificate] = verification_of(context, context.capture(1));
    if (!certificate)
        return render_verification(context, data, 404);
    auto credential = badges::checked_credential(context.form("badge"), context.app.badge_key);
    if (credential)
        for (const char* claim : {"iss", "jti", "nbf"})
            credential->erase(claim);
    if (credential && *credential == badges::open_badge_credential(achievement_of(context, *certificate))) {
        data["badge_genuine"] = true;
        return render_verification(context, data, 200);
    }
    data["badge_refused"] = true;
    render_verification(context, data, 422);
}

void my_learning(http::RequestContext& context) {
    const Learner learner = learner_of(context.signed_in());
    const auto snapshot = context.app.content.snapshot();
    mstch::array in_progress;
    for (const auto& [slug, standing] : context.app.learning.standings(learner)) {
        const content::Module* module = snapshot->find(slug);
        if (module == nullptr || standing.complete())
            continue;
        in_progress.push_back(mstch::map{
            {"slug", slug},
            {"title", module->title},
            {"percent", std::to_string(standing.percent())},
            {"minutes_left", text::counted(minutes_left(*module, standing), "minute", "minutes")}});
    }
    mstch::map data = certificates_section(context, learner);
    data["in_progress"] = in_progress;
    data["any_in_progress"] = !in_progress.empty();
    http::render_page(context, "learning/mine", "My learning", data);
}

} // namespace trellis::learning::handlers

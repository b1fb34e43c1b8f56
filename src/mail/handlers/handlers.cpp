#include "mail/handlers/handlers.h"

#include <set>

#include "http/response.h"
#include "text/dates.h"

namespace trellis::mail::handlers {

namespace {

struct LinkParts {
    long long trust_id = 0;
    long long person_id = 0;
    const Kind* kind = nullptr;
};

// The person and kind an unsubscribe link names, or nullopt after answering 404 when its code is not ours.
std::optional<LinkParts> genuine_link(http::RequestContext& context) {
    const auto trust_id = context.id_capture(1);
    const auto person_id = context.id_capture(2);
    const Kind* kind = kind_named(context.capture(3));
    if (!trust_id || !person_id || !kind ||
        !context.app.unsubscribe_links.genuine(*trust_id, *person_id, kind->key, context.capture(4))) {
        http::render_error(context, 404, "This link to stop emails is not one Trellis sent.");
        return std::nullopt;
    }
    return LinkParts{*trust_id, *person_id, kind};
}

} // namespace

void unsubscribe_show(http::RequestContext& context) {
    const auto link = genuine_link(context);
    if (!link)
        return;
    http::render_page(context, "mail/unsubscribe", "Stop these emails",
                      mstch::map{{"label", link->kind->label}, {"action", context.request.path}});
}

void unsubscribe_submit(http::RequestContext& context) {
    const auto link = genuine_link(context);
    if (!link)
        return;
    context.app.mail.turn_off(link->trust_id, link->person_id, link->kind->key);
    http::render_page(context, "mail/unsubscribe", "Stop these emails",
                      mstch::map{{"label", link->kind->label}, {"done", true}});
}

void choices_show(http::RequestContext& context) {
    const Choices choices = context.app.mail.choices(context.signed_in());
    mstch::array rows;
    for (const Kind& kind : kinds())
        rows.push_back(
            mstch::map{{"key", kind.key}, {"label", kind.label}, {"on", choices.off.count(kind.key) == 0}});
    http::render_page(context, "mail/choices", "Your emails",
                      mstch::map{{"kinds", rows},
                                 {"digest", choices.digest},
                                 {"address", context.signed_in().email},
                                 {"mail_on", !context.app.config.smtp_url.empty()},
                                 {"saved", context.query("saved") == "1"}});
}

void choices_save(http::RequestContext& context) {
    std::set<std::string> on;
    for (const auto& key : context.form_all("kind"))
        on.insert(key);
    context.app.mail.choose(context.signed_in(), on, context.form("digest") == "1");
    http::redirect(context, "/account/email?saved=1");
}

void outbox_show(http::RequestContext& context) {
    const OutboxSummary summary = context.app.mail.outbox(context.signed_in());
    mstch::array failures;
    for (const Failure& failure : summary.failures)
        failures.push_back(mstch::map{{"name", failure.recipient_name},
                                      {"text", failure.text},
                                      {"error", failure.error},
                                      {"attempts", std::to_string(failure.attempts)},
                                      {"when", text::utc(failure.failed_at, "%d %b %Y %H:%M")}});
    http::render_page(context, "mail/outbox", "Email",
                      mstch::map{{"mail_on", !context.app.config.smtp_url.empty()},
                                 {"waiting", std::to_string(summary.waiting)},
                                 {"sent", std::to_string(summary.sent)},
                                 {"failed", std::to_string(summary.failed)},
                                 {"failures", failures},
                                 {"has_failures", !failures.empty()}});
}

} // namespace trellis::mail::handlers

#include "app/background.h"

#include <spdlog/spdlog.h>

#include "events/allocation/allocation_job.h"
#include "jobs/model.h"
#include "people/import_job.h"

namespace trellis {

namespace {

std::unique_ptr<mail::MailSender> mail_sender(http::App& app, const Config& config) {
    if (config.smtp_url.empty())
        return nullptr;
    mail::MailCourier courier(mail::SmtpSettings{.url = config.smtp_url,
                                                 .user = config.smtp_user,
                                                 .password = config.smtp_password,
                                                 .ca_file = config.smtp_ca_file,
                                                 .from_address = config.mail_from},
                              app.unsubscribe_links, config.public_url);
    spdlog::info("mail: sending through {} every {} ms", config.smtp_url, config.mail_interval_ms);
    return std::make_unique<mail::MailSender>(app.database, std::move(courier),
                                              std::chrono::milliseconds(config.mail_interval_ms),
                                              config.mail_claim_seconds);
}

std::unique_ptr<xapi::XapiSender> learning_record_sender(http::App& app, const Config& config) {
    if (config.lrs_url.empty())
        return nullptr;
    spdlog::info("xapi: learning records to {} every {} ms", config.lrs_url, config.lrs_interval_ms);
    return std::make_unique<xapi::XapiSender>(
        app.database,
        xapi::XapiCourier(xapi::LrsSettings{.endpoint = config.lrs_url,
                                            .key = config.lrs_key,
                                            .secret = config.lrs_secret,
                                            .public_url = config.public_url,
                                            .timeout = std::chrono::milliseconds(10000)}),
        std::chrono::milliseconds(config.lrs_interval_ms), config.mail_claim_seconds);
}

// With email on, everyone is visited now and then for what they are owed by email: notices,
// tomorrow's reminders and calendar invitations.
std::unique_ptr<notifications::Sweep> notices_sweep(http::App& app, const Config& config) {
    if (config.smtp_url.empty() || config.sweep_interval_ms == 0)
        return nullptr;
    const std::string organiser = config.mail_from;
    return std::make_unique<notifications::Sweep>(
        app.database, app.notices,
        std::vector<notifications::PersonTask>{
            [&app](const accounts::Actor& person) { app.year.remind_of_tomorrow(person, app.clock.today()); },
            [&app, organiser](const accounts::Actor& person) {
                app.year.send_invitations(person, organiser, app.clock.today());
            }});
}

} // namespace

Background::Background(http::App& app, const Config& config)
    : m_app(app), m_mail(mail_sender(app, config)), m_learning_records(learning_record_sender(app, config)),
      m_sweep(notices_sweep(app, config)),
      m_jobs(app.database, jobs::RunnerSettings{.threads = config.job_threads,
                                                .poll = std::chrono::milliseconds(config.job_poll_ms),
                                                .claim_seconds = config.job_claim_seconds}) {
    m_jobs.add(events::allocation_job(app.allocation));
    m_jobs.add(people::staff_import_job(app.people));
    if (m_sweep)
        m_jobs.add(jobs::Kind{
            .name = jobs::kNoticesSweep,
            .run = [this](const jobs::Job& job,
                          jobs::Progress& progress) { m_sweep->sweep_trust(job.trust_id, progress); },
            .given_up = {},
            .every = std::chrono::milliseconds(config.sweep_interval_ms)});
}

Background::~Background() {
    m_app.jobs.on_queued({});
}

void Background::start() {
    if (m_mail)
        m_mail->start();
    if (m_learning_records)
        m_learning_records->start();
    m_jobs.start();
    m_app.jobs.on_queued([this] { m_jobs.wake(); });
    spdlog::info("background work: running jobs here as {}", m_jobs.name());
}

} // namespace trellis

#pragma once

#include <memory>

#include "http/app.h"
#include "jobs/runner.h"
#include "mail/sender.h"
#include "notifications/sweep.h"
#include "xapi/sender.h"

namespace trellis {

// The work a server does besides answering requests: the jobs table's work (allocation runs, staff
// imports, each trust's notices sweep while email is on), email and learning records. Every server
// runs it unless started with `serve --no-jobs`; `trellis worker` runs only this. All of it is
// claimed through the database, so any number of servers share it without doing anything twice.
class Background {
  public:
    Background(http::App& app, const Config& config);
    // Stops taking work; jobs running now finish first.
    ~Background();
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    void start();

  private:
    http::App& m_app;
    std::unique_ptr<mail::MailSender> m_mail;
    std::unique_ptr<xapi::XapiSender> m_learning_records;
    std::unique_ptr<notifications::Sweep> m_sweep;
    jobs::Runner m_jobs;
};

} // namespace trellis

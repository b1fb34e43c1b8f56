#include "http/server.h"

#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

#include <netinet/in.h>
#include <sys/socket.h>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "app/background.h"
#include "app/server_process.h"
#include "db/migrator.h"
#include "http/app.h"
#include "http/elastic_pool.h"
#include "http/middleware.h"
#include "http/response.h"
#include "http/router.h"

namespace trellis::http {

namespace {

httplib::Server* running_server = nullptr;

void stop_on_signal(int) {
    if (running_server)
        running_server->stop();
}

// Debian's cpp-httplib is a compiled library that listens with a backlog of 5. When a burst of
// clients connects at once, the kernel drops the handshakes beyond that and each client retries a
// second later, which is where the slowest requests came from. A second listen() on the bound
// socket raises the backlog; the socket is found by the port it is bound to.
void raise_listen_backlog(int port) {
    for (int fd = 3; fd < 1024; ++fd) {
        int listening = 0;
        socklen_t length = sizeof listening;
        if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || !listening)
            continue;
        sockaddr_storage address{};
        socklen_t address_length = sizeof address;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &address_length) != 0)
            continue;
        const int bound_port = address.ss_family == AF_INET6
                                   ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                                   : ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
        if (bound_port == port)
            ::listen(fd, SOMAXCONN);
    }
}

// Every answer, pages and static files alike, tells the browser to run only our own scripts and
// styles, never to frame us, never to guess a type, and to keep addresses to itself. A handler that
// set a stricter policy of its own (downloads are sandboxed) keeps it.
void add_security_headers(httplib::Response& response, bool served_over_https) {
    if (!response.has_header("Content-Security-Policy"))
        response.set_header("Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                            "frame-ancestors 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "same-origin");
    if (served_over_https)
        response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

void configure(httplib::Server& server, App& app) {
    const auto ready = static_cast<std::size_t>(app.config.threads);
    const auto most = static_cast<std::size_t>(app.config.max_threads);
    server.new_task_queue = [ready, most] { return new ElasticPool(ready, most); };
    // Headers and body go out in separate writes; without this, Nagle's algorithm and delayed
    // acknowledgements hold every small response back by tens of milliseconds.
    server.set_tcp_nodelay(true);
    server.set_read_timeout(15);
    server.set_write_timeout(15);
    server.set_keep_alive_timeout(5);
    server.set_keep_alive_max_count(1000);
    server.set_payload_max_length(64 * 1024 * 1024);
    server.set_mount_point("/static", app.config.root_dir + "/static");
    server.set_file_extension_and_mimetype_mapping("vtt", "text/vtt");
    server.set_file_extension_and_mimetype_mapping("webm", "video/webm");
    server.set_post_routing_handler(
        [secure = app.config.secure_cookies](const httplib::Request&, httplib::Response& response) {
            add_security_headers(response, secure);
        });
    server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        spdlog::info("{} {} {} {} bytes from {}", request.method, request.path, response.status,
                     response.body.size(), request.remote_addr);
    });
    server.set_error_handler([&app](const httplib::Request& request, httplib::Response& response) {
        // The HTTP library refuses a URL-encoded form over 8 KB before any handler runs; say why.
        if (response.status == 413 && response.body.empty())
            return render_unrouted_error(
                app, request, response, 413,
                "What you sent is too long for one form. Go back: your text is still "
                "in the box. Copy it somewhere safe, reload the page and save it "
                "again.");
        // Only answers that have no page of their own yet (unknown routes) get the error page.
        if (!response.body.empty() || response.status != 404)
            return;
        render_unrouted_error(app, request, response, 404, "There is no page at this address.");
    });
}

void log_content(const learning::content::ContentSnapshot& snapshot) {
    spdlog::info("{} learning modules loaded", snapshot.modules().size());
    // A broken module is skipped with its problems logged; it never stops the server.
    for (const auto& problem : snapshot.problems())
        spdlog::warn("learning module skipped: {}/{}:{}: {}", problem.module, problem.file, problem.line,
                     problem.message);
}

} // namespace

int list_routes(const Config& config) {
    App app(config);
    httplib::Server server;
    for (const Route& route : register_routes(server, app))
        std::cout << route.method << '\t' << route.pattern << '\t'
                  << (route.access != Access::SignedIn ? "public"
                      : route.permission               ? accounts::name_of(*route.permission)
                                                       : "signed-in")
                  << '\n';
    return 0;
}

int serve(const Config& config) {
    App app(config);
    const int applied = db::migrate(app.database);
    db::gather_statistics(app.database);
    spdlog::info("database ready ({} migrations applied, schema version {})", applied,
                 db::latest_migration_version());

    log_content(*app.content.snapshot());
    // `trellis content reload` sends SIGHUP: the new modules are swapped in between requests.
    HangupListener reload_on_hangup([&app] {
        spdlog::info("reloading learning content from {}", app.content.directory().string());
        log_content(*app.content.reload());
    });

    // Background work (jobs, email, learning records), unless this server leaves it to others.
    std::unique_ptr<Background> background;
    if (config.run_jobs) {
        background = std::make_unique<Background>(app, config);
        background->start();
    } else {
        spdlog::info("background work: left to other servers (--no-jobs)");
    }

    httplib::Server server;
    configure(server, app);
    register_routes(server, app);

    running_server = &server;
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    if (!server.bind_to_port(config.bind_address, config.port)) {
        spdlog::error("cannot listen on {}:{} (is another server running there?)", config.bind_address,
                      config.port);
        return 1;
    }
    raise_listen_backlog(config.port);
    PidFile pid_file(pid_file_path(config.data_dir));
    spdlog::info("Trellis is serving http://{}:{}/ with {} threads",
                 config.bind_address == "0.0.0.0" ? "localhost" : config.bind_address, config.port,
                 config.threads);
    server.listen_after_bind();
    running_server = nullptr;
    spdlog::info("stopped");
    return 0;
}

int work(const Config& config) {
    // SIGINT and SIGTERM are waited for below; blocked before any thread starts, so none takes them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    App app(config);
    const int applied = db::migrate(app.database);
    db::gather_statistics(app.database);
    spdlog::info("database ready ({} migrations applied, schema version {})", applied,
                 db::latest_migration_version());
    Background background(app, config);
    background.start();
    spdlog::info("Trellis worker running background work; stop it with SIGTERM");
    int signal = 0;
    sigwait(&stop_signals, &signal);
    spdlog::info("stopping: jobs running now finish first");
    return 0;
}

} // namespace trellis::http

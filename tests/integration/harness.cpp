#include "harness.h"

#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <spawn.h>

#include <nlohmann/json.hpp>

extern char** environ;

namespace trellis::testing {

namespace {

std::string environment_value(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

int free_port() {
    int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(socket_fd);
    return ntohs(address.sin_port);
}

// Whether process `pid` listens on loopback TCP `port`: its sockets against the kernel's table of
// them (Linux's /proc).
bool listens_on(int pid, int port) {
    std::set<std::string> sockets;
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", error)) {
        const std::string target = std::filesystem::read_symlink(entry.path(), error).string();
        if (!error && target.rfind("socket:[", 0) == 0)
            sockets.insert(target.substr(8, target.size() - 9));
    }
    std::ifstream table("/proc/net/tcp");
    std::string line;
    std::getline(table, line); // the heading
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
        fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >>
            inode;
        const auto colon = local.find(':');
        if (state == "0A" && colon != std::string::npos &&
            std::stoi(local.substr(colon + 1), nullptr, 16) == port && sockets.count(inode))
            return true;
    }
    return false;
}

// Whether child process `pid` has ended (and is reaped).
bool has_ended(int pid) {
    int status = 0;
    return ::waitpid(pid, &status, WNOHANG) == pid;
}

int spawn(const std::vector<std::string>& arguments, const std::map<std::string, std::string>& environment,
          const std::string& output_path) {
    std::vector<std::string> entries;
    for (char** variable = environ; *variable; ++variable)
        entries.emplace_back(*variable);
    for (const auto& [name, value] : environment)
        entries.push_back(name + "=" + value);
    std::vector<char*> env_pointers;
    for (auto& entry : entries)
        env_pointers.push_back(entry.data());
    env_pointers.push_back(nullptr);
    std::vector<std::string> argument_copy = arguments;
    std::vector<char*> argv;
    for (auto& argument : argument_copy)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, output_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env_pointers.data()) != 0)
        throw std::runtime_error("cannot start " + arguments[0]);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

// Sends `signal` to a process this harness started and waits for it to end, so no test leaves one
// running or a zombie behind.
void end_process(int pid, int signal = SIGTERM) {
    ::kill(pid, signal);
    int status = 0;
    ::waitpid(pid, &status, 0);
}

std::string read_file(const std::string& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string temporary_directory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "trellis-test-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("cannot make a temporary directory");
    return pattern;
}

} // namespace

std::string temporary_folder() {
    return temporary_directory();
}

bool on_postgresql() {
    return environment_value("TRELLIS_TEST_ENGINE") == "postgresql";
}

TestDatabase::TestDatabase() : m_directory(temporary_directory()) {
    if (!on_postgresql()) {
        m_url = "sqlite:" + m_directory + "/trellis.db";
        return;
    }
    const std::string server = environment_value("TRELLIS_TEST_POSTGRES");
    if (server.empty())
        throw std::runtime_error("TRELLIS_TEST_POSTGRES is not set; run the tests through `make test`");
    m_name = "trellis_test_" + std::to_string(::getpid()) + "_" + std::to_string(std::rand() % 1000000);
    {
        db::Database admin(server, 1);
        auto session = admin.lease();
        *session << "CREATE DATABASE " + m_name;
    }
    m_url = server.substr(0, server.rfind('/') + 1) + m_name;
}

TestDatabase::~TestDatabase() {
    m_database.reset();
    if (!m_name.empty()) {
        try {
            db::Database admin(environment_value("TRELLIS_TEST_POSTGRES"), 1);
            auto session = admin.lease();
            *session << "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)";
        } catch (...) {
            // A database left behind on a throwaway server is harmless.
        }
    }
    std::filesystem::remove_all(m_directory);
}

db::Database& TestDatabase::open() {
    if (!m_database)
        m_database = std::make_unique<db::Database>(m_url, 1);
    return *m_database;
}

int run_cli(const TestDatabase& database, const std::vector<std::string>& arguments, std::string* output,
            const std::map<std::string, std::string>& environment) {
    std::vector<std::string> command = {TRELLIS_BINARY};
    command.insert(command.end(), arguments.begin(), arguments.end());
    command.push_back("--database=" + database.url());
    command.push_back("--root=" TRELLIS_SOURCE_DIR);
    const std::string log = temporary_directory() + "/cli.log";
    int pid = spawn(command, environment, log);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (output)
        *output = read_file(log);
    else if (code != 0)
        // A caller that keeps no output still needs it when the command fails where it should not.
        std::cerr << "trellis " << arguments.front() << " ended " << code << ":\n" << read_file(log);
    std::filesystem::remove_all(std::filesystem::path(log).parent_path());
    return code;
}

int add_northfield_trust(const TestDatabase& database) {
    return run_cli(database,
                   {"add-trust", "northfield", "Northfield Schools", "--admin-email", kNorthfieldAdmin,
                    "--admin-first-name", "Nia", "--admin-last-name", "North"},
                   nullptr, {{"TRELLIS_ADMIN_PASSWORD", kNorthfieldPassword}});
}

long long count_of(db::Database& database, const std::string& query) {
    auto session = database.lease();
    long long count = 0;
    *session << query, soci::into(count);
    return count;
}

long long count_of(TestDatabase& database, const std::string& query) {
    return count_of(database.open(), query);
}

std::vector<std::string> texts_of(TestDatabase& database, const std::string& query) {
    auto session = database.open().lease();
    std::vector<std::string> texts;
    soci::rowset<std::string> rows = (session->prepare << query);
    for (const std::string& text : rows)
        texts.push_back(text);
    return texts;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string in_html(std::string path) {
    for (auto at = path.find('/'); at != std::string::npos; at = path.find('/', at + 6))
        path.replace(at, 1, "&#x2F;");
    return path;
}

TestServer::TestServer(const TestDatabase& database, std::map<std::string, std::string> environment,
                       std::vector<std::string> arguments)
    : m_database(database), m_environment(std::move(environment)), m_arguments(std::move(arguments)),
      m_port(free_port()) {
    start(true);
}

TestServer::~TestServer() {
    stop();
}

void TestServer::start(bool may_move) {
    auto environment = m_environment;
    environment["TRELLIS_THREADS"] =
        environment.count("TRELLIS_THREADS") ? environment["TRELLIS_THREADS"] : "4";
    std::vector<std::string> command{TRELLIS_BINARY, "serve", "--port=" + std::to_string(m_port),
                                     "--database=" + m_database.url(), "--root=" TRELLIS_SOURCE_DIR};
    command.insert(command.end(), m_arguments.begin(), m_arguments.end());
    m_pid = spawn(command, environment, "/dev/null");
    httplib::Client client("127.0.0.1", m_port);
    for (int attempt = 0; attempt < 200; ++attempt) {
        // The port was free when chosen, but another test running at the same time may have been
        // given it too: the server answering must be this one.
        if (auto result = client.Get("/healthz");
            result && result->status == 200 && listens_on(m_pid, m_port))
            return;
        if (may_move && has_ended(m_pid)) {
            // It could not listen there: start again on another port.
            m_port = free_port();
            m_pid = 0;
            start(false);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    throw std::runtime_error("trellis serve did not answer /healthz");
}

void TestServer::stop() {
    if (!m_pid)
        return;
    end_process(m_pid);
    m_pid = 0;
}

void TestServer::kill_hard() {
    end_process(m_pid, SIGKILL);
    m_pid = 0;
}

void TestServer::freeze() {
    ::kill(m_pid, SIGSTOP);
}

void TestServer::restart() {
    stop();
    start(false);
}

namespace {

// posix_spawn takes a path: find node on PATH as a shell would.
std::string node_path() {
    std::stringstream path(environment_value("PATH"));
    for (std::string folder; std::getline(path, folder, ':');)
        if (::access((folder + "/node").c_str(), X_OK) == 0)
            return folder + "/node";
    return "/usr/bin/node";
}

// Waits until `path` on the loopback port answers 200.
bool answers(int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    for (int attempt = 0; attempt < 400; ++attempt) {
        if (auto result = client.Get(path); result && result->status == 200)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

} // namespace

OpenIdProvider::OpenIdProvider() : m_port(free_port()) {
    m_pid = spawn({node_path(), TRELLIS_SOURCE_DIR "/tests/browser/servers/openid_provider.mjs",
                   std::to_string(m_port)},
                  {}, "/dev/null");
    if (!answers(m_port, "/.well-known/openid-configuration"))
        throw std::runtime_error("the OpenID provider did not start (npm ci in tests/browser?)");
}

TestWorker::TestWorker(const TestDatabase& database, std::map<std::string, std::string> environment) {
    m_pid = spawn({TRELLIS_BINARY, "worker", "--database=" + database.url(), "--root=" TRELLIS_SOURCE_DIR},
                  environment, "/dev/null");
}

TestWorker::~TestWorker() {
    end_process(m_pid);
}

namespace {

// Replaces every `from` in the text with `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// The deploy site file as the test runs it: the servers' ports, loopback plain HTTP, no certificate.
std::string site_for_test(int port, const std::vector<int>& server_ports) {
    std::string site = read_file(TRELLIS_SOURCE_DIR "/deploy/nginx-trellis.conf");
    site = replaced(site, "127.0.0.1:8081", "127.0.0.1:" + std::to_string(server_ports.at(0)));
    site = replaced(site, "127.0.0.1:8082", "127.0.0.1:" + std::to_string(server_ports.at(1)));
    site = replaced(site, "listen [::]:80;", "");
    site = replaced(site, "listen [::]:443 ssl http2;", "");
    site = replaced(site, "listen 80;", "listen 127.0.0.1:" + std::to_string(free_port()) + ";");
    site = replaced(site, "listen 443 ssl http2;", "listen 127.0.0.1:" + std::to_string(port) + ";");
    std::stringstream kept;
    std::stringstream lines(site);
    for (std::string line; std::getline(lines, line);)
        if (line.find("ssl_") == std::string::npos)
            kept << line << "\n";
    return kept.str();
}

} // namespace

Nginx::Nginx(const std::vector<int>& server_ports) : m_folder(temporary_directory()), m_port(free_port()) {
    // Run as root, nginx's workers are `nobody`: they must reach the folder to keep large request
    // bodies in it (nginx makes the temporary folders inside theirs).
    std::filesystem::permissions(m_folder, std::filesystem::perms::owner_all |
                                               std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_exec);
    {
        std::ofstream site(m_folder + "/site.conf");
        site << site_for_test(m_port, server_ports);
        std::ofstream main(m_folder + "/nginx.conf");
        main << "daemon off;\npid " << m_folder << "/nginx.pid;\nerror_log " << m_folder
             << "/error.log;\nevents {}\nhttp {\n"
             << "    log_format answered '$upstream_addr';\n"
             << "    access_log " << m_folder << "/access.log answered;\n";
        for (const char* temporary : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
            main << "    " << temporary << "_temp_path " << m_folder << "/" << temporary << ";\n";
        main << "    include " << m_folder << "/site.conf;\n}\n";
    }
    const std::string binary = ::access("/usr/sbin/nginx", X_OK) == 0 ? "/usr/sbin/nginx" : "/usr/bin/nginx";
    m_pid = spawn({binary, "-c", m_folder + "/nginx.conf", "-p", m_folder}, {}, m_folder + "/output.log");
    httplib::Client client("127.0.0.1", m_port);
    for (int attempt = 0; attempt < 200; ++attempt) {
        if (auto result = client.Get("/healthz"); result && result->status == 200)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    throw std::runtime_error("nginx did not start: " + read_file(m_folder + "/error.log") +
                             read_file(m_folder + "/output.log"));
}

Nginx::~Nginx() {
    end_process(m_pid);
}

std::vector<int> Nginx::answered_by() const {
    std::vector<int> ports;
    std::stringstream log(read_file(m_folder + "/access.log"));
    // "127.0.0.1:8081", or "127.0.0.1:8081, 127.0.0.1:8082" when the first failed: the last answered.
    for (std::string line; std::getline(log, line);) {
        const auto colon = line.rfind(':');
        if (colon != std::string::npos)
            ports.push_back(std::atoi(line.c_str() + colon + 1));
    }
    return ports;
}

LearningRecordStore::LearningRecordStore() : m_port(free_port()) {
    m_pid = spawn({node_path(), TRELLIS_SOURCE_DIR "/tests/browser/servers/lrs.mjs", std::to_string(m_port)},
                  {}, "/dev/null");
    if (!answers(m_port, "/_statements"))
        throw std::runtime_error("the learning record store did not start (npm ci in tests/browser?)");
}

LearningRecordStore::~LearningRecordStore() {
    end_process(m_pid);
}

std::map<std::string, std::string> LearningRecordStore::environment() const {
    return {{"TRELLIS_LRS_URL", "http://127.0.0.1:" + std::to_string(m_port) + "/xapi/"},
            {"TRELLIS_LRS_KEY", "trellis"},
            {"TRELLIS_LRS_SECRET", "lrs secret"},
            {"TRELLIS_LRS_INTERVAL_MS", "100"},
            {"TRELLIS_PUBLIC_URL", "https://trellis.oakfield.example"}};
}

std::string LearningRecordStore::statements() const {
    httplib::Client client("127.0.0.1", m_port);
    auto result = client.Get("/_statements");
    return result ? result->body : "";
}

void LearningRecordStore::set_down(bool down) {
    httplib::Client client("127.0.0.1", m_port);
    auto result = client.Post("/_scenario", down ? "{\"down\": true}" : "{}", "application/json");
    if (!result || result->status != 204)
        throw std::runtime_error("the learning record store refused the scenario");
}

ObjectStore::ObjectStore() : m_folder(temporary_directory()), m_port(free_port()) {
    m_pid = spawn({node_path(), TRELLIS_SOURCE_DIR "/tests/browser/servers/object_store.mjs",
                   std::to_string(m_port), m_folder},
                  {}, "/dev/null");
    if (!answers(m_port, "/_objects"))
        throw std::runtime_error("the object store did not start (npm ci in tests/browser?)");
}

ObjectStore::~ObjectStore() {
    stop();
}

void ObjectStore::stop() {
    if (!m_pid)
        return;
    end_process(m_pid);
    m_pid = 0;
}

std::map<std::string, std::string> ObjectStore::environment() const {
    return {{"TRELLIS_STORAGE", "s3"},
            {"TRELLIS_S3_ENDPOINT", "http://127.0.0.1:" + std::to_string(m_port)},
            {"TRELLIS_S3_BUCKET", "trellis"},
            {"TRELLIS_S3_REGION", "eu-west-2"},
            {"TRELLIS_S3_ACCESS_KEY", "trellis-test"},
            {"TRELLIS_S3_SECRET_KEY", "bucket secret"}};
}

std::vector<std::string> ObjectStore::keys() const {
    httplib::Client client("127.0.0.1", m_port);
    auto result = client.Get("/_objects");
    if (!result || result->status != 200)
        throw std::runtime_error("the object store did not list its objects");
    return nlohmann::json::parse(result->body).get<std::vector<std::string>>();
}

OpenIdProvider::~OpenIdProvider() {
    end_process(m_pid);
}

void OpenIdProvider::set_scenario(const std::string& json) {
    httplib::Client client("127.0.0.1", m_port);
    auto result = client.Post("/_scenario", json, "application/json");
    if (!result || result->status != 204)
        throw std::runtime_error("the OpenID provider refused the scenario " + json);
}

void OpenIdProvider::rotate_keys() {
    httplib::Client client("127.0.0.1", m_port);
    auto result = client.Post("/_keys/rotate", "", "application/json");
    if (!result || result->status != 204)
        throw std::runtime_error("the OpenID provider did not rotate its keys");
}

std::string OpenIdProvider::last_authorize() {
    httplib::Client client("127.0.0.1", m_port);
    auto result = client.Get("/_last_authorize");
    return result ? result->body : "";
}

std::string OpenIdProvider::authorize(const std::string& url) {
    const std::string prefix = base_url();
    if (url.rfind(prefix, 0) != 0)
        throw std::runtime_error("not this provider's address: " + url);
    httplib::Client client("127.0.0.1", m_port);
    auto result = client.Get(url.substr(prefix.size()));
    if (!result || result->status != 302)
        throw std::runtime_error("the provider's /authorize did not redirect");
    return result->get_header_value("Location");
}

SmtpRelay::SmtpRelay(double delay_seconds) : m_folder(temporary_folder()), m_port(free_port()) {
    std::filesystem::create_directories(m_folder + "/box");
    const std::string make_certificate = "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + m_folder +
                                         "/key.pem -out " + m_folder +
                                         "/cert.pem -days 1 -subj /CN=127.0.0.1 -addext "
                                         "subjectAltName=IP:127.0.0.1 >/dev/null 2>&1";
    if (std::system(make_certificate.c_str()) != 0)
        throw std::runtime_error("openssl could not make the relay's certificate");
    m_pid = spawn({"/usr/bin/python3", TRELLIS_SOURCE_DIR "/tests/servers/smtp_relay.py",
                   std::to_string(m_port), m_folder + "/cert.pem", m_folder + "/key.pem", m_folder + "/box",
                   "trellis", "relay password", std::to_string(delay_seconds)},
                  {}, m_folder + "/relay.log");
    for (int attempt = 0; attempt < 400; ++attempt) {
        if (read_file(m_folder + "/relay.log").find("ready") != std::string::npos)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    throw std::runtime_error("the SMTP relay did not start: " + read_file(m_folder + "/relay.log"));
}

SmtpRelay::~SmtpRelay() {
    end_process(m_pid);
    std::filesystem::remove_all(m_folder);
}

std::map<std::string, std::string> SmtpRelay::environment() const {
    return {{"TRELLIS_SMTP_URL", "smtp://127.0.0.1:" + std::to_string(m_port)},
            {"TRELLIS_SMTP_USER", "trellis"},
            {"TRELLIS_SMTP_PASSWORD", "relay password"},
            {"TRELLIS_SMTP_CA_FILE", m_folder + "/cert.pem"},
            {"TRELLIS_MAIL_FROM", "trellis@oakfield.example"},
            {"TRELLIS_MAIL_INTERVAL_MS", "100"},
            // The sweep sends the whole demo what it is owed; tests that want it turn it on.
            {"TRELLIS_SWEEP_INTERVAL_MS", "0"}};
}

std::vector<std::string> SmtpRelay::messages() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(m_folder + "/box"))
        if (entry.path().extension() == ".eml")
            names.push_back(entry.path().string());
    std::sort(names.begin(), names.end());
    std::vector<std::string> messages;
    for (const auto& name : names)
        messages.push_back(read_file(name));
    return messages;
}

std::vector<std::string> SmtpRelay::wait_for(std::size_t count, double seconds) const {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    auto found = messages();
    while (found.size() < count && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        found = messages();
    }
    return found;
}

Browser::Browser(const TestServer& server) : Browser(server.port()) {}

Browser::Browser(int port) : m_client("127.0.0.1", port) {
    m_client.set_read_timeout(60);
}

httplib::Headers Browser::headers() const {
    std::string cookie;
    for (const auto& [name, value] : m_cookies)
        cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    httplib::Headers all(m_extra_headers.begin(), m_extra_headers.end());
    if (!cookie.empty())
        all.emplace("Cookie", cookie);
    return all;
}

void Browser::remember(const httplib::Result& result) {
    if (!result)
        return;
    for (auto [it, end] = result->headers.equal_range("Set-Cookie"); it != end; ++it) {
        const std::string& header = it->second;
        const auto equals = header.find('=');
        const auto semicolon = header.find(';');
        const std::string name = header.substr(0, equals);
        const std::string value = header.substr(equals + 1, semicolon - equals - 1);
        if (value.empty() || header.find("Max-Age=0") != std::string::npos)
            m_cookies.erase(name);
        else
            m_cookies[name] = value;
    }
    const std::string token = input_value(result->body, "_csrf");
    if (!token.empty())
        m_csrf = token;
}

httplib::Result Browser::get(const std::string& path, const httplib::Headers& extra) {
    httplib::Headers all = headers();
    all.insert(extra.begin(), extra.end());
    auto result = m_client.Get(path.c_str(), all);
    remember(result);
    return result;
}

httplib::Result Browser::post(const std::string& path, httplib::Params form, bool with_csrf) {
    if (with_csrf)
        form.emplace("_csrf", m_csrf);
    auto result = m_client.Post(path.c_str(), headers(), form);
    remember(result);
    return result;
}

httplib::Result Browser::post_for_json(const std::string& path, httplib::Params form) {
    form.emplace("_csrf", m_csrf);
    httplib::Headers all = headers();
    all.emplace("Accept", "application/json");
    auto result = m_client.Post(path.c_str(), all, form);
    remember(result);
    return result;
}

httplib::Result Browser::post_multipart(const std::string& path, const httplib::Params& form, bool as_json) {
    httplib::MultipartFormDataItems items = {{"_csrf", m_csrf, "", ""}};
    for (const auto& [name, value] : form)
        items.push_back({name, value, "", ""});
    httplib::Headers all = headers();
    if (as_json)
        all.emplace("Accept", "application/json");
    auto result = m_client.Post(path.c_str(), all, items);
    remember(result);
    return result;
}

httplib::Result Browser::post_files(const std::string& path, const httplib::Params& form,
                                    const std::vector<FilePart>& files) {
    httplib::MultipartFormDataItems items = {{"_csrf", m_csrf, "", ""}};
    for (const auto& [name, value] : form)
        items.push_back({name, value, "", ""});
    for (const FilePart& file : files)
        items.push_back({file.field, file.content, file.filename, "application/octet-stream"});
    auto result = m_client.Post(path.c_str(), headers(), items);
    remember(result);
    return result;
}

httplib::Result Browser::upload(const std::string& path, const std::string& filename,
                                const std::string& content) {
    httplib::MultipartFormDataItems items = {{"_csrf", m_csrf, "", ""},
                                             {"file", content, filename, "text/csv"}};
    auto result = m_client.Post(path.c_str(), headers(), items);
    remember(result);
    return result;
}

httplib::Result Browser::sign_in(const std::string& email, const std::string& password) {
    get("/sign-in");
    return post("/sign-in", {{"email", email}, {"password", password}});
}

std::string input_value(const std::string& html, const std::string& name) {
    const std::regex pattern("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"");
    std::smatch match;
    return std::regex_search(html, match, pattern) ? match[1].str() : "";
}

long long trailing_id(const std::string& location) {
    const auto slash = location.find_last_of('/');
    return std::atoll(location.c_str() + slash + 1);
}

std::string pdf_text(const std::string& bytes) {
    const auto folder = std::filesystem::temp_directory_path() /
                        ("trellis-pdf-" + std::to_string(::getpid()) + "-" +
                         std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
    std::filesystem::create_directories(folder);
    const auto pdf = folder / "file.pdf", text = folder / "file.txt";
    std::ofstream(pdf, std::ios::binary) << bytes;
    const std::string command = "pdftotext -layout " + pdf.string() + " " + text.string();
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("pdftotext could not read the PDF");
    std::ifstream in(text);
    std::stringstream read;
    read << in.rdbuf();
    std::filesystem::remove_all(folder);
    return read.str();
}

} // namespace trellis::testing

#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

#include "db/database.h"

namespace trellis::testing {

// The database engine this test process runs against (TRELLIS_TEST_ENGINE: sqlite or postgresql).
bool on_postgresql();

// A fresh database of its own for one test: a temporary SQLite file, or a new database on the
// throwaway PostgreSQL server named by TRELLIS_TEST_POSTGRES. Dropped at the end.
class TestDatabase {
  public:
    TestDatabase();
    ~TestDatabase();
    const std::string& url() const { return m_url; }
    // A direct connection, for arranging state the HTTP interface cannot (an expired session).
    db::Database& open();

  private:
    std::string m_url;
    std::string m_directory;
    std::string m_name;
    std::unique_ptr<db::Database> m_database;
};

// A new empty folder under the system's temporary folder (left for the system to clear).
std::string temporary_folder();

// Runs `trellis ARGS...` against the database and returns the exit code; output goes to `output`.
int run_cli(const TestDatabase& database, const std::vector<std::string>& arguments,
            std::string* output = nullptr, const std::map<std::string, std::string>& environment = {});

// A `trellis serve` child process on a free loopback port; `arguments` are added to the command
// (--no-jobs).
class TestServer {
  public:
    explicit TestServer(const TestDatabase& database, std::map<std::string, std::string> environment = {},
                        std::vector<std::string> arguments = {});
    ~TestServer();
    int port() const { return m_port; }
    int pid() const { return m_pid; }
    // Ends the server with SIGKILL, as a crash would.
    void kill_hard();
    // Freezes the server (SIGSTOP): it holds what it holds and does nothing more until killed.
    void freeze();
    // Starts it again on the same port and database.
    void restart();

  private:
    // Starts the server on m_port; `may_move` to another port when it cannot listen there.
    void start(bool may_move);
    void stop();

    const TestDatabase& m_database;
    std::map<std::string, std::string> m_environment;
    std::vector<std::string> m_arguments;
    int m_port = 0;
    int m_pid = 0;
};

// A `trellis worker` child process: background work only, no HTTP.
class TestWorker {
  public:
    explicit TestWorker(const TestDatabase& database, std::map<std::string, std::string> environment = {});
    ~TestWorker();
    TestWorker(const TestWorker&) = delete;
    TestWorker& operator=(const TestWorker&) = delete;

  private:
    int m_pid = 0;
};

// Debian's nginx on a free loopback port in front of Trellis servers, configured by
// deploy/nginx-trellis.conf itself (its upstream ports swapped for the servers', plain HTTP in place
// of its HTTPS, which needs a real certificate). It logs which server answered each request.
class Nginx {
  public:
    explicit Nginx(const std::vector<int>& server_ports);
    ~Nginx();
    Nginx(const Nginx&) = delete;
    Nginx& operator=(const Nginx&) = delete;
    int port() const { return m_port; }
    // The port of the server that answered each request so far, in order.
    std::vector<int> answered_by() const;

  private:
    std::string m_folder;
    int m_port = 0;
    int m_pid = 0;
};

// The loopback OpenID provider (tests/browser/servers/openid_provider.mjs, Node), shaped like
// Microsoft Entra ID's several-tenant endpoints; steered through its /_scenario and /_keys routes.
class OpenIdProvider {
  public:
    OpenIdProvider();
    ~OpenIdProvider();
    OpenIdProvider(const OpenIdProvider&) = delete;
    OpenIdProvider& operator=(const OpenIdProvider&) = delete;
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    // Sets what the next tokens claim or how the provider fails (JSON, as /_scenario takes it).
    void set_scenario(const std::string& json);
    void rotate_keys();
    // The query of the last /authorize request, as JSON.
    std::string last_authorize();
    // Follows the provider's /authorize address and returns where it sends the browser back to.
    std::string authorize(const std::string& url);

  private:
    int m_port = 0;
    int m_pid = 0;
};

// A learning record store stand-in on loopback (tests/browser/servers/lrs.mjs): statements checked
// with npm's xapi-validation, kept once per id.
class LearningRecordStore {
  public:
    LearningRecordStore();
    ~LearningRecordStore();
    LearningRecordStore(const LearningRecordStore&) = delete;
    LearningRecordStore& operator=(const LearningRecordStore&) = delete;
    // The settings a server needs to send to it.
    std::map<std::string, std::string> environment() const;
    // {"kept": [statements], "puts": N, "refused": [...]}, as JSON text.
    std::string statements() const;
    // Down: every statement is answered 503 until it is back.
    void set_down(bool down);

  private:
    int m_port = 0;
    int m_pid = 0;
};

// An S3-compatible object store stand-in on loopback (tests/browser/servers/object_store.mjs, npm's
// @20minutes/s3rver): one bucket, every request's AWS SigV4 signature checked, unsigned ones refused.
class ObjectStore {
  public:
    ObjectStore();
    ~ObjectStore();
    ObjectStore(const ObjectStore&) = delete;
    ObjectStore& operator=(const ObjectStore&) = delete;
    // The settings a server needs to keep its files there, signing with the right key and secret.
    std::map<std::string, std::string> environment() const;
    // The keys of the objects in the bucket, sorted.
    std::vector<std::string> keys() const;
    // Stops the store, as an outage would (its objects stay in its folder).
    void stop();

  private:
    std::string m_folder;
    int m_port = 0;
    int m_pid = 0;
};

// The loopback SMTP relay (tests/servers/smtp_relay.py, Debian's python3-aiosmtpd): STARTTLS with a
// certificate made for the test, authentication, and every accepted message kept as a file.
class SmtpRelay {
  public:
    // `delay_seconds`: how long the relay waits before answering each recipient (a slow relay).
    explicit SmtpRelay(double delay_seconds = 0);
    ~SmtpRelay();
    SmtpRelay(const SmtpRelay&) = delete;
    SmtpRelay& operator=(const SmtpRelay&) = delete;
    // The settings a server needs to send through it.
    std::map<std::string, std::string> environment() const;
    // The messages accepted so far, whole, oldest first.
    std::vector<std::string> messages() const;
    // Waits up to `seconds` for at least `count` messages; returns those there are.
    std::vector<std::string> wait_for(std::size_t count, double seconds = 15) const;

  private:
    std::string m_folder;
    int m_port = 0;
    int m_pid = 0;
};

// An HTTP client that keeps cookies and the page's CSRF token, like a browser would.
class Browser {
  public:
    explicit Browser(const TestServer& server);
    // A browser reaching Trellis through whatever listens on the loopback port (nginx).
    explicit Browser(int port);

    httplib::Result get(const std::string& path, const httplib::Headers& extra = {});
    // Posts a URL-encoded form; adds the CSRF token from the last page unless `with_csrf` is false.
    httplib::Result post(const std::string& path, httplib::Params form, bool with_csrf = true);
    // Posts a form as the page's script does, asking for JSON back.
    httplib::Result post_for_json(const std::string& path, httplib::Params form);
    // Posts a form as multipart/form-data, as pages with long text send it (as the script does, asking
    // for JSON back, when `as_json`).
    httplib::Result post_multipart(const std::string& path, const httplib::Params& form,
                                   bool as_json = false);
    // A file in a multipart form: the field's name, the file's name and its bytes.
    struct FilePart {
        std::string field;
        std::string filename;
        std::string content;
    };
    // Posts fields and files as multipart/form-data, with the CSRF token, as a browser sends a form
    // with file inputs.
    httplib::Result post_files(const std::string& path, const httplib::Params& form,
                               const std::vector<FilePart>& files);
    // Posts a file as multipart/form-data field `file`, with the CSRF token.
    httplib::Result upload(const std::string& path, const std::string& filename, const std::string& content);
    // Signs in and returns the response to the sign-in form.
    httplib::Result sign_in(const std::string& email, const std::string& password);
    // The CSRF token from the most recent HTML page.
    const std::string& csrf() const { return m_csrf; }
    const std::map<std::string, std::string>& cookies() const { return m_cookies; }
    void set_cookie(const std::string& name, const std::string& value) { m_cookies[name] = value; }
    // Sends this header with every later request (X-Forwarded-For, as a proxy would add it).
    void set_header(const std::string& name, const std::string& value) { m_extra_headers[name] = value; }

  private:
    httplib::Headers headers() const;
    void remember(const httplib::Result& result);

    httplib::Client m_client;
    std::map<std::string, std::string> m_cookies;
    std::map<std::string, std::string> m_extra_headers;
    std::string m_csrf;
};

// The demo trust's logins.
inline const std::string kDemoPassword = "oakfield-demo-2026";
inline const std::string kDemoAdmin = "admin@oakfield.example";
inline const std::string kDemoTrustLead = "pdlead@oakfield.example";
inline const std::string kDemoSchoolLead = "schoollead@oakfield.example";
inline const std::string kDemoTeacher = "teacher@oakfield.example";
inline const std::string kDemoSupport = "support@oakfield.example";

// A second trust and its administrator, for checking that one trust sees nothing of another's.
inline const std::string kNorthfieldAdmin = "admin@northfield.example";
inline const std::string kNorthfieldPassword = "northern lights school";
// Adds Northfield with `trellis add-trust`; returns the exit code.
int add_northfield_trust(const TestDatabase& database);

// The single number a query such as SELECT COUNT(*) ... returns.
long long count_of(db::Database& database, const std::string& query);
long long count_of(TestDatabase& database, const std::string& query);
// The first column of every row a query returns, as text.
std::vector<std::string> texts_of(TestDatabase& database, const std::string& query);

// True when the text holds the part, as when checking a page's body.
bool contains(const std::string& text, const std::string& part);
// A path as a template writes it into an attribute (mstch escapes the slashes).
std::string in_html(std::string path);

// The value of `<input ... name="NAME" value="...">` in an HTML page, or "".
std::string input_value(const std::string& html, const std::string& name);
// The number at the end of a Location header such as /people/imports/12.
long long trailing_id(const std::string& location);
// The text of a PDF, by pdftotext (with -layout, so lines keep their order across columns).
std::string pdf_text(const std::string& bytes);

} // namespace trellis::testing

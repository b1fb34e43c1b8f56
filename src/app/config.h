#pragma once

#include <string>
#include <vector>

namespace trellis {

// Everything the process is told from outside, read once at start and validated.
struct Config {
    std::string database_url;    // TRELLIS_DATABASE: sqlite:PATH or postgresql://...
    std::string data_dir;        // TRELLIS_DATA: where the SQLite file and uploads live
    std::string root_dir;        // TRELLIS_ROOT: holds templates/ and static/
    std::string content_dir;     // TRELLIS_CONTENT: the folder of learning modules
    std::string bind_address;    // TRELLIS_BIND
    int port = 8080;             // PORT
    int threads = 96;            // TRELLIS_THREADS: threads kept ready for connections (one each)
    int max_threads = 1024;      // TRELLIS_MAX_THREADS: connections served at once, at most
    int session_minutes = 480;   // TRELLIS_SESSION_MINUTES: idle sign-in lifetime
    bool secure_cookies = false; // TRELLIS_SECURE_COOKIES: set when served over HTTPS
    std::string public_url;      // TRELLIS_PUBLIC_URL: how people reach this server, for links we hand out
    std::string log_level;       // TRELLIS_LOG_LEVEL: trace, debug, info, warn, error
    int openid_timeout_ms =
        8000; // TRELLIS_OPENID_TIMEOUT_MS: the longest a Microsoft or Google request may take
    // Email (off while smtp_url is empty): TRELLIS_SMTP_URL, TRELLIS_SMTP_USER, TRELLIS_SMTP_PASSWORD,
    // TRELLIS_SMTP_CA_FILE (a relay's own certificate), TRELLIS_MAIL_FROM, TRELLIS_MAIL_INTERVAL_MS.
    std::string smtp_url;
    std::string smtp_user;
    std::string smtp_password;
    std::string smtp_ca_file;
    std::string mail_from;
    int mail_interval_ms = 5000;
    int mail_claim_seconds = 600; // TRELLIS_MAIL_CLAIM_SECONDS: a silent claim this old is taken over
    // TRELLIS_SWEEP_INTERVAL_MS: how often, while email is on, everyone is visited for the notices,
    // reminders and calendar invitations they are owed; 0 turns the sweep off.
    int sweep_interval_ms = 15 * 60 * 1000;
    // Learning records (off while lrs_url is empty): TRELLIS_LRS_URL (the store's xAPI endpoint),
    // TRELLIS_LRS_KEY and TRELLIS_LRS_SECRET (its HTTP Basic sign-in), TRELLIS_LRS_INTERVAL_MS.
    std::string lrs_url;
    std::string lrs_key;
    std::string lrs_secret;
    int lrs_interval_ms = 10000;
    // Background work (src/jobs/): TRELLIS_JOB_THREADS jobs at once on this server, looking for new
    // work every TRELLIS_JOB_POLL_MS; a job whose server has not renewed its claim for
    // TRELLIS_JOB_CLAIM_SECONDS is taken over by another. `serve --no-jobs` leaves background work
    // (jobs, email, learning records) to other servers or to `trellis worker`.
    int job_threads = 2;
    int job_poll_ms = 1000;
    int job_claim_seconds = 60;
    bool run_jobs = true;
    // TRELLIS_DATABASE_CONNECTIONS: connections to the database this process keeps open; 0 sizes
    // them to the requests that work at once and to the background work (see http/app.cpp).
    int database_connections = 0;
    // Where uploaded files are kept (TRELLIS_STORAGE): "folder" (the data folder) or "s3", a bucket
    // at TRELLIS_S3_ENDPOINT (path-style) named TRELLIS_S3_BUCKET, signed in TRELLIS_S3_REGION with
    // TRELLIS_S3_ACCESS_KEY and TRELLIS_S3_SECRET_KEY.
    std::string storage = "folder";
    std::string s3_endpoint;
    std::string s3_bucket;
    std::string s3_region;
    std::string s3_access_key;
    std::string s3_secret_key;
    std::string today; // TRELLIS_TODAY: a date to run as if it were (tests, demonstrations)
    // TRELLIS_TRUSTED_PROXIES: addresses of proxies (nginx) whose X-Forwarded-For is believed.
    std::vector<std::string> trusted_proxies;
};

// Reads the environment into a Config with defaults; CLI flags may override fields afterwards.
Config config_from_environment();

// Fills derived defaults (the SQLite path inside data_dir) and throws std::invalid_argument with
// a message naming the setting when a value is unusable.
void finalise_config(Config& config);

} // namespace trellis

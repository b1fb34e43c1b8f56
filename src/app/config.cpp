#include "app/config.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "db/database.h"
#include "http/client_address.h"

namespace trellis {

namespace {

std::string environment_or(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::string(value) : fallback;
}

int integer_setting(const char* name, int fallback) {
    const std::string text = environment_or(name, "");
    if (text.empty())
        return fallback;
    try {
        std::size_t used = 0;
        int value = std::stoi(text, &used);
        if (used == text.size())
            return value;
    } catch (const std::exception&) {
    }
    throw std::invalid_argument(std::string(name) + " must be a whole number (got '" + text + "')");
}

std::string default_root() {
    // Run from a checkout, the templates sit beside the working directory; an installed binary
    // is pointed at them with TRELLIS_ROOT.
    if (std::filesystem::exists("templates"))
        return ".";
#ifdef TRELLIS_SOURCE_DIR
    return TRELLIS_SOURCE_DIR;
#else
    return ".";
#endif
}

// TRELLIS_STORAGE and the bucket's settings: all of them for s3, none for the folder, so that a
// half-made configuration stops the server instead of keeping files where nobody looks.
void check_storage(const Config& config) {
    const std::pair<const char*, const std::string*> bucket_settings[] = {
        {"TRELLIS_S3_ENDPOINT", &config.s3_endpoint},
        {"TRELLIS_S3_BUCKET", &config.s3_bucket},
        {"TRELLIS_S3_ACCESS_KEY", &config.s3_access_key},
        {"TRELLIS_S3_SECRET_KEY", &config.s3_secret_key}};
    if (config.storage != "folder" && config.storage != "s3")
        throw std::invalid_argument("TRELLIS_STORAGE must be folder or s3 (got '" + config.storage + "')");
    for (const auto& [name, value] : bucket_settings) {
        if (config.storage == "s3" && value->empty())
            throw std::invalid_argument(std::string("TRELLIS_STORAGE=s3 needs ") + name);
        if (config.storage == "folder" && !value->empty())
            throw std::invalid_argument(std::string(name) +
                                        " is set but TRELLIS_STORAGE is not s3: set TRELLIS_STORAGE=s3 "
                                        "to keep files in the bucket, or unset it");
    }
    if (config.storage == "s3" && config.s3_endpoint.rfind("http://", 0) != 0 &&
        config.s3_endpoint.rfind("https://", 0) != 0)
        throw std::invalid_argument("TRELLIS_S3_ENDPOINT must be the store's http(s) address");
    const bool bucket_named_well =
        config.s3_bucket.size() >= 3 && config.s3_bucket.size() <= 63 &&
        config.s3_bucket.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-.") == std::string::npos;
    if (config.storage == "s3" && !bucket_named_well)
        throw std::invalid_argument(
            "TRELLIS_S3_BUCKET must be a bucket's name: 3 to 63 of a-z, 0-9, '-' and '.'");
}

} // namespace

Config config_from_environment() {
    Config config;
    config.database_url = environment_or("TRELLIS_DATABASE", "");
    config.data_dir = environment_or("TRELLIS_DATA", "var");
    config.root_dir = environment_or("TRELLIS_ROOT", default_root());
    config.content_dir = environment_or("TRELLIS_CONTENT", "");
    config.bind_address = environment_or("TRELLIS_BIND", "127.0.0.1");
    config.port = integer_setting("PORT", 8080);
    config.threads = integer_setting("TRELLIS_THREADS", 96);
    config.max_threads = integer_setting("TRELLIS_MAX_THREADS", 1024);
    config.database_connections = integer_setting("TRELLIS_DATABASE_CONNECTIONS", 0);
    config.session_minutes = integer_setting("TRELLIS_SESSION_MINUTES", 480);
    config.secure_cookies = environment_or("TRELLIS_SECURE_COOKIES", "0") == "1";
    config.log_level = environment_or("TRELLIS_LOG_LEVEL", "info");
    config.today = environment_or("TRELLIS_TODAY", "");
    config.openid_timeout_ms = integer_setting("TRELLIS_OPENID_TIMEOUT_MS", 8000);
    config.smtp_url = environment_or("TRELLIS_SMTP_URL", "");
    config.smtp_user = environment_or("TRELLIS_SMTP_USER", "");
    config.smtp_password = environment_or("TRELLIS_SMTP_PASSWORD", "");
    config.smtp_ca_file = environment_or("TRELLIS_SMTP_CA_FILE", "");
    config.mail_from = environment_or("TRELLIS_MAIL_FROM", "");
    config.mail_interval_ms = integer_setting("TRELLIS_MAIL_INTERVAL_MS", 5000);
    config.mail_claim_seconds = integer_setting("TRELLIS_MAIL_CLAIM_SECONDS", 600);
    config.lrs_url = environment_or("TRELLIS_LRS_URL", "");
    config.lrs_key = environment_or("TRELLIS_LRS_KEY", "");
    config.lrs_secret = environment_or("TRELLIS_LRS_SECRET", "");
    config.lrs_interval_ms = integer_setting("TRELLIS_LRS_INTERVAL_MS", 10000);
    config.sweep_interval_ms = integer_setting("TRELLIS_SWEEP_INTERVAL_MS", 15 * 60 * 1000);
    config.job_threads = integer_setting("TRELLIS_JOB_THREADS", 2);
    config.job_poll_ms = integer_setting("TRELLIS_JOB_POLL_MS", 1000);
    config.job_claim_seconds = integer_setting("TRELLIS_JOB_CLAIM_SECONDS", 60);
    config.public_url = environment_or("TRELLIS_PUBLIC_URL", "");
    config.storage = environment_or("TRELLIS_STORAGE", "folder");
    config.s3_endpoint = environment_or("TRELLIS_S3_ENDPOINT", "");
    config.s3_bucket = environment_or("TRELLIS_S3_BUCKET", "");
    config.s3_region = environment_or("TRELLIS_S3_REGION", "us-east-1");
    config.s3_access_key = environment_or("TRELLIS_S3_ACCESS_KEY", "");
    config.s3_secret_key = environment_or("TRELLIS_S3_SECRET_KEY", "");
    config.trusted_proxies = http::parse_address_list(environment_or("TRELLIS_TRUSTED_PROXIES", ""));
    return config;
}

void finalise_config(Config& config) {
    if (config.database_url.empty())
        config.database_url = "sqlite:" + config.data_dir + "/trellis.db";
    db::engine_of_url(config.database_url);
    if (config.content_dir.empty())
        config.content_dir = config.root_dir + "/content/modules";
    if (config.public_url.empty())
        config.public_url = "http://localhost:" + std::to_string(config.port);
    while (!config.public_url.empty() && config.public_url.back() == '/')
        config.public_url.pop_back();
    if (config.openid_timeout_ms < 100 || config.openid_timeout_ms > 60000)
        throw std::invalid_argument("TRELLIS_OPENID_TIMEOUT_MS must be between 100 and 60000");
    if (!config.smtp_url.empty() && config.smtp_url.rfind("smtp://", 0) != 0 &&
        config.smtp_url.rfind("smtps://", 0) != 0)
        throw std::invalid_argument("TRELLIS_SMTP_URL must start with smtp:// or smtps://");
    if (!config.smtp_url.empty() && config.mail_from.find('@') == std::string::npos)
        throw std::invalid_argument("TRELLIS_MAIL_FROM must be the address email is sent from");
    if (config.mail_interval_ms < 50 || config.mail_interval_ms > 3600000)
        throw std::invalid_argument("TRELLIS_MAIL_INTERVAL_MS must be between 50 and 3600000");
    if (config.sweep_interval_ms != 0 &&
        (config.sweep_interval_ms < 50 || config.sweep_interval_ms > 24 * 3600000))
        throw std::invalid_argument(
            "TRELLIS_SWEEP_INTERVAL_MS must be 0 (no sweep) or between 50 and 86400000");
    if (!config.lrs_url.empty() && config.lrs_url.rfind("http", 0) != 0)
        throw std::invalid_argument("TRELLIS_LRS_URL must be the learning record store's http(s) address");
    if (!config.lrs_url.empty() && config.public_url.empty())
        throw std::invalid_argument(
            "TRELLIS_LRS_URL needs TRELLIS_PUBLIC_URL: statements name Trellis pages");
    if (config.lrs_interval_ms < 50 || config.lrs_interval_ms > 3600000)
        throw std::invalid_argument("TRELLIS_LRS_INTERVAL_MS must be between 50 and 3600000");
    if (config.mail_claim_seconds < 1 || config.mail_claim_seconds > 86400)
        throw std::invalid_argument("TRELLIS_MAIL_CLAIM_SECONDS must be between 1 and 86400");
    if (config.job_threads < 1 || config.job_threads > 32)
        throw std::invalid_argument("TRELLIS_JOB_THREADS must be between 1 and 32");
    if (config.job_poll_ms < 50 || config.job_poll_ms > 600000)
        throw std::invalid_argument("TRELLIS_JOB_POLL_MS must be between 50 and 600000");
    if (config.job_claim_seconds < 2 || config.job_claim_seconds > 86400)
        throw std::invalid_argument("TRELLIS_JOB_CLAIM_SECONDS must be between 2 and 86400");
    check_storage(config);
    if (config.port < 1 || config.port > 65535)
        throw std::invalid_argument("PORT must be between 1 and 65535");
    if (config.threads < 2 || config.threads > 512)
        throw std::invalid_argument("TRELLIS_THREADS must be between 2 and 512");
    if (config.max_threads < config.threads || config.max_threads > 8192)
        throw std::invalid_argument("TRELLIS_MAX_THREADS must be between TRELLIS_THREADS and 8192");
    if (config.database_connections != 0 &&
        (config.database_connections < 2 || config.database_connections > 512))
        throw std::invalid_argument(
            "TRELLIS_DATABASE_CONNECTIONS must be 0 (sized by Trellis) or between 2 and 512");
    if (config.session_minutes < 1)
        throw std::invalid_argument("TRELLIS_SESSION_MINUTES must be at least 1");
    if (!std::filesystem::exists(config.root_dir + "/templates"))
        throw std::invalid_argument("TRELLIS_ROOT (" + config.root_dir + ") has no templates/ folder");
    if (db::engine_of_url(config.database_url) == db::Engine::Sqlite)
        std::filesystem::create_directories(config.data_dir);
}

} // namespace trellis

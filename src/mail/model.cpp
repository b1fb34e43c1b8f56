#include "mail/model.h"

#include <ctime>

#include "calendar/london_time.h"

namespace trellis::mail {

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all = {{"training_days", "Training days"},
                                          {"programmes", "Programmes and their sessions"},
                                          {"surveys", "Surveys to answer"},
                                          {"peer_learning", "Mentoring, coaching and observation"},
                                          {"groups", "Groups"},
                                          {"help", "Requests for help"},
                                          {"other", "Other notices"}};
    return all;
}

const Kind& kind_of_link(const std::string& link) {
    const auto starts = [&](const char* prefix) { return link.rfind(prefix, 0) == 0; };
    const auto& all = kinds();
    if (starts("/events"))
        return all[0];
    if (starts("/programmes"))
        return all[1];
    if (starts("/surveys"))
        return all[2];
    if (starts("/mentoring") || starts("/observations"))
        return all[3];
    if (starts("/groups"))
        return all[4];
    if (starts("/expertise"))
        return all[5];
    return all[6];
}

const Kind* kind_named(const std::string& key) {
    for (const Kind& kind : kinds())
        if (kind.key == key)
            return &kind;
    return nullptr;
}

long long next_digest_at(long long now) {
    // london_moment gives "YYYY-MM-DD HH:MM" on school clocks; its difference from UTC is the offset.
    const std::string local = calendar::london_moment(now);
    std::tm parts{};
    parts.tm_year = std::stoi(local.substr(0, 4)) - 1900;
    parts.tm_mon = std::stoi(local.substr(5, 2)) - 1;
    parts.tm_mday = std::stoi(local.substr(8, 2));
    parts.tm_hour = std::stoi(local.substr(11, 2));
    parts.tm_min = std::stoi(local.substr(14, 2));
    const long long local_seconds = timegm(&parts);
    const long long offset = (local_seconds - now + 1800) / 3600 * 3600;
    parts.tm_hour = 7;
    parts.tm_min = 0;
    long long at = timegm(&parts) - offset;
    if (at <= now)
        at += 24 * 3600;
    return at;
}

} // namespace trellis::mail

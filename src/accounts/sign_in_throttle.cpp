#include "accounts/sign_in_throttle.h"

#include <algorithm>

namespace trellis::accounts {

long long SignInThrottle::wait_for(const std::string& key, Clock::time_point now) {
    auto found = m_failures.find(key);
    if (found == m_failures.end() || found->second.blocked_until <= now)
        return 0;
    auto remaining =
        std::chrono::duration_cast<std::chrono::seconds>(found->second.blocked_until - now).count();
    return std::max<long long>(1, remaining);
}

void SignInThrottle::fail(const std::string& key, int free_attempts, Clock::time_point now) {
    if (m_failures.size() > kMaxRemembered)
        forget_old_failures(now);
    Failures& failures = m_failures[key];
    // A failure long ago says nothing about an attack now: the count starts again.
    if (now - failures.last_failure > kMemory)
        failures.count = 0;
    failures.last_failure = now;
    ++failures.count;
    if (failures.count >= free_attempts) {
        const int doublings = std::min(failures.count - free_attempts, 5);
        const auto delay =
            std::min<std::chrono::seconds>(std::chrono::seconds(30LL << doublings), std::chrono::minutes(15));
        failures.blocked_until = now + delay;
    }
}

void SignInThrottle::forget_old_failures(Clock::time_point now) {
    std::erase_if(m_failures, [&](const auto& entry) {
        return now - entry.second.last_failure > kMemory && entry.second.blocked_until <= now;
    });
}

long long SignInThrottle::seconds_to_wait(const std::string& email, const std::string& address) {
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    return std::max(wait_for("account:" + email, now), wait_for("address:" + address, now));
}

void SignInThrottle::record_failure(const std::string& email, const std::string& address) {
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    fail("account:" + email, kFreeAttemptsPerAccount, now);
    fail("address:" + address, kFreeAttemptsPerAddress, now);
}

void SignInThrottle::record_success(const std::string& email) {
    std::lock_guard lock(m_mutex);
    m_failures.erase("account:" + email);
}

} // namespace trellis::accounts

#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace trellis::accounts {

// Slows down password guessing: after a few failures for one account or one address, further
// attempts are refused for a while that doubles with each failure (capped at 15 minutes).
class SignInThrottle {
  public:
    using Clock = std::chrono::steady_clock;

    // Seconds the caller must wait before trying this account from this address; 0 to go ahead.
    long long seconds_to_wait(const std::string& email, const std::string& address);
    // Records a failed attempt against both the account and the address.
    void record_failure(const std::string& email, const std::string& address);
    // Forgets the account's failures after a successful sign-in.
    void record_success(const std::string& email);

  private:
    struct Failures {
        int count = 0;
        Clock::time_point last_failure;
        Clock::time_point blocked_until;
    };
    static constexpr int kFreeAttemptsPerAccount = 5;
    // Higher than per account: a whole school's staff often share one public address.
    static constexpr int kFreeAttemptsPerAddress = 50;
    // Failures older than this are forgotten.
    static constexpr std::chrono::hours kMemory{1};
    // Beyond this many remembered keys, old ones are dropped, so a flood cannot grow memory for ever.
    static constexpr std::size_t kMaxRemembered = 100000;
    void forget_old_failures(Clock::time_point now);
    long long wait_for(const std::string& key, Clock::time_point now);
    void fail(const std::string& key, int free_attempts, Clock::time_point now);

    std::mutex m_mutex;
    std::map<std::string, Failures> m_failures;
};

} // namespace trellis::accounts

#include "outbox/sender.h"

#include <unistd.h>

#include <algorithm>

#include "accounts/secrets.h"

namespace trellis::outbox {

long long backoff_seconds(long long attempts) {
    return std::min<long long>(60LL << std::min<long long>(attempts - 1, 10), 6 * 3600);
}

std::string worker_name() {
    return "pid " + std::to_string(::getpid()) + " " + accounts::random_token().substr(0, 8);
}

} // namespace trellis::outbox

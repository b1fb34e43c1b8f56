#pragma once

#include <string>

namespace trellis::outbox {

// What became of one item handed to the other side (a mail relay, a learning record store).
struct Delivery {
    bool sent = false;
    bool permanent = false; // refused for good: do not try again
    std::string error;
};

} // namespace trellis::outbox

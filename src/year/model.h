#pragma once

#include <string>

// Each person's year: everything dated that they are part of, as plain data.
namespace trellis::year {

struct YearItem {
    std::string day;       // YYYY-MM-DD: when it happens, or when it is due
    std::string starts_at; // HH:MM; empty for something due that day or lasting all day
    std::string ends_at;
    std::string title;
    std::string kind;   // live, module, collaboration, practice, follow_up, training_day
    std::string what;   // "Live session", "Training day", ...
    std::string source; // the programme's title, or the training day's venue
    std::string href;
    std::string location;
    std::string uid;        // stable across calendar downloads
    long long sequence = 0; // raised when it moves
    bool due = false;       // work done alone, due by `day`
};

} // namespace trellis::year

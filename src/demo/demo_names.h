#pragma once

#include <string>

#include "people/model.h"

namespace trellis::demo {

// A small linear congruential generator: the same sequence on every machine and compiler, which
// std::uniform_int_distribution does not promise.
class Sequence {
  public:
    // A number in [0, bound).
    unsigned next(unsigned bound) {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>((m_state >> 33) % bound);
    }

  private:
    unsigned long long m_state = 20261123;
};

struct Name {
    std::string first;
    std::string last;
};

struct JobAndSubjects {
    std::string title;
    std::string subjects;
};

// A plausible name for a member of staff in an English school.
Name next_name(Sequence& sequence);
// A job title (and subjects, for secondary teachers) that fits the group and phase.
JobAndSubjects job_for(Sequence& sequence, people::StaffGroup group, const std::string& phase,
                       bool central_team);
// "first.last" in lowercase ASCII, for demo email addresses.
std::string email_local_part(const std::string& first, const std::string& last);

} // namespace trellis::demo

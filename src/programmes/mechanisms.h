#pragma once

#include <string>
#include <vector>

// The fourteen mechanisms of effective professional development in the Education Endowment
// Foundation's 2021 review, in its four groups. Each programme activity names those it uses; the
// design check counts them by group.
namespace trellis::programmes {

enum class MechanismGroup { BuildKnowledge, Motivate, DevelopTechniques, EmbedPractice };

struct Mechanism {
    const char* code; // as stored, e.g. "rehearse"
    const char* label;
    MechanismGroup group;
};

const std::vector<Mechanism>& all_mechanisms();
const std::vector<MechanismGroup>& all_mechanism_groups();
// A label for people, e.g. "Develop teaching techniques".
std::string label_of(MechanismGroup group);
// The mechanism with this code, or null.
const Mechanism* find_mechanism(const std::string& code);

} // namespace trellis::programmes

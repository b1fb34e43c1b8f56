#include "programmes/mechanisms.h"

namespace trellis::programmes {

const std::vector<Mechanism>& all_mechanisms() {
    using enum MechanismGroup;
    static const std::vector<Mechanism> mechanisms = {
        {"cognitive-load", "Manage cognitive load", BuildKnowledge},
        {"revisit", "Revisit prior learning", BuildKnowledge},
        {"goals", "Set and agree on goals", Motivate},
        {"credible-source", "Present information from a credible source", Motivate},
        {"affirmation", "Affirm and reinforce progress", Motivate},
        {"instruct", "Instruct how to perform a technique", DevelopTechniques},
        {"social-support", "Arrange social support", DevelopTechniques},
        {"model", "Model the technique", DevelopTechniques},
        {"feedback", "Monitor and give feedback", DevelopTechniques},
        {"rehearse", "Rehearse the technique", DevelopTechniques},
        {"prompts", "Provide prompts and cues", EmbedPractice},
        {"action-planning", "Prompt action planning", EmbedPractice},
        {"self-monitoring", "Encourage self-monitoring", EmbedPractice},
        {"repetition", "Prompt repetition in context", EmbedPractice},
    };
    return mechanisms;
}

const std::vector<MechanismGroup>& all_mechanism_groups() {
    using enum MechanismGroup;
    static const std::vector<MechanismGroup> groups = {BuildKnowledge, Motivate, DevelopTechniques,
                                                       EmbedPractice};
    return groups;
}

std::string label_of(MechanismGroup group) {
    switch (group) {
    case MechanismGroup::BuildKnowledge:
        return "Build knowledge";
    case MechanismGroup::Motivate:
        return "Motivate staff";
    case MechanismGroup::DevelopTechniques:
        return "Develop teaching techniques";
    case MechanismGroup::EmbedPractice:
        return "Embed practice";
    }
    return "";
}

const Mechanism* find_mechanism(const std::string& code) {
    for (const Mechanism& mechanism : all_mechanisms())
        if (code == mechanism.code)
            return &mechanism;
    return nullptr;
}

} // namespace trellis::programmes

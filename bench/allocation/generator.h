#pragma once
// Realistic benchmark instances as JSON text in the spec's input format.

#include <cstdint>
#include <string>

namespace trellis::bench {

struct GeneratorSettings {
    int people{850};
    int workshops{60};
    int slots{3};
    std::uint64_t seed{1};
};

// Popularity is Zipf-like, each slot's seats sum to 100-110% of the people, some workshops have an
// audience, choices are 3 to 6 long and a few people choose nothing.
std::string generate_instance(const GeneratorSettings& settings);

// Turns a PrefLib .soi file into an instance: alternatives become workshops, voters become
// people (at most max_people, in file order) with their ranking as choices.
std::string instance_from_preflib(const std::string& soi_text, int slots, int max_people, std::uint64_t seed);

} // namespace trellis::bench

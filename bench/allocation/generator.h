#pragma once
// Realistic benchmark instances as JSON text in the spec's input format.

#include <cstdint>
#include <optional>
#include <string>

namespace trellis::bench {

struct GeneratorSettings {
    int people{850};
    int workshops{60};
    int slots{3};
    std::uint64_t seed{1};
    // Choices are this many to max_choices long; a few people choose nothing.
    int min_choices{3};
    int max_choices{6};
    // Each slot's seats exceed the people by this share; without it, by a random 0-10%.
    std::optional<double> seat_slack;
};

// Popularity is Zipf-like, each slot's seats sum to 100-110% of the people (or the seat slack),
// some workshops have an audience, choices are 3 to 6 long (or as set) and a few people choose
// nothing.
std::string generate_instance(const GeneratorSettings& settings);

// Turns a PrefLib .soi file into an instance: alternatives become workshops, voters become
// people (at most max_people, in file order) with their ranking as choices. Seats exceed the people
// by seat_slack in each slot when given, else by a random 0-10%.
std::string instance_from_preflib(const std::string& soi_text, int slots, int max_people, std::uint64_t seed,
                                  std::optional<double> seat_slack = std::nullopt);

} // namespace trellis::bench

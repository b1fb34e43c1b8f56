// The allocation benchmark driver: generates instances, solves them through the same code path as
// `trellis allocate`, and compares the engine with simple allocation rules.
//
//   allocation_bench generate PEOPLE WORKSHOPS SLOTS SEED OUT.json [MIN_CHOICES MAX_CHOICES SEAT_SLACK]
//   allocation_bench preflib FILE.soi SLOTS MAX_PEOPLE SEED OUT.json [SEAT_SLACK]
//   allocation_bench solve IN.json OUT.json [TIME_LIMIT]
//   allocation_bench compare IN.json
//   allocation_bench baselines IN.json   (prints the objectives of first come first served and
//                                         of random serial dictatorship)
// SEAT_SLACK is how far each slot's seats exceed the people, as a share (0.05 for 5%).
#include "allocation/baselines.h"
#include "allocation/engine.h"
#include "allocation/format.h"
#include "app/allocate_command.h"
#include "generator.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

std::string read_text(const std::string& path) {
    std::ifstream input(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << input.rdbuf();
    return buffer.str();
}

bool write_text(const std::string& path, const std::string& text) {
    std::ofstream output(path, std::ios::binary | std::ios::trunc);
    output << text;
    return static_cast<bool>(output);
}

void print_row(const trellis::allocation::Statistics& stats) {
    int first = stats.rank_counts.empty() ? 0 : stats.rank_counts[0];
    std::printf("| %-28s | %10lld | %8d | %8d | %8d | %10d |\n", stats.method.c_str(),
                static_cast<long long>(stats.objective), first, stats.unranked, stats.unassigned,
                stats.people_with_none_of_their_choices);
}

int compare(const std::string& path) {
    namespace allocation = trellis::allocation;
    allocation::Instance instance = allocation::parse_instance(read_text(path));
    std::printf("| %-28s | %10s | %8s | %8s | %8s | %10s |\n", "method", "objective", "1st", "unranked",
                "empty", "none of ch.");
    std::printf(
        "|------------------------------|------------|----------|----------|----------|------------|\n");
    print_row(allocation::allocate_first_come_first_served(instance).statistics);
    print_row(allocation::allocate_random_serial_dictatorship(instance, 2024).statistics);
    allocation::Statistics engine = allocation::allocate(instance).statistics;
    engine.method = "Trellis engine (gap " + std::to_string(engine.gap * 100.0).substr(0, 6) + "%)";
    print_row(engine);
    return 0;
}

// The simple rules' objectives on one line, for the bench table's ratios.
int baselines(const std::string& path) {
    namespace allocation = trellis::allocation;
    allocation::Instance instance = allocation::parse_instance(read_text(path));
    std::printf(
        "%lld %lld\n",
        static_cast<long long>(allocation::allocate_first_come_first_served(instance).statistics.objective),
        static_cast<long long>(
            allocation::allocate_random_serial_dictatorship(instance, 2024).statistics.objective));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::string command = argc > 1 ? argv[1] : "";
    try {
        if (command == "generate" && (argc == 7 || argc == 10)) {
            trellis::bench::GeneratorSettings settings;
            settings.people = std::stoi(argv[2]);
            settings.workshops = std::stoi(argv[3]);
            settings.slots = std::stoi(argv[4]);
            settings.seed = std::stoull(argv[5]);
            if (argc == 10) {
                settings.min_choices = std::stoi(argv[7]);
                settings.max_choices = std::stoi(argv[8]);
                settings.seat_slack = std::stod(argv[9]);
            }
            return write_text(argv[6], trellis::bench::generate_instance(settings)) ? 0 : 1;
        }
        if (command == "preflib" && (argc == 7 || argc == 8)) {
            std::optional<double> slack;
            if (argc == 8)
                slack = std::stod(argv[7]);
            return write_text(argv[6], trellis::bench::instance_from_preflib(
                                           read_text(argv[2]), std::stoi(argv[3]), std::stoi(argv[4]),
                                           std::stoull(argv[5]), slack))
                       ? 0
                       : 1;
        }
        if (command == "baselines" && argc == 3)
            return baselines(argv[2]);
        if (command == "solve" && (argc == 4 || argc == 5)) {
            std::optional<double> limit;
            if (argc == 5)
                limit = std::stod(argv[4]);
            return run_allocate_command(argv[2], argv[3], limit);
        }
        if (command == "compare" && argc == 3)
            return compare(argv[2]);
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 2;
    }
    std::cerr << "usage: allocation_bench generate PEOPLE WORKSHOPS SLOTS SEED OUT [MIN MAX SLACK] | preflib "
                 "FILE SLOTS MAX SEED OUT [SLACK] | solve IN OUT [TIME_LIMIT] | compare IN | baselines IN\n";
    return 2;
}

#include "app/allocate_command.h"

#include "allocation/engine.h"
#include "allocation/format.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

// Instances at least this large report progress; smaller ones finish before anyone would look.
constexpr std::size_t kProgressPeople = 2000;

bool read_file(const std::string& path, std::string& text) {
    std::ifstream input(path, std::ios::binary);
    if (!input)
        return false;
    std::ostringstream buffer;
    buffer << input.rdbuf();
    text = buffer.str();
    return !input.bad();
}

void print_progress(const trellis::allocation::Progress& progress) {
    std::fprintf(stderr, "allocate: %6.2fs  %-26s step %3d  objective %lld  bound %lld\n", progress.seconds,
                 progress.phase.c_str(), progress.iteration, static_cast<long long>(progress.objective),
                 static_cast<long long>(progress.lower_bound));
}

} // namespace

int run_allocate_command(const std::string& input_path, const std::string& output_path,
                         std::optional<double> time_limit_seconds) {
    namespace allocation = trellis::allocation;
    if (time_limit_seconds && !(*time_limit_seconds > 0)) {
        std::cerr << "error: --time-limit must be a positive number of seconds\n";
        return 2;
    }
    std::string text;
    if (!read_file(input_path, text)) {
        std::cerr << "error: cannot read input file \"" << input_path << "\"\n";
        return 1;
    }
    allocation::Result result;
    allocation::Instance instance;
    try {
        instance = allocation::parse_instance(text);
        allocation::Options options;
        options.time_limit_seconds = time_limit_seconds;
        if (instance.people.size() >= kProgressPeople)
            options.on_progress = print_progress;
        result = allocation::allocate(instance, options);
    } catch (const allocation::InputError& error) {
        std::cerr << "error: " << input_path << ": " << error.what() << "\n";
        return 2;
    }
    std::ofstream output(output_path, std::ios::binary | std::ios::trunc);
    output << allocation::format_result(instance, result);
    output.close();
    if (!output) {
        std::cerr << "error: cannot write output file \"" << output_path << "\"\n";
        return 1;
    }
    const auto& stats = result.statistics;
    std::fprintf(stderr,
                 "allocate: objective %lld, lower bound %lld, gap %.4f%%, %d unassigned places, %d people "
                 "with none of their choices, %.2fs\n",
                 static_cast<long long>(stats.objective), static_cast<long long>(stats.lower_bound),
                 stats.gap * 100.0, stats.unassigned, stats.people_with_none_of_their_choices, stats.seconds);
    return 0;
}

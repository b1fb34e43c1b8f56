#pragma once
// The `trellis allocate` verb: reads an instance file, runs the allocation engine with progress on
// stderr and writes the result file (format in shared/spec/allocation.md).

#include <optional>
#include <string>

// Returns 0 on success; on failure prints a message naming the problem to stderr and returns
// non-zero (1 for unreadable or unwritable files, 2 for invalid or infeasible input).
int run_allocate_command(const std::string& input_path, const std::string& output_path,
                         std::optional<double> time_limit_seconds);

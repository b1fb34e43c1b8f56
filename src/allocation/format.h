#pragma once
// The public file format of shared/spec/allocation.md: JSON text to an Instance and a Result back
// to JSON text. Pure string transformation; reading and writing files is the caller's job.

#include "allocation/model.h"

#include <string>

namespace trellis::allocation {

// Parses and validates an instance; throws InputError naming the offending item.
Instance parse_instance(const std::string& json_text);

// Renders a result in the spec's output shape, people and slots in input order.
std::string format_result(const Instance& instance, const Result& result);

} // namespace trellis::allocation

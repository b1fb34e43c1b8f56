#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <mstch/mstch.hpp>

// Charts drawn on the server as inline SVG (templates/partials/bar_chart.mustache), so nothing is
// downloaded and a page can always put the same figures beside them in a table.
namespace trellis::reports::handlers {

// One bar: its label and value, or nullopt with the words to show in place of a bar ("no answers
// yet", "fewer than 5 answers").
struct Bar {
    std::string label;
    std::optional<double> value;
    std::string instead;
};

// A horizontal bar chart drawn on a 0..`most` scale; `means` shows values to one decimal place,
// otherwise as whole numbers.
mstch::map bar_chart(const std::string& id, const std::string& title, const std::vector<Bar>& bars,
                     double most, bool means);

// A value to one decimal place ("3.5").
std::string one_place(double value);

} // namespace trellis::reports::handlers

#include "reports/handlers/bar_chart.h"

#include <algorithm>
#include <cstdio>

namespace trellis::reports::handlers {

namespace {

constexpr double kBarArea = 440; // the widest bar in the chart's 640-wide box
constexpr int kRowHeight = 44;

} // namespace

std::string one_place(double value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

mstch::map bar_chart(const std::string& id, const std::string& title, const std::vector<Bar>& bars,
                     double most, bool means) {
    mstch::array views;
    int row = 0;
    for (const Bar& bar : bars) {
        const int top = row++ * kRowHeight;
        mstch::map view{{"label", bar.label},
                        {"label_y", std::to_string(top + 14)},
                        {"bar_y", std::to_string(top + 20)},
                        {"value_y", std::to_string(top + 33)},
                        {"has_bar", bar.value.has_value()}};
        if (!bar.value) {
            view["value"] = bar.instead;
            view["value_x"] = std::string("0");
        } else {
            const double width = std::max(most > 0 ? *bar.value / most * kBarArea : 0, 1.0);
            view["value"] = means ? one_place(*bar.value) : std::to_string(static_cast<int>(*bar.value));
            view["width"] = one_place(width);
            view["value_x"] = one_place(width + 8);
        }
        views.push_back(view);
    }
    return mstch::map{{"chart_id", id},
                      {"chart_title", title},
                      {"height", std::to_string(row * kRowHeight + 4)},
                      {"bars", views}};
}

} // namespace trellis::reports::handlers

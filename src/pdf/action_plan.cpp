#include <memory>
#include <string>

#include "pdf/flow.h"
#include "pdf/pdf.h"
#include "pdf/text.h"

namespace trellis::pdf {

namespace {

constexpr double kStepIndent = 46;
constexpr double kBoxSize = 10;

bool blank(std::string_view text) {
    return clean_text(text).find_first_not_of(" \t\n") == std::string::npos;
}

TextStyle body() {
    return {font(kSans, 10), kInk, 1.25};
}
TextStyle bold() {
    return {font(std::string(kSans) + " Bold", 10), kInk, 1.25};
}
TextStyle quiet() {
    return {font(std::string(kSans) + " Oblique", 10), kMuted, 1.25};
}

void section_heading(Flow& flow, const std::string& title) {
    flow.space(16);
    flow.keep(80);
    flow.text(escape(title), {font(std::string(kSans) + " Bold", 13), kAccent, 1.1}, 0);
    flow.figure(12, [&flow](cairo_t* cr, double x, double y) {
        set_colour(cr, kRule);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x, y + 5);
        cairo_line_to(cr, x + flow.width(), y + 5);
        cairo_stroke(cr);
    });
}

// A rule to write on, starting `indent` in and ending `length` later.
void writing_line(Flow& flow, double indent, double length, double height) {
    flow.figure(height, [=](cairo_t* cr, double x, double y) {
        set_colour(cr, kRule);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x + indent, y + height - 4);
        cairo_line_to(cr, x + indent + length, y + height - 4);
        cairo_stroke(cr);
    });
}

void heading(Flow& flow, const ActionPlan& plan) {
    flow.text("My action plan", {font(std::string(kSans) + " Bold", 22), kInk, 1.1}, 0);
    flow.figure(16, [](cairo_t* cr, double x, double y) {
        set_colour(cr, kAccent);
        cairo_set_line_width(cr, 1.5);
        cairo_move_to(cr, x, y + 7);
        cairo_line_to(cr, x + 56, y + 7);
        cairo_stroke(cr);
    });
    if (!blank(plan.module_title))
        flow.text(escape(plan.module_title), {font(std::string(kSans) + " Bold", 14), kAccent, 1.15}, 0);
    std::string meta = escape(plan.person_name);
    if (!blank(plan.written_on))
        meta += (blank(plan.person_name) ? "" : "  \u00b7  ") + std::string("Written on ") +
                escape(plan.written_on);
    flow.space(4);
    flow.text(meta, {font(kSans, 10), kMuted, 1.25}, 0);
}

void reflections(Flow& flow, const ActionPlan& plan) {
    if (plan.reflections.empty())
        return;
    section_heading(flow, "My reflections");
    for (const auto& [prompt, answer] : plan.reflections) {
        LayoutPtr prompt_layout = flow.layout(escape(prompt), bold(), 0);
        // The prompt stays on the page of the first lines of its answer.
        flow.keep(layout_height(prompt_layout.get()) + 30);
        flow.lines(prompt_layout.get(), 0);
        flow.space(3);
        if (blank(answer))
            flow.text("Not answered yet", quiet(), 0);
        else
            flow.text(escape(answer), body(), 0);
        flow.space(12);
    }
}

// The number and an empty tick box in the margin of the step's first line.
Marker step_marker(Flow& flow, int number) {
    std::shared_ptr<PangoLayout> label(
        make_layout(flow.pango(), std::to_string(number) + ".", bold(), kStepIndent).release(),
        GObjectUnref());
    const double left = flow.left();
    return [label, left](cairo_t* cr, double baseline) {
        const double label_x = left + 18 - layout_width(label.get());
        cairo_move_to(cr, label_x,
                      baseline - static_cast<double>(pango_layout_get_baseline(label.get())) / PANGO_SCALE);
        pango_cairo_show_layout(cr, label.get());
        set_colour(cr, kInk);
        cairo_set_line_width(cr, 0.9);
        cairo_rectangle(cr, left + 26, baseline - kBoxSize + 1, kBoxSize, kBoxSize);
        cairo_stroke(cr);
    };
}

void steps(Flow& flow, const ActionPlan& plan) {
    section_heading(flow, "My next steps");
    if (plan.steps.empty()) {
        flow.text("No next steps chosen yet", quiet(), 0);
        return;
    }
    int number = 1;
    for (const std::string& step : plan.steps) {
        LayoutPtr layout = flow.layout(escape(step), body(), kStepIndent);
        flow.keep(layout_height(layout.get()) + 26);
        flow.set_marker(step_marker(flow, number++));
        flow.lines(layout.get(), kStepIndent);
        flow.space(6);
        LayoutPtr label = flow.layout("By when:", {font(kSans, 8.5), kMuted}, kStepIndent);
        const double label_width = layout_width(label.get());
        flow.lines(label.get(), kStepIndent);
        flow.figure(0, [&](cairo_t* cr, double x, double y) {
            set_colour(cr, kRule);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, x + kStepIndent + label_width + 6, y - 3);
            cairo_line_to(cr, x + kStepIndent + label_width + 180, y - 3);
            cairo_stroke(cr);
        });
        flow.space(14);
    }
}

void notes(Flow& flow, const ActionPlan& plan) {
    section_heading(flow, "Notes");
    if (!blank(plan.notes)) {
        flow.text(escape(plan.notes), body(), 0);
        return;
    }
    // Nothing written yet: lines to write on once printed.
    for (int line = 0; line < 6; ++line)
        writing_line(flow, 0, flow.width(), 24);
}

} // namespace

std::string action_plan(const ActionPlan& plan) {
    FlowSetup setup;
    setup.footer = "My action plan";
    if (!blank(plan.person_name))
        setup.footer += " \u00b7 " + clean_text(plan.person_name);
    if (!blank(plan.module_title))
        setup.footer += " \u00b7 " + clean_text(plan.module_title);
    return render_flow("My action plan: " + plan.module_title, setup, [&](Flow& flow) {
        heading(flow, plan);
        reflections(flow, plan);
        steps(flow, plan);
        notes(flow, plan);
    });
}

} // namespace trellis::pdf

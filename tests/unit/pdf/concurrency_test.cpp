#include <gtest/gtest.h>

#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "pdf/pdf.h"
#include "pdf_support.h"

using namespace trellis::pdf;
using namespace trellis::pdf::testing;

namespace {

// What one server thread renders: a certificate, an action plan and a document, all in its own name.
struct Rendered {
    std::string certificate;
    std::string action_plan;
    std::string document;
    std::string error;
};

Rendered render_for(int thread) {
    Rendered rendered;
    const std::string name = "Person " + std::to_string(thread) + " \u00c9lodie";
    try {
        for (int round = 0; round < 3; ++round) {
            Certificate certificate{name,
                                    "Module " + std::to_string(thread),
                                    "Oakfield Learning Trust",
                                    "23 November 2026",
                                    1.5,
                                    "TRL-" + std::to_string(thread),
                                    "http://localhost:8080/verify/TRL-" + std::to_string(thread)};
            rendered.certificate = trellis::pdf::certificate(certificate);
            ActionPlan plan{name,
                            "Module " + std::to_string(thread),
                            "23 November 2026",
                            {{"Prompt?", "Answer by " + name}},
                            {"Step by " + name},
                            ""};
            rendered.action_plan = action_plan(plan);
            std::string markdown;
            for (int paragraph = 0; paragraph < 40; ++paragraph)
                markdown +=
                    "Paragraph by **" + name + "**, with a [link](https://example.org) and `code`.\n\n";
            rendered.document = markdown_document("Document for " + name, markdown, name);
        }
    } catch (const std::exception& error) {
        rendered.error = error.what();
    }
    return rendered;
}

} // namespace

TEST(PdfConcurrency, renders_from_eight_threads_at_once_without_mixing_them_up) {
    constexpr int kThreads = 8;
    std::vector<Rendered> results(kThreads);
    std::vector<std::thread> threads;
    for (int thread = 0; thread < kThreads; ++thread)
        threads.emplace_back([&results, thread] { results[thread] = render_for(thread); });
    for (std::thread& thread : threads)
        thread.join();
    for (int thread = 0; thread < kThreads; ++thread) {
        const Rendered& rendered = results[thread];
        ASSERT_EQ(rendered.error, "") << thread;
        const std::string name = "Person " + std::to_string(thread) + " \u00c9lodie";
        EXPECT_NE(flat_text(rendered.certificate).find(name), std::string::npos) << thread;
        EXPECT_NE(flat_text(rendered.certificate).find("TRL-" + std::to_string(thread)), std::string::npos);
        EXPECT_NE(flat_text(rendered.action_plan).find("Step by " + name), std::string::npos) << thread;
        const std::string document = flat_text(rendered.document);
        EXPECT_NE(document.find("Document for " + name), std::string::npos) << thread;
        EXPECT_GE(page_count(rendered.document), 2) << thread;
    }
}

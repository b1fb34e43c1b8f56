// Any bytes as a page of a learning module: the parser reports problems with file and line, and
// never crashes. The module around the page is fixed and valid.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "learning/content/parser.h"

namespace {

std::filesystem::path module_folder() {
    static const std::filesystem::path folder = [] {
        const auto base = std::filesystem::temp_directory_path() / ("trellis-fuzz-" + std::to_string(getpid()));
        const auto module = base / "fuzzed-module";
        std::filesystem::create_directories(module);
        std::ofstream(module / "module.json") << R"json({"slug": "fuzzed-module", "title": "Fuzzed module", "summary": "Why professional learning only takes root where staff feel safe to try, fail and talk honestly, and what leaders can do, week by week, to build and repair that trust.", "audience": ["leader", "teacher", "ect", "support"], "topics": ["culture", "trust", "psychological-safety", "coaching"], "minutes": 90, "hours": 1.5, "outcomes": ["By the end you will be able to explain trust as four things colleagues judge you on: competence, benevolence, integrity and reliability."], "pages": ["01-page.md"]})json";
        return module;
    }();
    return folder;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto folder = module_folder();
    {
        std::ofstream page(folder / "01-page.md", std::ios::binary | std::ios::trunc);
        page.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const auto loaded = trellis::learning::content::parse_module(folder, {});
    for (const auto& problem : loaded.problems)
        if (problem.message.empty())
            __builtin_trap(); // every problem says what is wrong
    return 0;
}

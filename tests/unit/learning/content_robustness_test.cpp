// The parser must survive any input: these tests feed it mangled copies of valid content and
// random bytes, and only ask that it returns (never throws, never crashes) and explains itself.

#include "learning/content/parser.h"

#include <random>

#include "content_fixture.h"

using namespace trellis::learning::content;
using namespace trellis::learning::content::testing;

namespace {

const std::string kModule = "example-module";

// A copy of `text` with a few random edits: bytes changed, lines dropped, duplicated or swapped.
std::string mangled(const std::string& text, std::mt19937& random) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    const std::vector<std::string> fragments = {"```",
                                                "```trellis-quiz id=x",
                                                "@start",
                                                "- [x] a | b",
                                                "- a -> start",
                                                "@debrief",
                                                "- x => Y",
                                                "reflections: ,,",
                                                "![](a.png)",
                                                "\xFF",
                                                "- module: x \u2014 y",
                                                "{",
                                                "\"pages\": [1]",
                                                "title:",
                                                "~~~"};
    std::uniform_int_distribution<int> edits(1, 6);
    for (int edit = edits(random); edit > 0 && !lines.empty(); --edit) {
        const size_t at = std::uniform_int_distribution<size_t>(0, lines.size() - 1)(random);
        switch (std::uniform_int_distribution<int>(0, 4)(random)) {
        case 0:
            lines.erase(lines.begin() + static_cast<long>(at));
            break;
        case 1:
            lines.insert(lines.begin() + static_cast<long>(at), lines[at]);
            break;
        case 2:
            std::swap(lines[at], lines[std::uniform_int_distribution<size_t>(0, lines.size() - 1)(random)]);
            break;
        case 3:
            lines.insert(lines.begin() + static_cast<long>(at),
                         fragments[std::uniform_int_distribution<size_t>(0, fragments.size() - 1)(random)]);
            break;
        default:
            if (!lines[at].empty())
                lines[at][std::uniform_int_distribution<size_t>(0, lines[at].size() - 1)(random)] =
                    static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random));
        }
    }
    std::string out;
    for (size_t index = 0; index < lines.size(); ++index)
        out += lines[index] + (index + 1 < lines.size() ? "\n" : "");
    return out;
}

} // namespace

TEST(ContentRobustness, survives_hundreds_of_mangled_modules_and_reports_with_positions) {
    ContentFolder folder;
    folder.write_valid_module();
    const std::string manifest =
        R"({"slug": "example-module", "title": "T", "summary": "S", "audience": ["teacher"],
 "topics": ["t"], "minutes": 5, "hours": 1, "outcomes": ["O"], "pages": ["01-introduction.md", "02-next-steps.md"]})";
    std::mt19937 random(20260101); // fixed, so that a failure can be replayed
    int broken = 0;
    for (int round = 0; round < 200; ++round) {
        folder.write(kModule + "/module.json", round % 5 == 0 ? mangled(manifest, random) : manifest);
        folder.write(kModule + "/01-introduction.md", mangled(ContentFolder::first_page(), random));
        folder.write(kModule + "/02-next-steps.md", mangled(ContentFolder::second_page(), random));
        ModuleLoad result;
        ASSERT_NO_THROW(result = parse_module(folder.root() / kModule)) << "round " << round;
        broken += result.ok() ? 0 : 1;
        for (const Problem& problem : result.problems) {
            EXPECT_FALSE(problem.message.empty());
            EXPECT_GE(problem.line, 0);
        }
    }
    EXPECT_GT(broken, 100); // most edits break a rule; if none did, the checker would be asleep
}

TEST(ContentRobustness, survives_random_bytes_in_every_file) {
    ContentFolder folder;
    folder.write_valid_module();
    std::mt19937 random(7);
    for (int round = 0; round < 100; ++round) {
        for (const char* file : {"module.json", "01-introduction.md", "02-next-steps.md", "case-study.vtt"}) {
            std::string bytes(std::uniform_int_distribution<size_t>(0, 400)(random), '\0');
            for (char& byte : bytes)
                byte = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random));
            folder.write(kModule + "/" + file, bytes);
        }
        ASSERT_NO_THROW(parse_module(folder.root() / kModule)) << "round " << round;
    }
}

TEST(ContentRobustness, survives_deeply_nested_json_and_markdown) {
    ContentFolder folder;
    folder.write_valid_module();
    folder.write(kModule + "/module.json", std::string(100000, '[') + std::string(100000, ']'));
    EXPECT_TRUE(
        has_problem(parse_module(folder.root() / kModule).problems, "module.json", 1, "one JSON object"));
    folder.write_valid_module();
    folder.write(kModule + "/02-next-steps.md", "# Deep\n\n" + std::string(50000, '>') + " quote\n" +
                                                    std::string(50000, '*') + "\n" + std::string(20000, '[') +
                                                    "\n");
    ModuleLoad result;
    ASSERT_NO_THROW(result = parse_module(folder.root() / kModule));
}

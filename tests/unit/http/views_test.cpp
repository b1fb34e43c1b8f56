#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "http/views.h"

namespace trellis::http {
namespace {

// A templates folder of its own for each test, with the two templates every folder must have.
class ViewsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_folder = std::filesystem::temp_directory_path() /
                   ("trellis-views-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                    "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_folder);
        write("layout/page", "<main>{{title}}|{{{body}}}|{{#signed_in}}{{name}}{{/signed_in}}</main>");
        write("errors/error", "{{message}}");
    }
    void TearDown() override { std::filesystem::remove_all(m_folder); }

    void write(const std::string& name, const std::string& text) {
        const auto path = m_folder / (name + ".mustache");
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path) << text;
    }
    std::string folder() const { return m_folder.string(); }
    // What loading the folder throws, or "" when it loads.
    std::string load_error() const {
        try {
            Views views(folder());
        } catch (const std::runtime_error& error) {
            return error.what();
        }
        return "";
    }

  private:
    std::filesystem::path m_folder;
};

TEST_F(ViewsTest, escapes_text_as_pages_always_had_it_and_leaves_triple_braces_alone) {
    write("page", "{{text}}|{{{text}}}");
    const Views views(folder());
    EXPECT_EQ(views.render("page", mstch::map{{"text", std::string("<a href='/x'>\"&\"</a>")}}),
              "&lt;a href=&#39;&#x2F;x&#39;&gt;&quot;&amp;&quot;&lt;&#x2F;a&gt;|<a href='/x'>\"&\"</a>");
}

TEST_F(ViewsTest, empty_text_and_no_items_are_false_and_zero_is_false_only_as_a_condition) {
    write("page", "{{#note}}[{{note}}]{{/note}}{{^note}}none{{/note}} "
                  "{{#items}}{{.}},{{/items}}{{^items}}empty{{/items}} "
                  "{{#count}}some{{/count}}{{^count}}no{{/count}}:{{count}} {{shown}} {{#flag}}on{{/flag}}");
    const Views views(folder());
    EXPECT_EQ(views.render("page", mstch::map{{"note", std::string("")},
                                              {"items", mstch::array{}},
                                              {"count", 0},
                                              {"shown", 0},
                                              {"flag", false}}),
              "none empty no: 0 ");
    EXPECT_EQ(views.render("page", mstch::map{{"note", std::string("hi")},
                                              {"items", mstch::array{std::string("a"), std::string("b")}},
                                              {"count", 2},
                                              {"shown", 7},
                                              {"flag", true}}),
              "[hi] a,b, some:2 7 on");
}

TEST_F(ViewsTest, a_number_named_through_its_parent_is_a_condition_too) {
    write("page", "{{#item.count}}some{{/item.count}}{{^item.count}}none{{/item.count}}");
    const Views views(folder());
    EXPECT_EQ(views.render("page", mstch::map{{"item", mstch::map{{"count", 0}}}}), "none");
    EXPECT_EQ(views.render("page", mstch::map{{"item", mstch::map{{"count", 3}}}}), "some");
}

TEST_F(ViewsTest, a_partial_renders_in_place_for_each_item_with_the_items_and_the_page_around_it) {
    write("partials/row", "<li>{{name}} of {{team}}</li>\n");
    write("page", "<ul>{{#people}}{{> partials/row}}{{/people}}</ul>");
    const Views views(folder());
    EXPECT_EQ(
        views.render("page", mstch::map{{"team", std::string("Maths")},
                                        {"people", mstch::array{mstch::map{{"name", std::string("Ada")}},
                                                                mstch::map{{"name", std::string("Alan")}}}}}),
        "<ul><li>Ada of Maths</li><li>Alan of Maths</li></ul>");
}

TEST_F(ViewsTest, the_layout_goes_around_a_body_rendered_already) {
    const Views views(folder());
    EXPECT_EQ(
        views.render_around(
            "layout/page",
            mstch::map{{"title", std::string("Home")}, {"signed_in", true}, {"name", std::string("Ada")}},
            "<p>{{not a tag}}</p>"),
        "<main>Home|<p>{{not a tag}}</p>|Ada</main>");
}

TEST_F(ViewsTest, a_broken_template_or_a_missing_partial_stops_loading_with_its_name) {
    write("broken", "{{#open}} never closed");
    const std::string broken = load_error();
    EXPECT_NE(broken.find("broken"), std::string::npos) << "loaded a broken template: " << broken;
    std::filesystem::remove(std::filesystem::path(folder()) / "broken.mustache");
    write("page", "{{> partials/missing}}");
    const std::string missing = load_error();
    EXPECT_NE(missing.find("partials/missing"), std::string::npos)
        << "loaded a template naming a missing partial: " << missing;
    std::filesystem::remove(std::filesystem::path(folder()) / "page.mustache");
    EXPECT_EQ(load_error(), ""); // the folder loads again once both are gone
}

TEST_F(ViewsTest, an_unknown_template_is_refused) {
    const Views views(folder());
    EXPECT_THROW(views.render("nowhere", mstch::map{}), std::runtime_error);
    EXPECT_THROW(views.render_around("errors/error", mstch::map{}, ""), std::runtime_error);
}

} // namespace
} // namespace trellis::http

#include <gtest/gtest.h>

#include <string>

#include "pdf/pdf.h"
#include "pdf_support.h"

using namespace trellis::pdf;
using namespace trellis::pdf::testing;

namespace {

const std::string kMarkupLike = "<b>&\"' </span>&amp;";
const std::string kAccented = "Zo\u00eb \u00d3 S\u00failleabh\u00e1in";
const std::string kOtherScripts = "\u0141ukasz \u017b\u00f3\u0142\u0107, \u0395\u03bb\u03ad\u03bd\u03b7, "
                                  "\u0414\u043c\u0438\u0442\u0440\u0438\u0439";

} // namespace

TEST(PdfTextSafety, prints_markup_characters_and_accents_in_markdown_as_written) {
    const std::string markdown = "Plain " + kMarkupLike + " and " + kAccented + "\n\n- " + kOtherScripts +
                                 "\n\n```\ncode " + kMarkupLike + "\n```\n";
    const std::string bytes = markdown_document("Title " + kMarkupLike, markdown, "Footer " + kMarkupLike);
    const std::string text = flat_text(bytes);
    // cmark reads "&amp;" in Markdown as an entity for "&"; code keeps it as written.
    EXPECT_NE(text.find("Plain <b>&\"' </span>& and " + kAccented), std::string::npos) << text;
    EXPECT_NE(text.find(kOtherScripts), std::string::npos) << text;
    EXPECT_NE(text.find("code " + kMarkupLike), std::string::npos) << text;
    EXPECT_NE(text.find("Title " + kMarkupLike), std::string::npos) << text;
    EXPECT_NE(text.find("Footer " + kMarkupLike), std::string::npos) << text;
    EXPECT_EQ(info_field(pdf_info(bytes), "Title"), "Title " + kMarkupLike);
}

TEST(PdfTextSafety, prints_markup_characters_and_accents_on_a_certificate) {
    Certificate certificate;
    certificate.person_name = "Si\u00e2n O'Connor-M\u00fcller <b>&";
    certificate.module_title = "Trust & \"feedback\" <i>";
    certificate.trust_name = "St Ren\u00e9e's & All Saints'";
    certificate.completed_on = "1 d\u00e9cembre 2026";
    certificate.hours = 2;
    certificate.code = "TRL-<&>";
    certificate.verify_url = "https://example.org/verify?code=a&b=<c>";
    const std::string text = flat_text(trellis::pdf::certificate(certificate));
    for (const std::string& expected :
         {certificate.person_name, certificate.module_title, certificate.trust_name, certificate.completed_on,
          std::string("2 hours"), certificate.code, certificate.verify_url})
        EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
}

TEST(PdfTextSafety, prints_markup_characters_and_accents_in_an_action_plan) {
    ActionPlan plan;
    plan.person_name = kAccented;
    plan.module_title = "Module " + kMarkupLike;
    plan.reflections = {{"Prompt " + kMarkupLike + "?", "Answer " + kOtherScripts}};
    plan.steps = {"Step " + kMarkupLike};
    plan.notes = "Notes " + kMarkupLike;
    const std::string text = flat_text(action_plan(plan));
    for (const std::string& expected :
         {kAccented, "Module " + kMarkupLike, "Prompt " + kMarkupLike + "?", "Answer " + kOtherScripts,
          "1. Step " + kMarkupLike, "Notes " + kMarkupLike})
        EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
}

TEST(PdfTextSafety, replaces_invalid_bytes_and_control_characters_without_dropping_the_rest) {
    const std::string broken = std::string("before\x01\x7f") + '\0' + "\xff\xfe middle \xc3 after\r\nnext";
    ActionPlan plan;
    plan.person_name = broken;
    plan.steps = {broken};
    const std::string plan_text = flat_text(action_plan(plan));
    EXPECT_NE(plan_text.find("before"), std::string::npos) << plan_text;
    EXPECT_NE(plan_text.find("\ufffd\ufffd middle \ufffd after"), std::string::npos) << plan_text;
    EXPECT_NE(plan_text.find("next"), std::string::npos) << plan_text;
    const std::string document_text = flat_text(markdown_document(broken, broken, broken));
    EXPECT_NE(document_text.find("middle"), std::string::npos) << document_text;
    EXPECT_NE(document_text.find("next"), std::string::npos) << document_text;
}

// DejaVu has no Chinese characters; fontconfig falls back to WenQuanYi Micro Hei (fonts-wqy-microhei).
TEST(PdfTextSafety, prints_names_in_chinese_and_vietnamese) {
    Certificate certificate;
    certificate.person_name = "\u738b\u5c0f\u660e and Ng\u1ecdc \u00c1nh";
    certificate.module_title = "Module";
    certificate.code = "TRL-1";
    certificate.verify_url = "https://example.org/verify/TRL-1";
    const std::string text = flat_text(trellis::pdf::certificate(certificate));
    EXPECT_NE(text.find(certificate.person_name), std::string::npos) << text;
}

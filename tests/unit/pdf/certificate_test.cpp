#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "pdf/pdf.h"
#include "pdf_support.h"

using namespace trellis::pdf;
using namespace trellis::pdf::testing;

namespace {

Certificate priya() {
    Certificate certificate;
    certificate.person_name = "Priya Shah";
    certificate.module_title = "Building trust: the ground for professional development";
    certificate.trust_name = "Oakfield Learning Trust";
    certificate.completed_on = "23 November 2026";
    certificate.hours = 1.5;
    certificate.code = "TRL-7KQ2-M9XD-4F3A";
    certificate.verify_url = "http://localhost:8080/verify/TRL-7KQ2-M9XD-4F3A";
    return certificate;
}

} // namespace

TEST(PdfCertificate, prints_every_detail_on_one_landscape_a4_page) {
    const std::string bytes = certificate(priya());
    const std::string info = pdf_info(bytes);
    EXPECT_EQ(info_field(info, "Pages"), "1");
    EXPECT_NE(info_field(info, "Page size").find("841.89 x 595.276 pts (A4)"), std::string::npos) << info;
    EXPECT_EQ(info_field(info, "Title"),
              "Certificate of completion: Building trust: the ground for professional "
              "development");
    const std::string text = flat_text(bytes);
    for (const char* expected : {"Certificate of completion", "Priya Shah", "has completed the online module",
                                 "Building trust: the ground for professional development",
                                 "Oakfield Learning Trust", "23 November 2026", "1.5 hours",
                                 "TRL-7KQ2-M9XD-4F3A", "http://localhost:8080/verify/TRL-7KQ2-M9XD-4F3A"})
        EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
}

TEST(PdfCertificate, qr_code_decodes_to_the_verify_address) {
    if (!have_program("zbarimg"))
        GTEST_SKIP() << "zbarimg (Debian package zbar-tools) is not installed";
    TemporaryFolder folder;
    const auto pdf = folder.write("certificate.pdf", certificate(priya()));
    run("pdftoppm -png -r 150 -singlefile '" + pdf.string() + "' '" + (folder.path() / "page").string() +
        "'");
    const std::string decoded = run("zbarimg --quiet --raw '" + (folder.path() / "page.png").string() + "'");
    EXPECT_EQ(decoded, "http://localhost:8080/verify/TRL-7KQ2-M9XD-4F3A\n");
}

TEST(PdfCertificate, keeps_a_very_long_name_and_title_whole_on_one_page) {
    Certificate long_one = priya();
    long_one.person_name =
        "Maria-Fernanda Alessandra Josephine Wolstenholme-Fitzgerald de la Cruz y Montenegro";
    long_one.module_title.clear();
    for (int word = 1; word <= 40; ++word)
        long_one.module_title += "Chapter" + std::to_string(word) + " ";
    const std::string bytes = certificate(long_one);
    EXPECT_EQ(page_count(bytes), 1);
    const std::string text = flat_text(bytes);
    // The name may wrap after its hyphen.
    EXPECT_NE(text.find("Josephine Wolstenholme-"), std::string::npos) << text;
    EXPECT_NE(text.find("Fitzgerald de la Cruz"), std::string::npos) << text;
    EXPECT_NE(text.find("Montenegro"), std::string::npos) << text;
    for (int word = 1; word <= 40; ++word)
        EXPECT_NE(text.find("Chapter" + std::to_string(word) + " "), std::string::npos) << word << "\n"
                                                                                        << text;
}

TEST(PdfCertificate, leaves_off_hours_when_there_are_none) {
    Certificate no_hours = priya();
    no_hours.hours = 0;
    const std::string text = flat_text(certificate(no_hours));
    EXPECT_EQ(text.find("CPD hours"), std::string::npos);
    EXPECT_NE(text.find("23 November 2026"), std::string::npos);
}

TEST(PdfCertificate, rejects_a_certificate_without_a_code) {
    Certificate no_code = priya();
    no_code.code = "  ";
    EXPECT_THROW(certificate(no_code), InvalidInput);
    try {
        certificate(no_code);
        FAIL() << "no exception";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("verification code"), std::string::npos) << error.what();
    }
}

TEST(PdfCertificate, rejects_missing_names_relative_addresses_and_impossible_hours) {
    Certificate no_name = priya();
    no_name.person_name = "";
    EXPECT_THROW(certificate(no_name), InvalidInput);
    Certificate relative = priya();
    relative.verify_url = "/verify/TRL-7KQ2-M9XD-4F3A";
    EXPECT_THROW(certificate(relative), InvalidInput);
    Certificate negative = priya();
    negative.hours = -1;
    EXPECT_THROW(certificate(negative), InvalidInput);
    Certificate not_a_number = priya();
    not_a_number.hours = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(certificate(not_a_number), InvalidInput);
}

TEST(PdfCertificate, reports_an_address_too_long_for_a_qr_code) {
    Certificate huge = priya();
    huge.verify_url = "https://example.org/" + std::string(5000, 'x');
    EXPECT_THROW(certificate(huge), std::runtime_error);
}

TEST(PdfHours, prints_whole_and_fractional_hours) {
    EXPECT_EQ(hours_text(1), "1 hour");
    EXPECT_EQ(hours_text(1.5), "1.5 hours");
    EXPECT_EQ(hours_text(2), "2 hours");
    EXPECT_EQ(hours_text(0.25), "0.25 hours");
    EXPECT_EQ(hours_text(2.999), "3 hours");
    EXPECT_THROW(hours_text(-0.5), InvalidInput);
    EXPECT_THROW(hours_text(std::numeric_limits<double>::infinity()), InvalidInput);
}

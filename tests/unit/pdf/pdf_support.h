#pragma once

// Reads rendered PDFs back the way a person would see them: poppler's pdftotext, pdfinfo and
// pdftoppm (Debian package poppler-utils), run on a temporary file.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace trellis::pdf::testing {

// A temporary folder, removed with everything in it when the test ends.
class TemporaryFolder {
  public:
    TemporaryFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "trellis-pdf-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot make a temporary folder");
        m_path = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    // Writes bytes to a file in the folder and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& bytes) const {
        const std::filesystem::path file = m_path / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }

  private:
    std::filesystem::path m_path;
};

// A command's standard output; fails the test if it does not exit with 0.
inline std::string run(const std::string& command) {
    FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr)
        throw std::runtime_error("cannot run " + command);
    std::string output;
    char buffer[4096];
    for (std::size_t read; (read = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        output.append(buffer, read);
    const int status = pclose(pipe);
    EXPECT_EQ(status, 0) << command;
    return output;
}

inline bool have_program(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// The text of the PDF laid out as on the page (pdftotext -layout), form feeds between pages.
inline std::string pdf_text(const std::string& bytes) {
    TemporaryFolder folder;
    return run("pdftotext -layout -enc UTF-8 '" + folder.write("document.pdf", bytes).string() + "' -");
}

// The same text with every run of white space made one space, so that phrases can be found
// wherever the lines happened to wrap.
inline std::string flat_text(const std::string& bytes) {
    std::string flat;
    for (char character : pdf_text(bytes)) {
        const bool space = character == ' ' || character == '\n' || character == '\f' || character == '\t';
        if (!space)
            flat += character;
        else if (!flat.empty() && flat.back() != ' ')
            flat += ' ';
    }
    return flat;
}

// pdfinfo's report: "Title:", "Pages:", "Page size:" and so on.
inline std::string pdf_info(const std::string& bytes) {
    TemporaryFolder folder;
    return run("pdfinfo -enc UTF-8 '" + folder.write("document.pdf", bytes).string() + "'");
}

// The value pdfinfo gives for a field, without the padding.
inline std::string info_field(const std::string& info, const std::string& field) {
    const std::size_t start = info.find(field + ":");
    if (start == std::string::npos)
        return "";
    const std::size_t value = info.find_first_not_of(' ', start + field.size() + 1);
    return info.substr(value, info.find('\n', value) - value);
}

inline int page_count(const std::string& bytes) {
    return std::stoi(info_field(pdf_info(bytes), "Pages"));
}

} // namespace trellis::pdf::testing

#include "pdf/pdf_file.h"

#include <cairo-pdf.h>

#include <new>
#include <stdexcept>

namespace trellis::pdf {

PdfFile::PdfFile(double width, double height) : m_width(width), m_height(height) {
    require_fonts();
    m_surface = cairo_pdf_surface_create_for_stream(&PdfFile::write, this, width, height);
    m_cr = cairo_create(m_surface);
    if (cairo_status(m_cr) != CAIRO_STATUS_SUCCESS) {
        const std::string message = cairo_status_to_string(cairo_status(m_cr));
        cairo_destroy(m_cr);
        cairo_surface_destroy(m_surface);
        throw std::runtime_error("cannot start a PDF: " + message);
    }
    cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "Trellis");
    m_pango.reset(pango_cairo_create_context(m_cr));
    // Font sizes are in points, and a PDF's unit is the point.
    pango_cairo_context_set_resolution(m_pango.get(), 72.0);
}

PdfFile::~PdfFile() {
    cairo_destroy(m_cr);
    cairo_surface_destroy(m_surface);
}

void PdfFile::set_title(std::string_view title) {
    const std::string cleaned = clean_text(title);
    cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, cleaned.c_str());
}

void PdfFile::show_page() {
    cairo_show_page(m_cr);
}

std::string PdfFile::finish() {
    cairo_surface_finish(m_surface);
    const cairo_status_t status = cairo_surface_status(m_surface);
    if (status != CAIRO_STATUS_SUCCESS || m_write_failed)
        throw std::runtime_error(std::string("cannot write the PDF: ") + cairo_status_to_string(status));
    return std::move(m_bytes);
}

cairo_status_t PdfFile::write(void* closure, const unsigned char* data, unsigned int length) {
    auto* file = static_cast<PdfFile*>(closure);
    try {
        file->m_bytes.append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (const std::bad_alloc&) {
        file->m_write_failed = true;
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

} // namespace trellis::pdf

#pragma once

#include <string>

#include "record/service.h"

// A person's CPD record as a printable document, for an appraisal or a job application.
namespace trellis::record::handlers {

// The record as Markdown (for pdf::markdown_document): hours by kind for the school year and for the
// chosen range when there is one, then every entry, newest first. Reflections stay out: they are
// the person's own, and the page is where they read them.
std::string record_markdown(const std::string& person_name, const Record& record);

} // namespace trellis::record::handlers

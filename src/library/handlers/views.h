#pragma once

#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "http/request_context.h"
#include "library/model.h"

// Materials as every page shows them (templates/partials/materials.mustache), and a file sent
// safely to the browser.
namespace trellis::library::handlers {

// The files as rows: name, size, and the links to download and remove each, under `base` (the
// owner's materials path, e.g. "/materials" or "/programmes/3/activities/9/materials").
mstch::array material_rows(const std::vector<Material>& materials, const std::string& base);

// Sends the file as a download that cannot run as a page of ours.
void send_material(http::RequestContext& context, const Material& material, const std::string& bytes);

} // namespace trellis::library::handlers

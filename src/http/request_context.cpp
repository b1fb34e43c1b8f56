#include "http/request_context.h"

#include "text/form_values.h"

#include <charconv>

namespace trellis::http {

std::string RequestContext::form(const std::string& name) const {
    if (request.has_param(name.c_str()))
        return request.get_param_value(name.c_str());
    if (request.has_file(name.c_str()))
        return request.get_file_value(name.c_str()).content;
    return "";
}

std::vector<std::string> RequestContext::form_all(const std::string& name) const {
    std::vector<std::string> values;
    auto [begin, end] = request.params.equal_range(name);
    for (auto at = begin; at != end; ++at)
        values.push_back(at->second);
    // The same field sent as multipart/form-data (forms with long text are sent that way).
    auto [first_part, after_parts] = request.files.equal_range(name);
    for (auto at = first_part; at != after_parts; ++at)
        if (at->second.filename.empty())
            values.push_back(at->second.content);
    return values;
}

bool RequestContext::wants_json() const {
    return request.get_header_value("Accept").find("application/json") != std::string::npos;
}

std::string RequestContext::query(const std::string& name) const {
    return request.has_param(name.c_str()) ? request.get_param_value(name.c_str()) : "";
}

std::string RequestContext::capture(std::size_t index) const {
    return index < request.matches.size() ? std::string(request.matches[index]) : "";
}

std::optional<long long> RequestContext::id_capture(std::size_t index) const {
    return parse_id(capture(index));
}

std::optional<long long> parse_id(const std::string& text) {
    return text::positive_id(text);
}

int page_number(const std::string& text) {
    const auto page = parse_id(text);
    return page && *page < 1000000 ? static_cast<int>(*page) : 1;
}

} // namespace trellis::http

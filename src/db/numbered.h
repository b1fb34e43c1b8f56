#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace trellis::db {

// `part` of a larger statement with each use of the parameters `names` renamed for the place it
// takes in that statement: with names {":t", ":e"} and place 3, :t and :e become :t3 and :e3. Parts
// joined into one statement (subqueries side by side, a UNION of reads) each bind their own values.
inline std::string numbered(std::string part, const std::vector<std::string>& names, std::size_t place) {
    const std::string suffix = std::to_string(place);
    for (const std::string& name : names)
        for (auto at = part.find(name); at != std::string::npos; at = part.find(name, at + name.size()))
            part.insert(at + name.size(), suffix);
    return part;
}

} // namespace trellis::db

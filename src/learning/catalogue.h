#pragma once

#include <string>
#include <vector>

#include "learning/content/library.h"

namespace trellis::learning {

// How long a module takes, in the three bands the catalogue offers.
enum class LengthBand { Any, Short, Medium, Long };

// What a person is looking for in the catalogue; empty fields match everything.
struct CatalogueQuery {
    std::string text;     // words in the title, summary, topics or outcomes
    std::string audience; // a staff group: teacher, ect, support, leader
    std::string topic;
    LengthBand length = LengthBand::Any;
};

// What a module contains, counted for its overview page.
struct ModuleFeatures {
    int pages = 0;
    int quizzes = 0;
    int scenarios = 0;
    int sorts = 0;
    int reflections = 0;
    int videos = 0;
    int resources = 0;
    int action_plans = 0;
};

// The modules matching the query, in the library's order (by title).
std::vector<const content::Module*> search_catalogue(const content::ContentSnapshot& snapshot,
                                                     const CatalogueQuery& query);
// Every topic of every module, sorted, each once.
std::vector<std::string> catalogue_topics(const content::ContentSnapshot& snapshot);
// The band a module of this many minutes falls in.
LengthBand length_band(int minutes);
// The band named in a query string ("short", "medium", "long"); Any otherwise.
LengthBand length_band_from_text(const std::string& text);
// Counts the pages and activities of a module.
ModuleFeatures features_of(const content::Module& module);
// CPD hours as pages print them: "1.5", "2".
std::string hours_label(double hours);
// True when the module is written for this staff group.
bool is_for_group(const content::Module& module, const std::string& staff_group);
// True when the module is written for every staff group, so naming the reader's role tells them nothing.
bool is_for_everyone(const content::Module& module);

} // namespace trellis::learning

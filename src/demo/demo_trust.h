#pragma once

#include <string>
#include <vector>

#include "demo/demo_folders.h"
#include "organisations/service.h"
#include "people/service.h"

namespace trellis::demo {

struct DemoLogin {
    std::string role;
    std::string email;
    std::string password;
    std::string name;
};

// The demo accounts, one per role, that `make run` prints.
std::vector<DemoLogin> demo_logins();

// Loads the fictional Oakfield Learning Trust (7 schools, 850 staff, about half support staff),
// the same every time, with a training day whose choices are open and a year of programmes when
// with_training_day is set (see demo_training_day.h and demo_programmes.h). Returns false and
// changes nothing if it is already loaded. Dates that follow the calendar (surveys open now, a
// year of record entries) count back from `today` ("YYYY-MM-DD"; "" for the real date in London).
bool load_demo_trust(db::Database& database, organisations::OrganisationService& organisations,
                     people::PeopleService& people, bool with_training_day = false,
                     const DemoFolders& folders = {}, const std::string& today = "");

} // namespace trellis::demo

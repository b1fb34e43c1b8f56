#pragma once

#include "jobs/runner.h"
#include "people/service.h"

namespace trellis::people {

// Committing a staff import, as background work any server may do (jobs::kStaffImport; the subject
// is the import). The commit is one transaction and skips an import already committed, so a job
// taken over after its server died imports each person once.
jobs::Kind staff_import_job(PeopleService& people);

} // namespace trellis::people

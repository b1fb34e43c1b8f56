#pragma once

#include "events/allocation/allocation_service.h"
#include "jobs/runner.h"

namespace trellis::events {

// An allocation run, as background work any server may do (jobs::kAllocation; the subject is the
// run). The engine is deterministic without a time limit and a run already ended is left alone, so a
// job taken over after its server died gives the same placements, saved once.
jobs::Kind allocation_job(AllocationService& allocation);

} // namespace trellis::events

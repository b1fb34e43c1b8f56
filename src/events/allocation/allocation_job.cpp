#include "events/allocation/allocation_job.h"

#include "jobs/model.h"

namespace trellis::events {

jobs::Kind allocation_job(AllocationService& allocation) {
    return jobs::Kind{.name = jobs::kAllocation,
                      .run =
                          [&allocation](const jobs::Job& job, jobs::Progress& progress) {
                              allocation.run(job.trust_id, job.subject_id,
                                             [&](const std::string& phase) { progress.phase(phase); });
                          },
                      .given_up =
                          [&allocation](const jobs::Job& job, const std::string& why) {
                              allocation.fail_interrupted(job.trust_id, job.subject_id, why);
                          },
                      .every = {}};
}

} // namespace trellis::events

#include "people/import_job.h"

#include <stdexcept>

#include "jobs/model.h"

namespace trellis::people {

jobs::Kind staff_import_job(PeopleService& people) {
    return jobs::Kind{
        .name = jobs::kStaffImport,
        .run =
            [&people](const jobs::Job& job, jobs::Progress& progress) {
                try {
                    people.commit_import(job.trust_id, job.subject_id, [&](long long done, long long total) {
                        progress.count(done, total);
                    });
                } catch (const ImportRejected&) {
                    throw std::runtime_error("The file has problems; nothing was imported.");
                } catch (const std::exception& error) {
                    throw std::runtime_error(std::string("The import failed and nothing was saved: ") +
                                             error.what());
                }
            },
        .given_up = {},
        .every = {}};
}

} // namespace trellis::people

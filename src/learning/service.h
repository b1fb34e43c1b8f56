#pragma once

// Taking modules: saving what a person does in each block, where they are, whether they have
// finished, and the certificate that finishing earns. Each call is one transaction.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "learning/activities.h"
#include "learning/content/model.h"
#include "learning/store.h"

namespace trellis::learning {

// Who is learning: enough of the signed-in person to save their progress and name their certificate.
struct Learner {
    long long trust_id = 0;
    long long person_id = 0;
    std::string name;
};

// One person's standing in one module.
struct ModuleStanding {
    bool started = false;
    int current_page = 1;         // 1-based
    std::string current_block;    // the block they last worked on ("" when none)
    int done = 0;                 // required blocks done
    int required = 0;             // required blocks in the module
    long long completed_at = 0;   // 0 until complete
    std::string certificate_code; // set once complete
    long long updated_at = 0;     // when they last did anything in it

    int percent() const { return required == 0 ? 0 : done * 100 / required; }
    bool complete() const { return completed_at != 0; }
};

// The saved state of each block the person has touched, by block id.
struct BlockStates {
    std::map<std::string, nlohmann::json> state;
    std::map<std::string, bool> done;
    const nlohmann::json& of(const std::string& block_id) const;
    bool is_done(const std::string& block_id) const;
};

// What saving a block did.
struct SaveOutcome {
    ActivityResult result;      // the new state, or the error (then nothing was saved)
    ModuleStanding standing;    // after the save
    bool completed_now = false; // this save completed the module and issued its certificate
    BlockStates states;         // every block's state after the save (as it was, when refused)
};

// A certificate as people see it.
using Certificate = store::StoredCertificate;

class LearningService {
  public:
    explicit LearningService(db::Database& database);

    // The person's standing in a module (not started when they never opened it).
    ModuleStanding standing(const Learner& learner, const content::Module& module);
    // The person's standing in every module they have started, by slug.
    std::map<std::string, ModuleStanding> standings(const Learner& learner);
    // The same from the person's progress as read beside other reads (store::kProgressRows).
    static std::map<std::string, ModuleStanding>
    standings_of(const std::vector<store::StoredProgress>& progress);
    // The saved state of every block of the module the person has touched.
    BlockStates block_states(const Learner& learner, const content::Module& module);

    // Everything a page of the module shows about the person, recording that they are reading
    // this page (written only when it changes, so reading a page again costs no write).
    std::pair<ModuleStanding, BlockStates> open_page(const Learner& learner, const content::Module& module,
                                                     int page_number);
    // Applies a submission to a block and saves it, completing the module when it was the last
    // required block. An answer that is refused saves nothing.
    SaveOutcome submit(const Learner& learner, const content::Module& module, int page_number,
                       const content::Block& block, const Submission& submission);
    // Marks a video watched or a resource opened.
    SaveOutcome mark_opened(const Learner& learner, const content::Module& module, int page_number,
                            const content::Block& block);

    // Every certificate the person holds, newest first.
    std::vector<Certificate> certificates(const Learner& learner);
    // The certificate with this verification code (any trust), for the public verification page.
    std::optional<Certificate> verify(const std::string& code);
    // The person's certificate for a module, if they have one.
    std::optional<Certificate> certificate_for(const Learner& learner, const std::string& module_slug);

  private:
    template <typename Apply>
    SaveOutcome save(const Learner& learner, const content::Module& module, int page_number,
                     const content::Block& block, Apply apply);

    db::Database& m_database;
};

// Where a person should land to carry on: "/learning/SLUG/PAGE#block-ID" or the page alone.
std::string resume_address(const content::Module& module, const ModuleStanding& standing,
                           const BlockStates& states);
// Minutes of the module still ahead of the person, in proportion to the required blocks left.
int minutes_left(const content::Module& module, const ModuleStanding& standing);
// A verification code as people type it: upper case, without spaces around it.
std::string normalise_code(const std::string& code);

} // namespace trellis::learning

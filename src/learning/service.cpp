#include "learning/service.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "accounts/secrets.h"

namespace trellis::learning {

namespace {

// Crockford's base 32: no I, L, O or U, so a code read off paper is typed back correctly.
constexpr std::string_view kCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::string new_certificate_code() {
    const std::string body = accounts::random_characters(kCodeAlphabet, 12);
    return "TRL-" + body.substr(0, 4) + "-" + body.substr(4, 4) + "-" + body.substr(8, 4);
}

ModuleStanding standing_from(const store::StoredProgress& stored, int required) {
    ModuleStanding standing;
    standing.started = true;
    standing.current_page = stored.current_page;
    standing.current_block = stored.current_block;
    standing.done = std::min(stored.blocks_done, required);
    standing.required = required;
    standing.completed_at = stored.completed_at;
    standing.updated_at = stored.updated_at;
    return standing;
}

BlockStates states_from(const std::vector<store::StoredBlock>& stored) {
    BlockStates states;
    for (const auto& block : stored) {
        states.state[block.block_id] = nlohmann::json::parse(block.state, nullptr, false);
        states.done[block.block_id] = block.done;
    }
    return states;
}

} // namespace

const nlohmann::json& BlockStates::of(const std::string& block_id) const {
    static const nlohmann::json none;
    auto found = state.find(block_id);
    return found == state.end() ? none : found->second;
}

bool BlockStates::is_done(const std::string& block_id) const {
    auto found = done.find(block_id);
    return found != done.end() && found->second;
}

LearningService::LearningService(db::Database& database) : m_database(database) {}

ModuleStanding LearningService::standing(const Learner& learner, const content::Module& module) {
    const int required = static_cast<int>(required_block_ids(module).size());
    auto session = m_database.lease();
    auto stored = store::progress(*session, learner.trust_id, learner.person_id, module.slug);
    if (!stored) {
        ModuleStanding fresh;
        fresh.required = required;
        return fresh;
    }
    ModuleStanding result = standing_from(*stored, required);
    if (result.complete())
        if (auto certificate =
                store::certificate_for(*session, learner.trust_id, learner.person_id, module.slug))
            result.certificate_code = certificate->code;
    return result;
}

std::map<std::string, ModuleStanding> LearningService::standings(const Learner& learner) {
    auto session = m_database.lease();
    return standings_of(store::progress_of(*session, learner.trust_id, learner.person_id));
}

std::map<std::string, ModuleStanding>
LearningService::standings_of(const std::vector<store::StoredProgress>& progress) {
    std::map<std::string, ModuleStanding> result;
    for (const auto& stored : progress)
        result[stored.module_slug] = standing_from(stored, stored.blocks_required);
    return result;
}

BlockStates LearningService::block_states(const Learner& learner, const content::Module& module) {
    auto session = m_database.lease();
    return states_from(store::blocks_of(*session, learner.trust_id, learner.person_id, module.slug));
}

std::pair<ModuleStanding, BlockStates>
LearningService::open_page(const Learner& learner, const content::Module& module, int page_number) {
    const int required = static_cast<int>(required_block_ids(module).size());
    auto session = m_database.lease();
    auto stored = store::progress(*session, learner.trust_id, learner.person_id, module.slug);
    if (!stored || stored->current_page != page_number) {
        store::save_position(*session, learner.trust_id, learner.person_id, module.slug, page_number, "",
                             db::now_seconds());
        stored = store::progress(*session, learner.trust_id, learner.person_id, module.slug);
    }
    ModuleStanding standing = standing_from(*stored, required);
    if (standing.complete())
        if (auto certificate =
                store::certificate_for(*session, learner.trust_id, learner.person_id, module.slug))
            standing.certificate_code = certificate->code;
    return {standing,
            states_from(store::blocks_of(*session, learner.trust_id, learner.person_id, module.slug))};
}

template <typename Apply>
SaveOutcome LearningService::save(const Learner& learner, const content::Module& module, int page_number,
                                  const content::Block& block, Apply apply) {
    SaveOutcome outcome;
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const long long now = db::now_seconds();
    auto stored = store::claim_progress(sql, learner.trust_id, learner.person_id, module.slug, now);
    outcome.states = states_from(store::blocks_of(sql, learner.trust_id, learner.person_id, module.slug));
    const nlohmann::json previous = outcome.states.of(block.id);
    try {
        outcome.result = apply(previous);
    } catch (const nlohmann::json::exception&) {
        // State saved for a block of another type (an id reused after a content edit) starts afresh.
        outcome.result = apply(nlohmann::json());
    }
    const std::vector<std::string> required = required_block_ids(module);
    if (!outcome.result.error.empty()) {
        outcome.standing =
            stored ? standing_from(*stored, static_cast<int>(required.size())) : ModuleStanding{};
        return outcome;
    }
    store::save_block(sql, learner.trust_id, learner.person_id, module.slug,
                      store::StoredBlock{block.id, outcome.result.state.dump(), outcome.result.done}, now);

    outcome.states.state[block.id] = outcome.result.state;
    outcome.states.done[block.id] = outcome.result.done;
    store::StoredProgress progress = stored.value_or(store::StoredProgress{});
    progress.module_slug = module.slug;
    progress.current_page = page_number;
    progress.current_block = block.id;
    progress.blocks_required = static_cast<int>(required.size());
    progress.blocks_done = static_cast<int>(std::count_if(
        required.begin(), required.end(), [&](const std::string& id) { return outcome.states.is_done(id); }));
    const bool all_done = progress.blocks_required > 0 && progress.blocks_done == progress.blocks_required;
    if (all_done && progress.completed_at == 0) {
        progress.completed_at = now;
        outcome.completed_now = store::insert_certificate(
            sql, store::StoredCertificate{0, learner.trust_id, learner.person_id, module.slug,
                                          new_certificate_code(), learner.name, module.title, "",
                                          module.hours, now});
    }
    store::save_progress(sql, learner.trust_id, learner.person_id, progress, now);
    outcome.standing = standing_from(progress, progress.blocks_required);
    if (progress.completed_at != 0)
        if (auto certificate = store::certificate_for(sql, learner.trust_id, learner.person_id, module.slug))
            outcome.standing.certificate_code = certificate->code;
    transaction.commit();
    return outcome;
}

SaveOutcome LearningService::submit(const Learner& learner, const content::Module& module, int page_number,
                                    const content::Block& block, const Submission& submission) {
    return save(learner, module, page_number, block, [&](const nlohmann::json& previous) {
        return apply_submission(block, previous, submission);
    });
}

SaveOutcome LearningService::mark_opened(const Learner& learner, const content::Module& module,
                                         int page_number, const content::Block& block) {
    return save(learner, module, page_number, block,
                [&](const nlohmann::json& previous) { return learning::mark_opened(block, previous); });
}

std::vector<Certificate> LearningService::certificates(const Learner& learner) {
    auto session = m_database.lease();
    return store::certificates_of(*session, learner.trust_id, learner.person_id);
}

std::optional<Certificate> LearningService::verify(const std::string& code) {
    auto session = m_database.lease();
    return store::certificate_by_code(*session, normalise_code(code));
}

std::optional<Certificate> LearningService::certificate_for(const Learner& learner,
                                                            const std::string& module_slug) {
    auto session = m_database.lease();
    return store::certificate_for(*session, learner.trust_id, learner.person_id, module_slug);
}

namespace {

// The first required block not yet done, from block `from` of page `page` (0-based) to the end.
std::optional<std::pair<std::size_t, std::string>>
first_to_do(const content::Module& module, std::size_t page, std::size_t from, const BlockStates& states) {
    for (; page < module.pages.size(); ++page, from = 0)
        for (std::size_t index = from; index < module.pages[page].blocks.size(); ++index) {
            const content::Block& block = module.pages[page].blocks[index];
            if (block.required && !states.is_done(block.id))
                return std::pair{page, block.id};
        }
    return std::nullopt;
}

} // namespace

std::string resume_address(const content::Module& module, const ModuleStanding& standing,
                           const BlockStates& states) {
    const std::size_t pages = module.pages.size();
    const std::string base = "/learning/" + module.slug + "/";
    if (pages == 0)
        return base + "1";
    const std::size_t page = static_cast<std::size_t>(std::clamp(standing.current_page, 1, int(pages)) - 1);
    // Where they were on the page: just after the block they last worked on (that block itself when
    // it is not done yet), or the top of the page when they only read it.
    std::size_t from = 0;
    const auto& blocks = module.pages[page].blocks;
    for (std::size_t index = 0; index < blocks.size(); ++index)
        if (!standing.current_block.empty() && blocks[index].id == standing.current_block)
            from = states.is_done(blocks[index].id) ? index + 1 : index;
    auto next = first_to_do(module, page, from, states);
    if (next && next->first == page)
        return base + std::to_string(page + 1) + "#block-" + next->second;
    if (next && page + 1 < pages) // this page is finished: the next page, from its top, to read on
        return base + std::to_string(page + 2);
    // Nothing left after where they were: anything they skipped earlier, else the page they were on.
    if (auto skipped = first_to_do(module, 0, 0, states))
        return base + std::to_string(skipped->first + 1) + "#block-" + skipped->second;
    return base + std::to_string(page + 1);
}

int minutes_left(const content::Module& module, const ModuleStanding& standing) {
    if (standing.required == 0)
        return standing.complete() ? 0 : module.minutes;
    const int left = standing.required - standing.done;
    return (module.minutes * left + standing.required - 1) / standing.required;
}

std::string normalise_code(const std::string& code) {
    std::string result;
    for (char character : code)
        if (!std::isspace(static_cast<unsigned char>(character)))
            result += static_cast<char>(std::toupper(static_cast<unsigned char>(character)));
    return result.size() > 40 ? "" : result;
}

} // namespace trellis::learning

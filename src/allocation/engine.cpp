#include "allocation/engine.h"

#include "allocation/bounds/aggregate_flow.h"
#include "allocation/bounds/session_prices.h"
#include "allocation/costs.h"
#include "allocation/explain.h"
#include "allocation/programs/compact_program.h"
#include "allocation/programs/exact_program.h"
#include "allocation/programs/program_groups.h"
#include "allocation/search/local_search.h"
#include "allocation/search/slot_colouring.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>

namespace trellis::allocation {

namespace {

using Clock = std::chrono::steady_clock;

// Groups re-placed by the compact program (see program_groups.h): how many without a time limit
// (with one, as many as fit).
constexpr int kProgramBatches = 4;
// Past the Lagrangian limit, without a time limit: on the 40,000-person bench the first two groups
// gained 325 in 5 s and the next two 77 in 7 s, which took the run past the 30 s a PD lead is
// promised for a gap within 0.1% (it was at 0.064% after two).
constexpr int kLargeProgramBatches = 2;
// After the compact program over everyone left a gap, without a time limit: none. It had searched
// everyone's placements with ten times a group's nodes; on the one bench event where it left a gap
// (5,000 people ranking 8-10 of 100 workshops) four groups then spent 21 s and gained nothing.
constexpr int kProgramBatchesAfterCompact = 0;
// Under a time limit, groups are tried while they gain; this many in a row without a gain means
// the rest of the limit would be spent for nothing (a small event would otherwise use all of it).
constexpr int kBatchesWithoutGain = 40;
// Colourings of the pooled flow's pairs, each taking first the pairs the last ones could not
// colour: on the trust bench the first left 10 pairs, the fourth 2, and the local search then
// reached the bound. Later attempts rarely did better.
constexpr int kColouringAttempts = 4;
// Rounds of recolouring the pooled flow's pairs at most (see improve_by_recolouring).
constexpr int kRecolourRounds = 3;
// Under a time limit one: the programs on groups outside the pooled flow's support, each followed
// by the local search, then gained more per second on the large bench than later rounds, which
// rarely gained there.
constexpr int kRecolourRoundsTimed = 1;

// Branch-and-bound nodes for the integer programs without a time limit: counts, not clocks, so
// that results are the same under load. The programs on the bench instances prove their optimum
// at the root or within a few nodes; these stop a rare hard one within seconds.
constexpr int kCompactNodes = 2000;
constexpr int kGroupNodes = 200;
constexpr int kExactNodes = 20000;
// Subgradient steps on the seat prices, in rounds between which a time limit is checked.
constexpr int kPriceRounds = 20;
constexpr int kPriceStepsPerRound = 25;
// Programs on groups picked by the seat prices: how many, how large and how deep, all small
// enough that one takes well under a second on the bench's long rankings.
constexpr int kPricedGroupRounds = 60;
constexpr int kPricedGroupsWithoutGain = 3;
constexpr std::int64_t kPricedGroupVariables = 16000;
constexpr int kPricedGroupNodes = 50;
constexpr int kPricedGroupWindow = 5;
constexpr double kPricedGroupLeastGain = 1e-4;
// How far above the bound the seat prices may put a placement for the relaxation to start with it,
// in turn while the relaxation over the last, not priced on, stayed above the bound. Everything a
// better allocation may use is priced in from there (see ColumnPricing).
constexpr Cost kRelaxationSlacks[] = {1, 4, 16};
// Events with fewer person-slots skip the relaxation within the seat prices' slack.
constexpr std::int64_t kRelaxationLeastPlaces = 6000;
// Past the Lagrangian limit, the share of the best cost the gap must exceed for the relaxation.
constexpr double kLargeRelaxationGap = 0.005;

class Engine {
  public:
    Engine(const Instance& instance, const Options& options)
        : m_instance(instance), m_options(options), m_model(instance), m_start(Clock::now()) {}

    Result run() {
        m_best = empty_allocation(m_instance);
        m_pinned = place_compulsory(m_model, m_best);
        m_pinned_seats = m_best;
        if (m_instance.slots.empty() || m_instance.people.empty())
            return finish(0, "empty");
        const std::int64_t size =
            static_cast<std::int64_t>(m_instance.people.size()) * m_instance.slots.size();
        Cost bound = 0;
        // How many groups the programs re-place at the end when there is no time limit.
        int program_batches = kProgramBatches;
        // The pooled flow's pairs when they gave the first allocation, for later recolouring.
        std::vector<std::pair<int, int>> relaxed_pairs;
        if (m_instance.slots.size() == 1 || size <= m_options.lagrangian_limit) {
            fill_sequentially(m_model, m_pinned, m_best);
            m_best_cost = m_model.objective(m_best);
            report("first allocation", 0);
            // With one slot the first flow is already optimal.
            if (m_instance.slots.size() == 1)
                return finish(m_best_cost, "min-cost flow (exact for one slot)");
            // The pooled flow with slot groups costs little and often reaches the LP bound.
            AggregateSolution grouped = solve_aggregate(m_model, AggregateShape::SlotGroups);
            if (grouped.feasible) {
                bound = grouped.lower_bound;
                m_pooled_bound = bound;
                m_reduced = std::move(grouped.reduced);
                m_workshop_price = std::move(grouped.workshop_price);
            }
            improve(m_best, m_best_cost);
            if (grouped.feasible && bound < m_best_cost)
                try_colouring(grouped.placements);
            report("local search", 0, bound);
            if (bound >= m_best_cost)
                return finish(bound, "min-cost flows with pooled flow bound");
            bound = std::max(bound, run_prices());
            if (bound >= m_best_cost)
                return finish(bound, "min-cost flows with seat price bound");
            // The trust size's seeds are proven optimal faster by the compact program below.
            if (size >= kRelaxationLeastPlaces)
                bound = std::max(bound, run_relaxation(bound));
            if (bound >= m_best_cost)
                return finish(bound, "linear relaxation and integer program on its core");
            improve_by_priced_groups(bound);
            if (bound >= m_best_cost)
                return finish(bound, "integer programs on groups with seat price bound");
            // CBC cannot be stopped inside its linear relaxation, which took up to 100 microseconds
            // per variable of the cut-down program on the long rankings of the bench: it runs with
            // twice that left, else it would overrun a time limit.
            m_within = restricted_support();
            const std::int64_t program_size =
                m_within ? compact_program_size(m_model, *m_within) : compact_program_size(m_model);
            const bool program_fits =
                !m_options.time_limit_seconds || remaining() > 2e-4 * static_cast<double>(program_size) + 0.1;
            if (program_size <= m_options.compact_program_limit && program_fits) {
                bound = std::max(bound, run_compact());
                if (bound >= m_best_cost)
                    return finish(bound, "integer program (CBC)");
                program_batches = kProgramBatchesAfterCompact;
            }
        } else {
            // Past this size the pooled flow with slot groups gives the bound and, coloured into
            // slots, the first allocation (its pairs respect each person's slot limits, so they
            // colour into a far better start than the plainly pooled flow's), and the slot flows
            // get the time left.
            AggregateSolution grouped = solve_aggregate(m_model, AggregateShape::SlotGroups);
            bound = grouped.feasible ? grouped.lower_bound : 0;
            report("pooled flow with slot groups", 0, bound);
            m_best = colour_placements(m_model, m_pinned, m_pinned_seats, grouped.placements);
            improve_by_people(m_model, m_pinned, m_best);
            m_best_cost = m_model.objective(m_best);
            relaxed_pairs = std::move(grouped.placements);
            m_pooled_support = std::move(grouped.support);
            m_workshop_price = std::move(grouped.workshop_price);
            report("coloured pooled flow", 0, bound);
            m_method = "min-cost flows with pooled flow bound";
            program_batches = kLargeProgramBatches;
        }
        // The slot flows and person moves are the expensive part, so only the best coloured
        // relaxed solution gets them.
        const double search_started = elapsed();
        if (bound < m_best_cost && !out_of_time())
            improve(m_best, m_best_cost);
        report("local search", 0, bound);
        if (bound < m_best_cost && !relaxed_pairs.empty())
            improve_by_recolouring(relaxed_pairs, bound, elapsed() - search_started);
        // Under a time limit the programs on the pooled flow's groups below gained more per second
        // on the large bench; without one, the seat prices' groups come first and gain more.
        if (bound < m_best_cost && !relaxed_pairs.empty() && !m_options.time_limit_seconds) {
            bound = std::max(bound, run_prices(PriceRounds::UntilStalled));
            // The relaxation of a large event took 10-80 s on the bench: worth it only when the
            // coloured flow left a gap the programs on groups do not close (2.5% on the Minneapolis
            // ballots in tight rooms, which it proves optimal).
            if (static_cast<double>(m_best_cost - bound) >
                kLargeRelaxationGap * static_cast<double>(m_best_cost))
                bound = std::max(bound, run_relaxation(bound));
            improve_by_priced_groups(bound);
        }
        // People outside the pooled flow's support pick the programs' groups: far fewer than those
        // above their ideal cost, and the ones that keep the allocation from the bound.
        if (!relaxed_pairs.empty())
            m_support = &m_pooled_support;
        if (bound < m_best_cost && !out_of_time())
            improve_by_programs(bound, program_batches);
        if (bound >= m_best_cost)
            return finish(bound, m_method);
        if (exact_program_size(m_model) <= m_options.exact_program_limit && !out_of_time()) {
            if (auto exact = solve_exactly(m_model, search_limit(1.0, 0.1, kExactNodes))) {
                if (exact->objective <= m_best_cost) {
                    m_best = std::move(exact->allocation);
                    m_best_cost = exact->objective;
                }
                return finish(m_best_cost, "integer program (GLPK)");
            }
        }
        return finish(bound, m_method);
    }

  private:
    double elapsed() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }
    double remaining() const { return *m_options.time_limit_seconds - elapsed(); }
    bool out_of_time() const { return m_options.time_limit_seconds && remaining() <= 0; }

    // A share of the time left (at least `least` seconds) under a time limit, else nodes.
    SearchLimit search_limit(double share, double least, int nodes) const {
        if (m_options.time_limit_seconds)
            return {std::max(least, share * remaining()), 0};
        return {std::nullopt, nodes};
    }

    void report(const std::string& phase, int iteration, Cost bound = 0) {
        if (m_options.on_progress)
            m_options.on_progress({phase, iteration, m_best_cost, bound, elapsed()});
    }

    // Alternates exact slot re-optimisation, single-person moves and swaps until none gains.
    void improve(Allocation& allocation, Cost& cost) {
        for (int round = 0; round < 5 && !out_of_time(); ++round) {
            improve_by_slots(m_model, m_pinned, allocation, 3, [this](double last_flow_seconds) {
                // A tenth of the limit stays for the person moves and the result's statistics (on a
                // loaded machine a twentieth was overrun).
                return !m_options.time_limit_seconds ||
                       remaining() >
                           std::max(last_flow_seconds, m_flow_seconds) + 0.1 * *m_options.time_limit_seconds;
            });
            bool moved = improve_by_people(m_model, m_pinned, allocation);
            if (!out_of_time())
                moved |= improve_by_swaps(m_model, m_pinned, allocation);
            Cost next = m_model.objective(allocation);
            bool gained = next < cost;
            cost = next;
            if (!gained && !moved)
                break;
        }
    }

    // The pooled flow's pairs coloured into slots, then the local search: its pairs already cost
    // the bound, so this usually ends far closer to it than the slot flows from a sequential fill.
    void try_colouring(const std::vector<std::pair<int, int>>& placements) {
        Allocation candidate =
            colour_placements(m_model, m_pinned, m_pinned_seats, placements, kColouringAttempts);
        improve_by_people(m_model, m_pinned, candidate);
        Cost cost = m_model.objective(candidate);
        improve(candidate, cost);
        if (cost < m_best_cost) {
            m_best = std::move(candidate);
            m_best_cost = cost;
        }
    }

    // Ruin and recreate towards the relaxation: everyone whose seats cost more than their pairs in
    // the pooled flow gets those pairs back, coloured among everyone else's current seats, and the
    // local search repairs the rest. Kept only when better; a round without gain would repeat
    // itself, so it ends the loop. Each round costs about one local search (round_seconds).
    void improve_by_recolouring(const std::vector<std::pair<int, int>>& pairs, Cost bound,
                                double round_seconds) {
        const int people = static_cast<int>(m_instance.people.size());
        std::vector<Cost> relaxed(people, 0);
        std::vector<int> count(people, 0);
        std::vector<std::vector<int>> own(people);
        for (const auto& [person, session] : pairs) {
            relaxed[person] += m_model.placement_cost(person, m_instance.sessions[session].workshop);
            ++count[person];
            own[person].push_back(session);
        }
        for (int person = 0; person < people; ++person)
            relaxed[person] +=
                (static_cast<int>(m_instance.slots.size()) - count[person]) * m_model.unassigned_cost();
        const int rounds = m_options.time_limit_seconds ? kRecolourRoundsTimed : kRecolourRounds;
        for (int round = 0; round < rounds && m_best_cost > bound; ++round) {
            if (m_options.time_limit_seconds &&
                remaining() < 1.5 * round_seconds + 0.1 * *m_options.time_limit_seconds)
                break;
            const double started = elapsed();
            std::vector<std::pair<int, int>> placements;
            for (int person = 0; person < people; ++person)
                if (m_model.person_cost(m_best, person) > relaxed[person])
                    for (int session : own[person])
                        placements.push_back({person, session});
                else
                    for (int session : m_best.session_of[person])
                        if (session != kNone)
                            placements.push_back({person, session});
            Allocation candidate = colour_placements(m_model, m_pinned, m_pinned_seats, placements);
            improve_by_people(m_model, m_pinned, candidate);
            Cost cost = m_model.objective(candidate);
            improve(candidate, cost);
            round_seconds = elapsed() - started;
            if (cost >= m_best_cost)
                break;
            m_best = std::move(candidate);
            m_best_cost = cost;
            report("recoloured pooled pairs", round, bound);
        }
    }

    // The compact program from the best allocation so far: usually proves it optimal or finds
    // the optimum. When its pooled unranked seats could not all be handed out, the exact program
    // within the support follows. Returns the bound.
    Cost run_compact() {
        CompactSolution solution = solve_compact(false);
        Cost bound = solution.lower_bound;
        if (!solution.unseated.empty() && m_within && bound < m_best_cost && !out_of_time())
            bound = std::max(bound, solve_compact(true).lower_bound);
        report("integer program", 0, bound);
        return std::min(bound, m_best_cost);
    }

    // What an allocation better than the best may use: the pooled flow's and the seat prices'
    // reduced costs each rule out the rest, and together far more than either alone.
    std::optional<AggregateSupport> restricted_support(bool with_prices = true) {
        std::optional<AggregateSupport> within;
        if (m_pooled_bound)
            within = support_within(m_reduced, m_best_cost - 1 - *m_pooled_bound);
        if (m_prices && with_prices) {
            AggregateSupport priced = m_prices->support_within(m_best_cost - 1);
            within = within ? intersect(*within, priced) : std::move(priced);
        }
        return within;
    }

    // How long the seat prices' rounds go on: until the bound meets the best (or a time limit calls
    // half time), or also until a round raises it no further. The second is for large events: on
    // the 40,000-person bench the first round took the bound as far as the steps would, and three
    // more spent 2.7 s learning that (now one does); small events need the proof later rounds may give.
    enum class PriceRounds { All, UntilStalled };

    // Prices on the sessions' seats (see session_prices.h): the linear relaxation's bound, in
    // steps that each cost one pass over the people.
    Cost run_prices(PriceRounds until = PriceRounds::All) {
        m_prices = std::make_unique<SessionPrices>(m_model);
        if (!m_workshop_price.empty())
            m_prices->start_from(m_workshop_price);
        Cost bound = 0;
        int rounds = 0;
        for (; rounds < kPriceRounds && bound < m_best_cost; ++rounds) {
            if (m_options.time_limit_seconds && remaining() < 0.5 * *m_options.time_limit_seconds)
                break;
            const Cost before = bound;
            bound = m_prices->raise(m_best_cost, kPriceStepsPerRound);
            report("seat prices", rounds, bound);
            if (until == PriceRounds::UntilStalled && rounds > 0 && bound <= before)
                break;
        }
        // Prices never evaluated prove nothing, so nothing may be cut by them.
        if (rounds == 0)
            m_prices.reset();
        return std::min(bound, m_best_cost);
    }

    // The linear relaxation over what a better allocation may use, started from what the seat prices
    // leave within a small slack of their bound, and the integer program on the people it splits
    // (see solve_relaxation_core): its duals raise the bound to the relaxation's, and its
    // allocation usually reaches it. A wider start follows while a gap is left and none was priced
    // in. Returns the bound.
    Cost run_relaxation(Cost bound) {
        if (!m_prices)
            return bound;
        for (Cost slack : kRelaxationSlacks) {
            if (bound >= m_best_cost || out_of_time())
                break;
            const AggregateSupport first = m_prices->support_within(bound + slack);
            const AggregateSupport within = m_prices->support_within(m_best_cost - 1);
            const ColumnPricing pricing{
                &first, [this](const std::vector<double>& price) { return m_prices->raise_to(price); }};
            RelaxedSolution relaxed =
                solve_relaxation_core(m_model, within, search_limit(0.3, 0.05, kCompactNodes), &pricing);
            if (!relaxed.solved)
                break;
            m_prices->raise_to(relaxed.session_price);
            // The relaxation pools unranked seats, the prices do not: steps from its duals may
            // raise the bound above its value.
            bound = std::max(bound, std::min(m_best_cost, m_prices->raise(m_best_cost, kPriceStepsPerRound)));
            if (relaxed.allocation)
                adopt(std::move(*relaxed.allocation), bound);
            report("linear relaxation within " + std::to_string(slack), 0, bound);
            // A wider start would end at the same relaxation.
            if (relaxed.priced)
                break;
        }
        return bound;
    }

    // Keeps the allocation when better than the best, after the local search fills any slots
    // left empty (pooled seats that could not be handed out leave gaps).
    void adopt(Allocation candidate, Cost bound) {
        Cost cost = m_model.objective(candidate);
        if (cost > bound) {
            repin(candidate);
            improve(candidate, cost);
        }
        if (cost < m_best_cost) {
            m_best = std::move(candidate);
            m_best_cost = cost;
        }
        repin(m_best);
    }

    // One compact program, keeping its allocation when better. Reduced-cost fixing: only what an
    // allocation better than the best may use.
    CompactSolution solve_compact(bool explicit_unranked) {
        // The best may have improved since the last program: its cost cuts the support further.
        // The exact program with every unranked seat ran up to ten times longer on the trust
        // bench's seeds within the seat prices' support than within the pooled flow's alone.
        m_within = restricted_support(!explicit_unranked || !m_pooled_bound);
        const AggregateSupport* within = m_within ? &*m_within : nullptr;
        CompactSolution solution = solve_compact_program(
            m_model, m_best, search_limit(0.8, 0.05, kCompactNodes), within, explicit_unranked);
        if (solution.allocation && m_model.is_feasible(*solution.allocation))
            adopt(std::move(*solution.allocation), solution.lower_bound);
        // The bound holds for allocations better than the start; the start's cost caps it.
        solution.lower_bound = std::min(solution.lower_bound, m_best_cost);
        return solution;
    }

    // Re-places the people whose sessions cost more than their cheapest at the seat prices, with
    // holders of the seats they could take instead, by the compact program within what a better
    // allocation may use; a round without gain takes other holders, and a gain the local search.
    void improve_by_priced_groups(Cost bound) {
        if (!m_prices)
            return;
        int without_gain = 0;
        // The best cost before each round: when the last few rounds together gained too little,
        // the rest would too, and the programs on the pooled flow's groups gain more per second.
        std::vector<Cost> before;
        for (int round = 0; round < kPricedGroupRounds && without_gain < kPricedGroupsWithoutGain &&
                            m_best_cost > bound && !out_of_time();
             ++round) {
            before.push_back(m_best_cost);
            if (round >= kPricedGroupWindow &&
                static_cast<double>(before[round - kPricedGroupWindow] - m_best_cost) <
                    kPricedGroupLeastGain * static_cast<double>(m_best_cost))
                break;
            if (m_options.time_limit_seconds && remaining() < 0.15 * *m_options.time_limit_seconds)
                break;
            const AggregateSupport within = m_prices->support_within(m_best_cost - 1);
            const double slack = static_cast<double>(m_best_cost - 1 - bound) + 1.0;
            const std::vector<int> group =
                m_prices->people_to_replace(m_best, slack, round, kPricedGroupVariables);
            // A group of most people is the whole program with a weaker search: the compact program
            // over everyone does better.
            if (group.empty() || 2 * group.size() > m_instance.people.size())
                break;
            Allocation candidate = m_best;
            ++without_gain;
            SearchLimit limit = search_limit(0.3, 0.05, kPricedGroupNodes);
            limit.quick = true;
            if (improve_people_by_program(m_model, group, candidate, limit, &within)) {
                repin(candidate);
                Cost cost = m_model.objective(candidate);
                if (cost < m_best_cost) {
                    m_best = std::move(candidate);
                    m_best_cost = cost;
                    without_gain = 0;
                }
                repin(m_best);
            }
            report("integer program on a priced group of " + std::to_string(group.size()), round, bound);
        }
    }

    // Re-places groups of people by the compact program, everyone else fixed, while time remains
    // (batches_without_limit groups without a time limit, so that results are reproducible). A group
    // is unhappy people (see GroupPicker) with a few people holding seats they want; with the
    // pooled flow's support set, each gain is followed by the local search.
    void improve_by_programs(Cost bound, int batches_without_limit) {
        GroupPicker picker(m_model, m_support);
        double last_seconds = 0.0;
        int without_gain = 0;
        const bool exact_next = exact_program_size(m_model) <= m_options.exact_program_limit;
        for (int batch = 0; m_best_cost > bound; ++batch) {
            // A small instance's exact program follows, and does better with the time than more groups.
            if ((!m_options.time_limit_seconds || exact_next) && batch >= batches_without_limit)
                break;
            if (without_gain >= kBatchesWithoutGain)
                break;
            // The first group needs two fifths of the limit, later ones twice what the last took,
            // and a tenth of the limit stays for the result; the smaller groups outside the
            // support need a quarter, then once what the last took (the local search after a gain
            // watches the clock itself).
            const double first_share = m_support ? 0.25 : 0.4;
            const double last_factor = m_support ? 1.0 : 2.0;
            if (m_options.time_limit_seconds &&
                remaining() < (batch == 0 ? first_share * *m_options.time_limit_seconds
                                          : last_factor * last_seconds + 0.1 * *m_options.time_limit_seconds))
                break;
            const std::vector<int> group = picker.next(m_best, batch);
            if (group.empty())
                break;
            double started = elapsed();
            Allocation candidate = m_best;
            if (improve_people_by_program(m_model, group, candidate, search_limit(0.5, 0.05, kGroupNodes))) {
                repin(candidate);
                Cost cost = m_model.objective(candidate);
                if (cost < m_best_cost) {
                    // The slot flows then often gain several times what the program did.
                    if (m_support)
                        improve(candidate, cost);
                    m_best = std::move(candidate);
                    m_best_cost = cost;
                    without_gain = -1;
                }
                repin(m_best);
            }
            ++without_gain;
            last_seconds = elapsed() - started;
            report("integer program on a group", batch, bound);
        }
    }

    // Pins each compulsory workshop where the allocation holds it, so that the local search keeps it.
    void repin(const Allocation& allocation) {
        for (int slot = 0; slot < static_cast<int>(m_instance.slots.size()); ++slot)
            for (int person = 0; person < static_cast<int>(m_instance.people.size()); ++person) {
                int session = allocation.session_of[person][slot];
                const auto& must = m_instance.people[person].must;
                bool compulsory =
                    session != kNone &&
                    std::find(must.begin(), must.end(), m_instance.sessions[session].workshop) != must.end();
                m_pinned[slot][person] = compulsory ? 1 : 0;
                m_pinned_seats.session_of[person][slot] = compulsory ? session : kNone;
            }
    }

    Result finish(Cost bound, std::string method) {
        Result result;
        Statistics& stats = result.statistics;
        stats.objective = m_model.objective(m_best);
        stats.lower_bound = std::min(bound, stats.objective);
        stats.gap = static_cast<double>(stats.objective - stats.lower_bound) /
                    static_cast<double>(std::max<Cost>(1, stats.objective));
        stats.proven_optimal = stats.lower_bound == stats.objective;
        stats.method = std::move(method);
        count_outcomes(m_model, m_best, stats);
        result.unhappy = explain_unhappy(m_model, m_best);
        stats.seconds = std::round(elapsed() * 1000.0) / 1000.0;
        result.allocation = std::move(m_best);
        return result;
    }

    const Instance& m_instance;
    const Options& m_options;
    CostModel m_model;
    Clock::time_point m_start;
    Pinned m_pinned;
    Allocation m_pinned_seats;
    Allocation m_best;
    Cost m_best_cost{0};
    // While set, what the pooled flow's optima may use picks the groups of improve_by_programs.
    const AggregateSupport* m_support{nullptr};
    AggregateSupport m_pooled_support;
    // The pooled flow's bound and reduced costs, when it was solved before the compact program.
    std::optional<Cost> m_pooled_bound;
    AggregateReducedCosts m_reduced;
    // The seat prices, once run, and what the compact program keeps (see restricted_support).
    std::unique_ptr<SessionPrices> m_prices;
    std::vector<Cost> m_workshop_price;
    AggregateSupport m_price_support;
    std::optional<AggregateSupport> m_within;
    double m_flow_seconds{0.0};
    // How the result was found, unless an exact method finishes the run.
    std::string m_method{"min-cost flows with seat price bound"};
};

} // namespace

Result allocate(const Instance& instance, const Options& options) {
    Engine engine(instance, options);
    return engine.run();
}

} // namespace trellis::allocation

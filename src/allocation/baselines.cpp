#include "allocation/baselines.h"

#include "allocation/costs.h"
#include "allocation/explain.h"
#include "allocation/search/local_search.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace trellis::allocation {

namespace {

Result allocate_in_order(const Instance& instance, const std::vector<int>& order, std::string method) {
    CostModel model(instance);
    Allocation allocation = empty_allocation(instance);
    place_compulsory(model, allocation);
    const int slots = static_cast<int>(instance.slots.size());
    std::vector<int> load(instance.sessions.size(), 0);
    for (const auto& row : allocation.session_of)
        for (int session : row)
            if (session != kNone)
                ++load[session];
    auto holds = [&](int person, int workshop) {
        for (int session : allocation.session_of[person])
            if (session != kNone && instance.sessions[session].workshop == workshop)
                return true;
        return false;
    };
    auto place = [&](int person, int workshop) {
        if (!model.is_eligible(person, workshop) || holds(person, workshop))
            return;
        for (int slot = 0; slot < slots; ++slot) {
            int session = instance.workshops[workshop].session_in_slot[slot];
            if (allocation.session_of[person][slot] == kNone && session != kNone &&
                load[session] < instance.sessions[session].capacity) {
                allocation.session_of[person][slot] = session;
                ++load[session];
                return;
            }
        }
    };
    for (int person : order) {
        for (int workshop : instance.people[person].choices)
            place(person, workshop);
        for (int workshop = 0; workshop < static_cast<int>(instance.workshops.size()); ++workshop)
            place(person, workshop);
    }
    Result result;
    result.statistics.objective = model.objective(allocation);
    result.statistics.method = std::move(method);
    count_outcomes(model, allocation, result.statistics);
    result.allocation = std::move(allocation);
    return result;
}

} // namespace

Result allocate_first_come_first_served(const Instance& instance) {
    std::vector<int> order(instance.people.size());
    std::iota(order.begin(), order.end(), 0);
    return allocate_in_order(instance, order, "first come, first served");
}

Result allocate_random_serial_dictatorship(const Instance& instance, std::uint64_t seed) {
    std::vector<int> order(instance.people.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 generator(seed);
    // A hand-written Fisher-Yates keeps the order identical across standard libraries.
    for (std::size_t index = order.size(); index > 1; --index)
        std::swap(order[index - 1], order[generator() % index]);
    return allocate_in_order(instance, order, "random serial dictatorship");
}

} // namespace trellis::allocation

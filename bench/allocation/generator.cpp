#include "generator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <vector>

namespace trellis::bench {

namespace {

using Json = nlohmann::json;

// A small generator of our own so that instances are identical on every standard library.
class Random {
  public:
    explicit Random(std::uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t next() {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }
    double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }

  private:
    std::uint64_t m_state;
};

// Splits total seats over sessions in proportion to weights, at least minimum each.
std::vector<int> share_seats(const std::vector<double>& weights, long long total, int minimum) {
    double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<int> seats(weights.size());
    long long given = 0;
    for (std::size_t index = 0; index < weights.size(); ++index) {
        seats[index] = std::max(minimum, static_cast<int>(std::floor(total * weights[index] / sum)));
        given += seats[index];
    }
    for (std::size_t index = 0; given < total && !seats.empty(); index = (index + 1) % seats.size(), ++given)
        ++seats[index];
    return seats;
}

Json make_slots(int slots) {
    Json names = Json::array();
    for (int slot = 0; slot < slots; ++slot)
        names.push_back("s" + std::to_string(slot + 1));
    return names;
}

// Gives every workshop sessions in some slots and shares each slot's seats by popularity.
Json make_workshops(const std::vector<double>& popularity, const std::vector<Json>& audiences, int slots,
                    long long people, std::optional<double> seat_slack, Random& random) {
    const int count = static_cast<int>(popularity.size());
    std::vector<std::vector<int>> offered(count);
    for (int workshop = 0; workshop < count; ++workshop) {
        double draw = random.uniform();
        int copies = draw < 0.5 ? slots : draw < 0.8 ? std::min(2, slots) : 1;
        std::vector<int> order(slots);
        std::iota(order.begin(), order.end(), 0);
        for (int index = slots; index > 1; --index)
            std::swap(order[index - 1], order[random.below(index)]);
        offered[workshop].assign(order.begin(), order.begin() + copies);
        std::sort(offered[workshop].begin(), offered[workshop].end());
    }
    std::vector<std::vector<int>> seats(count, std::vector<int>(slots, -1));
    for (int slot = 0; slot < slots; ++slot) {
        std::vector<int> here;
        std::vector<double> weights;
        for (int workshop = 0; workshop < count; ++workshop)
            if (std::find(offered[workshop].begin(), offered[workshop].end(), slot) !=
                offered[workshop].end()) {
                here.push_back(workshop);
                weights.push_back(std::pow(popularity[workshop], 0.6) / offered[workshop].size());
            }
        const double slack = 0.1 * random.uniform();
        long long total = static_cast<long long>(std::llround(people * (1.0 + seat_slack.value_or(slack))));
        std::vector<int> shared = share_seats(weights, total, 5);
        for (std::size_t index = 0; index < here.size(); ++index)
            seats[here[index]][slot] = shared[index];
    }
    Json workshops = Json::array();
    for (int workshop = 0; workshop < count; ++workshop) {
        Json sessions = Json::array();
        for (int slot = 0; slot < slots; ++slot)
            if (seats[workshop][slot] >= 0)
                sessions.push_back(
                    {{"slot", "s" + std::to_string(slot + 1)}, {"capacity", seats[workshop][slot]}});
        Json item = {{"id", "w" + std::to_string(workshop + 1)}, {"sessions", sessions}};
        if (!audiences[workshop].empty())
            item["audience"] = audiences[workshop];
        workshops.push_back(item);
    }
    return workshops;
}

// Draws k distinct workshops with probability proportional to weight (zero weight never drawn).
std::vector<int> draw_distinct(const std::vector<double>& weights, const std::vector<double>& prefix,
                               int wanted, Random& random) {
    std::vector<int> drawn;
    int available =
        static_cast<int>(std::count_if(weights.begin(), weights.end(), [](double w) { return w > 0; }));
    wanted = std::min(wanted, available);
    while (static_cast<int>(drawn.size()) < wanted) {
        double target = random.uniform() * prefix.back();
        int pick = static_cast<int>(std::upper_bound(prefix.begin(), prefix.end(), target) - prefix.begin());
        pick = std::min(pick, static_cast<int>(weights.size()) - 1);
        if (weights[pick] > 0 && std::find(drawn.begin(), drawn.end(), pick) == drawn.end())
            drawn.push_back(pick);
    }
    return drawn;
}

} // namespace

std::string generate_instance(const GeneratorSettings& settings) {
    Random random(settings.seed);
    const std::vector<std::string> groups{"teacher", "support", "leader"};
    std::vector<double> popularity(settings.workshops);
    std::vector<int> order(settings.workshops);
    std::iota(order.begin(), order.end(), 0);
    for (int index = settings.workshops; index > 1; --index)
        std::swap(order[index - 1], order[random.below(index)]);
    for (int rank = 0; rank < settings.workshops; ++rank)
        popularity[order[rank]] = 1.0 / std::pow(rank + 1.0, 0.9);
    std::vector<Json> audiences(settings.workshops, Json::array());
    for (int workshop = 0; workshop < settings.workshops; ++workshop) {
        double draw = random.uniform();
        if (draw < 0.06)
            audiences[workshop] = Json::array({"support"});
        else if (draw < 0.10)
            audiences[workshop] = Json::array({"teacher", "leader"});
        else if (draw < 0.12)
            audiences[workshop] = Json::array({"leader"});
    }
    std::vector<std::vector<double>> weights(groups.size(), popularity);
    std::vector<std::vector<double>> prefixes(groups.size());
    for (std::size_t group = 0; group < groups.size(); ++group) {
        for (int workshop = 0; workshop < settings.workshops; ++workshop) {
            const Json& audience = audiences[workshop];
            if (!audience.empty() &&
                std::find(audience.begin(), audience.end(), groups[group]) == audience.end())
                weights[group][workshop] = 0.0;
        }
        std::partial_sum(weights[group].begin(), weights[group].end(), std::back_inserter(prefixes[group]));
    }
    Json people = Json::array();
    for (int person = 0; person < settings.people; ++person) {
        double draw = random.uniform();
        int group = draw < 0.7 ? 0 : draw < 0.9 ? 1 : 2;
        const int spread = settings.max_choices - settings.min_choices + 1;
        int length = random.uniform() < 0.02 ? 0 : settings.min_choices + random.below(spread);
        Json choices = Json::array();
        for (int workshop : draw_distinct(weights[group], prefixes[group], length, random))
            choices.push_back("w" + std::to_string(workshop + 1));
        people.push_back(
            {{"id", "p" + std::to_string(person + 1)}, {"group", groups[group]}, {"choices", choices}});
    }
    Json root = {{"slots", make_slots(settings.slots)},
                 {"workshops", make_workshops(popularity, audiences, settings.slots, settings.people,
                                              settings.seat_slack, random)},
                 {"people", people}};
    return root.dump() + "\n";
}

std::string instance_from_preflib(const std::string& soi_text, int slots, int max_people, std::uint64_t seed,
                                  std::optional<double> seat_slack) {
    Random random(seed);
    std::istringstream lines(soi_text);
    std::string line;
    int alternatives = 0;
    std::vector<std::vector<int>> ballots;
    while (std::getline(lines, line) && static_cast<int>(ballots.size()) < max_people) {
        if (line.rfind("# NUMBER ALTERNATIVES:", 0) == 0)
            alternatives = std::stoi(line.substr(22));
        if (line.empty() || line[0] == '#')
            continue;
        std::size_t colon = line.find(':');
        int count = std::stoi(line.substr(0, colon));
        std::vector<int> ranking;
        std::stringstream items(line.substr(colon + 1));
        std::string item;
        while (std::getline(items, item, ','))
            if (item.find_first_not_of(" {}") != std::string::npos)
                ranking.push_back(std::stoi(item.substr(item.find_first_not_of(" {"))) - 1);
        for (int copy = 0; copy < count && static_cast<int>(ballots.size()) < max_people; ++copy)
            ballots.push_back(ranking);
    }
    // Ties ({a,b}) are read as consecutive ranks; repeated alternatives are dropped.
    std::vector<double> mentions(alternatives, 0.05);
    for (auto& ballot : ballots) {
        std::vector<int> unique;
        for (int alternative : ballot)
            if (std::find(unique.begin(), unique.end(), alternative) == unique.end())
                unique.push_back(alternative);
        ballot = unique;
        for (std::size_t rank = 0; rank < ballot.size(); ++rank)
            mentions[ballot[rank]] += 1.0 / (rank + 1.0);
    }
    std::vector<Json> audiences(alternatives, Json::array());
    Json people = Json::array();
    for (std::size_t person = 0; person < ballots.size(); ++person) {
        Json choices = Json::array();
        for (int alternative : ballots[person])
            choices.push_back("w" + std::to_string(alternative + 1));
        people.push_back({{"id", "v" + std::to_string(person + 1)}, {"choices", choices}});
    }
    Json root = {{"slots", make_slots(slots)},
                 {"workshops", make_workshops(mentions, audiences, slots,
                                              static_cast<long long>(ballots.size()), seat_slack, random)},
                 {"people", people}};
    return root.dump() + "\n";
}

} // namespace trellis::bench

#include "allocation/format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace trellis::allocation {

namespace {

using Json = nlohmann::json;

[[noreturn]] void reject(const std::string& message) {
    throw InputError(message);
}

const Json& require_array(const Json& parent, const char* key, const std::string& where) {
    auto found = parent.find(key);
    if (found == parent.end())
        reject(where + ": missing \"" + key + "\"");
    if (!found->is_array())
        reject(where + ": \"" + key + "\" must be an array");
    return *found;
}

std::string require_id(const Json& item, const std::string& where) {
    if (!item.is_object())
        reject(where + ": must be an object");
    auto found = item.find("id");
    if (found == item.end() || !found->is_string() || found->get<std::string>().empty())
        reject(where + ": missing a non-empty string \"id\"");
    return found->get<std::string>();
}

std::string require_string(const Json& value, const std::string& where) {
    if (!value.is_string())
        reject(where + ": must be a string");
    return value.get<std::string>();
}

Cost require_integer(const Json& value, const std::string& where) {
    if (!value.is_number_integer())
        reject(where + ": must be an integer");
    return value.get<Cost>();
}

// Maps ids to indices and rejects repeats, so every later lookup can name the unknown id.
class IdTable {
  public:
    explicit IdTable(std::string kind) : m_kind(std::move(kind)) {}
    int add(const std::string& id, const std::string& where) {
        auto [position, inserted] = m_index.emplace(id, static_cast<int>(m_index.size()));
        if (!inserted)
            reject(where + ": duplicate " + m_kind + " id \"" + id + "\"");
        return position->second;
    }
    int find(const std::string& id, const std::string& where) const {
        auto found = m_index.find(id);
        if (found == m_index.end())
            reject(where + ": unknown " + m_kind + " \"" + id + "\"");
        return found->second;
    }

  private:
    std::string m_kind;
    std::map<std::string, int> m_index;
};

void parse_policy(const Json& root, Policy& policy) {
    auto found = root.find("policy");
    if (found == root.end() || found->is_null())
        return;
    if (!found->is_object())
        reject("policy: must be an object");
    if (auto ranks = found->find("rank_cost"); ranks != found->end()) {
        if (!ranks->is_array() || ranks->empty())
            reject("policy.rank_cost: must be a non-empty array of integers");
        policy.rank_cost.clear();
        for (std::size_t k = 0; k < ranks->size(); ++k)
            policy.rank_cost.push_back(
                require_integer((*ranks)[k], "policy.rank_cost[" + std::to_string(k) + "]"));
    }
    if (auto value = found->find("unranked_cost"); value != found->end())
        policy.unranked_cost = require_integer(*value, "policy.unranked_cost");
    if (auto value = found->find("unassigned_cost"); value != found->end())
        policy.unassigned_cost = require_integer(*value, "policy.unassigned_cost");
    for (Cost cost : policy.rank_cost)
        if (cost < 0)
            reject("policy.rank_cost: costs must not be negative");
    if (policy.unranked_cost < 0 || policy.unassigned_cost < 0)
        reject("policy: costs must not be negative");
}

void parse_workshops(const Json& root, Instance& instance, const IdTable& slots, IdTable& workshops,
                     IdTable& groups) {
    const Json& list = require_array(root, "workshops", "input");
    for (std::size_t index = 0; index < list.size(); ++index) {
        std::string where = "workshops[" + std::to_string(index) + "]";
        Workshop workshop;
        workshop.id = require_id(list[index], where);
        where = "workshop \"" + workshop.id + "\"";
        workshops.add(workshop.id, where);
        if (auto title = list[index].find("title"); title != list[index].end() && !title->is_null())
            workshop.title = require_string(*title, where + " title");
        if (auto audience = list[index].find("audience");
            audience != list[index].end() && !audience->is_null()) {
            if (!audience->is_array())
                reject(where + ": \"audience\" must be an array of group names");
            for (const Json& group : *audience) {
                std::string name = require_string(group, where + " audience entry");
                auto known = std::find(instance.groups.begin(), instance.groups.end(), name);
                int group_index = static_cast<int>(known - instance.groups.begin());
                if (known == instance.groups.end()) {
                    groups.add(name, where);
                    instance.groups.push_back(name);
                }
                if (std::find(workshop.audience.begin(), workshop.audience.end(), group_index) ==
                    workshop.audience.end())
                    workshop.audience.push_back(group_index);
            }
        }
        workshop.session_in_slot.assign(instance.slots.size(), kNone);
        const Json& sessions = require_array(list[index], "sessions", where);
        for (std::size_t k = 0; k < sessions.size(); ++k) {
            std::string session_where = where + " session " + std::to_string(k);
            if (!sessions[k].is_object())
                reject(session_where + ": must be an object");
            auto slot_value = sessions[k].find("slot");
            if (slot_value == sessions[k].end())
                reject(session_where + ": missing \"slot\"");
            std::string slot_name = require_string(*slot_value, session_where + " slot");
            int slot = slots.find(slot_name, session_where + " (slot not listed in \"slots\")");
            auto capacity_value = sessions[k].find("capacity");
            if (capacity_value == sessions[k].end())
                reject(session_where + ": missing \"capacity\"");
            Cost capacity = require_integer(*capacity_value, session_where + " capacity");
            if (capacity < 0)
                reject(where + ": negative capacity " + std::to_string(capacity) + " in slot \"" + slot_name +
                       "\"");
            if (capacity > 100000000)
                reject(where + ": capacity too large in slot \"" + slot_name + "\"");
            if (workshop.session_in_slot[slot] != kNone)
                reject(where + ": two sessions in slot \"" + slot_name + "\"");
            workshop.session_in_slot[slot] = static_cast<int>(instance.sessions.size());
            instance.sessions.push_back(
                {static_cast<int>(instance.workshops.size()), slot, static_cast<int>(capacity)});
        }
        instance.workshops.push_back(std::move(workshop));
    }
}

std::vector<int> parse_workshop_list(const Json& person, const char* key, const std::string& where,
                                     const IdTable& workshops) {
    std::vector<int> result;
    auto found = person.find(key);
    if (found == person.end() || found->is_null())
        return result;
    if (!found->is_array())
        reject(where + ": \"" + key + "\" must be an array of workshop ids");
    for (const Json& entry : *found) {
        std::string id = require_string(entry, where + " " + key + " entry");
        int workshop = workshops.find(id, where + " " + key);
        if (std::find(result.begin(), result.end(), workshop) != result.end())
            reject(where + ": workshop \"" + id + "\" appears twice in \"" + key + "\"");
        result.push_back(workshop);
    }
    return result;
}

void parse_people(const Json& root, Instance& instance, const IdTable& workshops, IdTable& groups) {
    const Json& list = require_array(root, "people", "input");
    IdTable people("person");
    instance.people.reserve(list.size());
    for (std::size_t index = 0; index < list.size(); ++index) {
        Person person;
        person.id = require_id(list[index], "people[" + std::to_string(index) + "]");
        std::string where = "person \"" + person.id + "\"";
        people.add(person.id, where);
        if (auto group = list[index].find("group"); group != list[index].end() && !group->is_null()) {
            std::string name = require_string(*group, where + " group");
            auto known = std::find(instance.groups.begin(), instance.groups.end(), name);
            if (known == instance.groups.end()) {
                groups.add(name, where);
                instance.groups.push_back(name);
                known = instance.groups.end() - 1;
            }
            person.group = static_cast<int>(known - instance.groups.begin());
        }
        person.choices = parse_workshop_list(list[index], "choices", where, workshops);
        person.must = parse_workshop_list(list[index], "must", where, workshops);
        if (person.must.size() > instance.slots.size())
            reject(where + ": " + std::to_string(person.must.size()) + " compulsory workshops but only " +
                   std::to_string(instance.slots.size()) + " slots");
        instance.people.push_back(std::move(person));
    }
}

} // namespace

Instance parse_instance(const std::string& json_text) {
    Json root;
    try {
        root = Json::parse(json_text);
    } catch (const Json::parse_error& error) {
        reject(std::string("input is not valid JSON: ") + error.what());
    }
    if (!root.is_object())
        reject("input: must be a JSON object with \"slots\", \"workshops\" and \"people\"");
    Instance instance;
    IdTable slots("slot");
    const Json& slot_list = require_array(root, "slots", "input");
    for (std::size_t index = 0; index < slot_list.size(); ++index) {
        std::string name = require_string(slot_list[index], "slots[" + std::to_string(index) + "]");
        slots.add(name, "slots[" + std::to_string(index) + "]");
        instance.slots.push_back(name);
    }
    IdTable workshops("workshop");
    IdTable groups("group");
    parse_policy(root, instance.policy);
    parse_workshops(root, instance, slots, workshops, groups);
    parse_people(root, instance, workshops, groups);
    return instance;
}

std::string format_result(const Instance& instance, const Result& result) {
    std::ostringstream out;
    const auto& session_of = result.allocation.session_of;
    out << "{\n  \"assignments\": [";
    bool first = true;
    for (std::size_t person = 0; person < session_of.size(); ++person)
        for (std::size_t slot = 0; slot < session_of[person].size(); ++slot) {
            int session = session_of[person][slot];
            if (session == kNone)
                continue;
            Json entry = {{"person", instance.people[person].id},
                          {"slot", instance.slots[slot]},
                          {"workshop", instance.workshops[instance.sessions[session].workshop].id}};
            out << (first ? "\n    " : ",\n    ") << entry.dump();
            first = false;
        }
    out << (first ? "],\n" : "\n  ],\n") << "  \"unassigned\": [";
    first = true;
    for (std::size_t person = 0; person < session_of.size(); ++person)
        for (std::size_t slot = 0; slot < session_of[person].size(); ++slot) {
            if (session_of[person][slot] != kNone)
                continue;
            Json entry = {{"person", instance.people[person].id}, {"slot", instance.slots[slot]}};
            out << (first ? "\n    " : ",\n    ") << entry.dump();
            first = false;
        }
    const Statistics& stats = result.statistics;
    Json unhappy = Json::array();
    for (const Explanation& explanation : result.unhappy)
        unhappy.push_back(
            {{"person", instance.people[explanation.person].id}, {"reason", explanation.reason}});
    Json statistics = Json::object();
    statistics["objective"] = stats.objective;
    statistics["lower_bound"] = stats.lower_bound;
    statistics["gap"] = stats.gap;
    statistics["optimal"] = stats.proven_optimal;
    statistics["method"] = stats.method;
    statistics["seconds"] = stats.seconds;
    statistics["people"] = stats.people;
    statistics["rank_counts"] = stats.rank_counts;
    statistics["unranked"] = stats.unranked;
    statistics["unassigned"] = stats.unassigned;
    statistics["people_with_none_of_their_choices"] = stats.people_with_none_of_their_choices;
    statistics["unhappy"] = unhappy;
    out << (first ? "],\n" : "\n  ],\n") << "  \"stats\": " << statistics.dump(2, ' ') << "\n}\n";
    return out.str();
}

} // namespace trellis::allocation

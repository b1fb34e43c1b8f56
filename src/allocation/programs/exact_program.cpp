#include "allocation/programs/exact_program.h"

#include "allocation/search/local_search.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace trellis::allocation {

namespace {

struct Variable {
    int person;
    int slot;
    int session;
};

// GLPK prints to stdout unless told otherwise; the engine must stay silent.
int silence(void*, const char*) {
    return 1;
}

// Ends the search once it has made more nodes than the budget (an int) allows.
void stop_after_nodes(glp_tree* tree, void* budget) {
    int made = 0;
    glp_ios_tree_size(tree, nullptr, nullptr, &made);
    if (made > *static_cast<const int*>(budget))
        glp_ios_terminate(tree);
}

} // namespace

std::int64_t exact_program_size(const CostModel& model) {
    const Instance& instance = model.instance();
    std::int64_t size = 0;
    for (int person = 0; person < static_cast<int>(instance.people.size()); ++person)
        for (const Session& session : instance.sessions)
            if (session.capacity > 0 && model.is_eligible(person, session.workshop))
                ++size;
    return size;
}

std::optional<ExactSolution> solve_exactly(const CostModel& model, const SearchLimit& limit) {
    const Instance& instance = model.instance();
    const int people = static_cast<int>(instance.people.size());
    const int slots = static_cast<int>(instance.slots.size());
    glp_term_hook(silence, nullptr);
    glp_prob* program = glp_create_prob();
    glp_set_obj_dir(program, GLP_MIN);

    // Rows: one per person and slot (exactly one placement or an empty slot), one per person and
    // workshop they could attend (at most once, exactly once if compulsory), one per session.
    if (people * slots == 0) {
        glp_delete_prob(program);
        return ExactSolution{empty_allocation(instance), 0};
    }
    glp_add_rows(program, people * slots);
    for (int row = 1; row <= people * slots; ++row)
        glp_set_row_bnds(program, row, GLP_FX, 1.0, 1.0);
    std::map<std::pair<int, int>, int> workshop_row;
    for (int person = 0; person < people; ++person)
        for (int workshop = 0; workshop < static_cast<int>(instance.workshops.size()); ++workshop) {
            if (!model.is_eligible(person, workshop))
                continue;
            int row = glp_add_rows(program, 1);
            const auto& must = instance.people[person].must;
            bool compulsory = std::find(must.begin(), must.end(), workshop) != must.end();
            glp_set_row_bnds(program, row, compulsory ? GLP_FX : GLP_UP, compulsory ? 1.0 : 0.0, 1.0);
            workshop_row[{person, workshop}] = row;
        }
    // GLPK aborts on an empty batch of rows, so sessions are added only when there are some.
    int first_session_row =
        instance.sessions.empty() ? 0 : glp_add_rows(program, static_cast<int>(instance.sessions.size()));
    for (std::size_t session = 0; session < instance.sessions.size(); ++session)
        glp_set_row_bnds(program, first_session_row + static_cast<int>(session), GLP_UP, 0.0,
                         instance.sessions[session].capacity);

    std::vector<Variable> variables;
    std::vector<int> row_index{0};
    std::vector<int> column_index{0};
    std::vector<double> value{0.0};
    auto add_column = [&](Cost cost) {
        int column = glp_add_cols(program, 1);
        glp_set_col_kind(program, column, GLP_BV);
        glp_set_obj_coef(program, column, static_cast<double>(cost));
        return column;
    };
    for (int person = 0; person < people; ++person)
        for (int slot = 0; slot < slots; ++slot) {
            int slot_row = person * slots + slot + 1;
            int column = add_column(model.unassigned_cost());
            variables.push_back({person, slot, kNone});
            row_index.push_back(slot_row), column_index.push_back(column), value.push_back(1.0);
            for (int session : model.sessions_in_slot(slot)) {
                int workshop = instance.sessions[session].workshop;
                if (instance.sessions[session].capacity == 0 || !model.is_eligible(person, workshop))
                    continue;
                column = add_column(model.placement_cost(person, workshop));
                variables.push_back({person, slot, session});
                for (int row : {slot_row, workshop_row[{person, workshop}], first_session_row + session})
                    row_index.push_back(row), column_index.push_back(column), value.push_back(1.0);
            }
        }
    glp_load_matrix(program, static_cast<int>(row_index.size()) - 1, row_index.data(), column_index.data(),
                    value.data());
    glp_iocp parameters;
    glp_init_iocp(&parameters);
    parameters.presolve = GLP_ON;
    parameters.msg_lev = GLP_MSG_OFF;
    int node_budget = limit.nodes;
    if (limit.seconds) {
        parameters.tm_lim = static_cast<int>(std::min(*limit.seconds, 1e6) * 1000.0);
    } else {
        parameters.cb_func = stop_after_nodes;
        parameters.cb_info = &node_budget;
    }
    int code = glp_intopt(program, &parameters);
    std::optional<ExactSolution> solution;
    if (code == 0 && glp_mip_status(program) == GLP_OPT) {
        ExactSolution exact;
        exact.allocation.session_of.assign(people, std::vector<int>(slots, kNone));
        for (std::size_t index = 0; index < variables.size(); ++index)
            if (variables[index].session != kNone &&
                glp_mip_col_val(program, static_cast<int>(index) + 1) > 0.5)
                exact.allocation.session_of[variables[index].person][variables[index].slot] =
                    variables[index].session;
        exact.objective = model.objective(exact.allocation);
        solution = std::move(exact);
    }
    glp_delete_prob(program);
    return solution;
}

} // namespace trellis::allocation

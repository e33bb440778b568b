#include "parley/problem.hpp"

#include <algorithm>

#include <string_view>
#include <unordered_map>

namespace parley {

Problem make_problem(const Scenario& scenario) {
  Problem problem;
  std::vector<const Actor*> present;
  for (const auto& actor : scenario.actors) {
    if (!actor.present) continue;
    present.push_back(&actor);
    problem.actors.push_back(actor.id);
    problem.capabilities.push_back(actor.capability);
  }
  // Each actor's stances by issue, looked up once: linear in the scenario's size, not quadratic.
  std::vector<std::unordered_map<std::string_view, const Stance*>> stances(present.size());
  for (std::size_t i = 0; i < present.size(); ++i) {
    for (const auto& entry : present[i]->stances) stances[i].try_emplace(entry.issue, &entry.stance);
  }
  for (const auto& issue : scenario.issues) {
    IssueProblem entry{issue.id, issue.scale.min, issue.scale.max, issue.status_quo, {}};
    for (std::size_t i = 0; i < present.size(); ++i) {
      const auto found = stances[i].find(issue.id);
      if (found == stances[i].end()) continue;
      const Stance* stance = found->second;
      entry.participants.push_back(
          {i, stance->position, stance->salience, stance->capability.value_or(present[i]->capability)});
    }
    problem.issues.push_back(std::move(entry));
  }
  const auto index_of = [&](const std::string& id) {
    return static_cast<std::size_t>(std::find(problem.actors.begin(), problem.actors.end(), id) - problem.actors.begin());
  };
  for (const auto& relation : scenario.relations) {
    const std::size_t from = index_of(relation.from);
    const std::size_t to = index_of(relation.to);
    if (from < problem.actors.size() && to < problem.actors.size()) {
      problem.affinities.push_back({from, to, relation.affinity});
    }
  }
  return problem;
}

}  // namespace parley

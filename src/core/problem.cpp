#include "parley/problem.hpp"

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
  for (const auto& issue : scenario.issues) {
    IssueProblem entry{issue.id, issue.scale.min, issue.scale.max, issue.status_quo, {}};
    for (std::size_t i = 0; i < present.size(); ++i) {
      const Stance* stance = present[i]->stance_on(issue.id);
      if (stance == nullptr) continue;
      entry.participants.push_back(
          {i, stance->position, stance->salience, stance->capability.value_or(present[i]->capability)});
    }
    problem.issues.push_back(std::move(entry));
  }
  return problem;
}

}  // namespace parley

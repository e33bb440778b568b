#include "parley/model.hpp"

#include <limits>


namespace parley {

std::string_view to_string(StopReason reason) {
  switch (reason) {
    case StopReason::closed_form:
      return "closed_form";
    case StopReason::converged:
      return "converged";
    case StopReason::cycle:
      return "cycle";
    case StopReason::max_rounds:
      return "max_rounds";
    case StopReason::no_actors:
      return "no_actors";
    case StopReason::no_weight:
      return "no_weight";
    case StopReason::no_status_quo:
      return "no_status_quo";
    case StopReason::excluded:
      return "excluded";
    case StopReason::undefined:
      return "undefined";
  }
  return "closed_form";
}

ModelOutcome IssueModel::solve(const Problem& problem, const RunContext& context) const {
  ModelOutcome outcome;
  outcome.issues.reserve(problem.issues.size());
  for (const auto& issue : problem.issues) {
    if (issue.participants.empty()) {
      outcome.issues.push_back({issue.id, std::numeric_limits<double>::quiet_NaN(), 0, StopReason::no_actors, {{}}});
      continue;
    }
    outcome.issues.push_back(solve_issue(issue, context));
  }
  return outcome;
}

}  // namespace parley

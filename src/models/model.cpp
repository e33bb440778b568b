#include "parley/model.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "models/closed_form.hpp"

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
  for (const auto& issue : problem.issues) {
    if (issue.participants.empty()) {
      outcome.issues.push_back({issue.id, std::numeric_limits<double>::quiet_NaN(), 0, StopReason::no_actors, {{}}});
      continue;
    }
    outcome.issues.push_back(solve_issue(issue, context));
  }
  return outcome;
}

IssueForecast closed_form_forecast(const IssueProblem& issue, std::optional<double> forecast) {
  std::vector<double> input;
  input.reserve(issue.participants.size());
  for (const auto& participant : issue.participants) input.push_back(participant.position);
  const StopReason reason = forecast ? StopReason::closed_form : StopReason::no_weight;
  return {issue.id, forecast.value_or(std::numeric_limits<double>::quiet_NaN()), 0, reason, {std::move(input)}};
}

std::vector<double> positions_of(const IssueProblem& issue) {
  std::vector<double> positions;
  for (const auto& participant : issue.participants) positions.push_back(participant.position);
  return positions;
}

std::vector<double> weights_of(const IssueProblem& issue, Weighting weighting) {
  std::vector<double> weights;
  for (const auto& participant : issue.participants) weights.push_back(weight_of(participant, weighting));
  return weights;
}

}  // namespace parley

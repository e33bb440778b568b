#include "models/closed_form.hpp"

#include <limits>

namespace parley {

IssueForecast closed_form_forecast(const IssueProblem& issue, std::optional<double> forecast,
                                   const RunContext& context) {
  const StopReason reason = forecast ? StopReason::closed_form : StopReason::no_weight;
  IssueForecast result{issue.id, forecast.value_or(std::numeric_limits<double>::quiet_NaN()), 0, reason, {}};
  if (context.tables) result.positions.push_back(positions_of(issue));
  return result;
}

void IssueValues::fill(const IssueProblem& issue, Weighting weighting) {
  positions.clear();
  weights.clear();
  for (const auto& participant : issue.participants) {
    positions.push_back(participant.position);
    weights.push_back(weight_of(participant, weighting));
  }
}

std::vector<double> positions_of(const IssueProblem& issue) {
  std::vector<double> positions;
  for (const auto& participant : issue.participants) positions.push_back(participant.position);
  return positions;
}

}  // namespace parley

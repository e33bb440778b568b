#pragma once
// Helpers for models that compute a forecast directly, without rounds.

#include <cstddef>
#include <optional>
#include <vector>

#include "core/weighted.hpp"
#include "parley/model.hpp"

namespace parley {

// A missing forecast means every weight was zero. Round 0 holds the input positions, for a caller
// that keeps trajectories (context.tables).
[[nodiscard]] IssueForecast closed_form_forecast(const IssueProblem& issue, std::optional<double> forecast,
                                                 const RunContext& context);

[[nodiscard]] std::vector<double> positions_of(const IssueProblem& issue);

// An issue's positions and weights in participant order, in memory a model keeps from solve to
// solve (RunContext::scratch): a warm solve allocates nothing.
struct IssueValues {
  std::vector<double> positions;
  std::vector<double> weights;
  std::vector<std::size_t> order;  // the weighted median's

  void fill(const IssueProblem& issue, Weighting weighting);
};

}  // namespace parley

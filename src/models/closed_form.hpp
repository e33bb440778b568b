#pragma once
// Helpers for models that compute a forecast directly, without rounds.

#include <optional>
#include <vector>

#include "core/weighted.hpp"
#include "parley/model.hpp"

namespace parley {

// Round 0 holds the input positions; a missing forecast means every weight was zero.
[[nodiscard]] IssueForecast closed_form_forecast(const IssueProblem& issue, std::optional<double> forecast);

[[nodiscard]] std::vector<double> positions_of(const IssueProblem& issue);
[[nodiscard]] std::vector<double> weights_of(const IssueProblem& issue, Weighting weighting);

}  // namespace parley

#pragma once
// Fitting an ensemble on decisions with known outcomes, and scoring it out of sample.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "parley/backtest.hpp"
#include "parley/ensemble.hpp"

namespace parley::ensemble {

using Item = OutcomeRow;

struct Data {
  std::vector<std::string> members;  // as outputs name them
  std::size_t cases = 0;
  std::vector<Item> items;  // in case order
};

using Family = EnsembleFamily;
using Candidate = EnsembleCandidate;

inline constexpr double kTrimShare = 0.2;
inline constexpr double kSpreadFloor = 0.05;

// The columns of `data` that hold the pool's members, in pool order; throws ConfigError naming a
// member the data lacks.
[[nodiscard]] std::vector<std::size_t> pool_columns(const Candidate& candidate, const Data& data);

// The candidate's rule fitted on the items of the cases not excluded (excluded[c] != 0).
[[nodiscard]] EnsembleRule fit_rule(const Candidate& candidate, const Data& data, std::span<const std::size_t> columns,
                                    std::span<const char> excluded);

// The members' forecasts of an item, in pool order.
[[nodiscard]] std::vector<double> pool_forecasts(const Item& item, std::span<const std::size_t> columns);

// One out-of-sample error: |forecast − outcome| over the width, and the members' spread.
struct Residual {
  double error = 0.0;
  double spread = 0.0;
};

// Leave one case out. forecast[i]: item i forecast by the rule fitted without its case. inner[c]:
// for case c, the errors of every item of the other cases, each forecast by the rule fitted
// without both its own case and c — the calibration set of c's intervals, which never saw c.
struct CrossValidated {
  std::vector<double> forecast;
  std::vector<double> spread;
  std::vector<std::vector<Residual>> inner;
  std::vector<Residual> outer;      // every item's error under forecast[i]
  std::vector<EnsembleRule> rules;  // rules[c]: fitted without case c
};

// The fits run on up to `threads` threads; the result does not depend on how many.
[[nodiscard]] CrossValidated cross_validate(const Candidate& candidate, const Data& data, bool nested,
                                            unsigned threads = 1);

// Split-conformal quantiles and the score distribution from calibration residuals.
[[nodiscard]] IntervalCalibration conformal(IntervalScale scale, double floor, std::span<const Residual> residuals);

}  // namespace parley::ensemble

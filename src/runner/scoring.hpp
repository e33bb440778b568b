#pragma once
// Scoring forecasts of decisions with known outcomes: error statistics, the bootstrap over cases,
// the paired comparison with a reference model, and the coverage of predictive intervals.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "parley/backtest.hpp"

namespace parley::scoring {

class Scorer {
 public:
  // `reference`: the reference model's forecast of each row (empty when it was not run). The
  // resamples of cases, drawn from make_rng(seed, b), are the same for every forecast scored.
  Scorer(const std::vector<OutcomeRow>& rows, std::size_t cases, std::vector<double> reference, std::uint64_t seed,
         int bootstrap_samples);

  // `forecasts`: one per row, NaN where there is none; `intervals`: one per row, or empty.
  [[nodiscard]] ModelScore score(std::string model, std::span<const double> forecasts, std::size_t not_applicable,
                                 std::span<const std::array<Range, 3>> intervals) const;

 private:
  const std::vector<OutcomeRow>& rows_;
  std::size_t cases_;
  std::vector<double> reference_;
  std::vector<std::vector<std::size_t>> resamples_;
};

// Gneiting & Raftery's interval score of [low, high] at level 1 − alpha for outcome y.
[[nodiscard]] double interval_score(const Range& interval, double alpha, double outcome);

}  // namespace parley::scoring

#pragma once
// Plain summary statistics of samples (errors, forecasts): what backtests and Monte Carlo report.

#include <span>
#include <vector>

#include "parley/interval.hpp"

namespace parley {

// NaN for an empty sample.
[[nodiscard]] double mean_of(std::span<const double> values);
[[nodiscard]] double root_mean_square(std::span<const double> values);

// The p-quantile (0 <= p <= 1) by linear interpolation between order statistics (Hyndman & Fan
// type 7, the default of R and NumPy). Takes a copy to sort; NaN for an empty sample.
[[nodiscard]] double quantile(std::vector<double> values, double p);
[[nodiscard]] double median_of(std::vector<double> values);

}  // namespace parley

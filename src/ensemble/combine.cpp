#include <algorithm>
#include <cmath>
#include <limits>

#include "parley/ensemble.hpp"

namespace parley {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> present(std::span<const double> forecasts) {
  std::vector<double> values;
  for (const double forecast : forecasts) {
    if (!std::isnan(forecast)) values.push_back(forecast);
  }
  return values;
}

double middle_mean(std::vector<double> values, std::size_t drop) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  double sum = 0.0;
  for (std::size_t i = drop; i + drop < values.size(); ++i) sum += values[i];
  return sum / static_cast<double>(values.size() - 2 * drop);
}

// The error's symmetric distribution: P(E <= t) from the distribution of |E|.
double signed_cdf(const IntervalCalibration& intervals, double t) {
  if (t == std::numeric_limits<double>::infinity()) return 1.0;
  if (t == -std::numeric_limits<double>::infinity()) return 0.0;
  const double tail = score_cdf(intervals, std::fabs(t));
  return t >= 0.0 ? 0.5 + 0.5 * tail : 0.5 - 0.5 * tail;
}

}  // namespace

std::string_view to_string(EnsembleFamily family) {
  switch (family) {
    case EnsembleFamily::single:
      return "single";
    case EnsembleFamily::mean:
      return "mean";
    case EnsembleFamily::median:
      return "median";
    case EnsembleFamily::trimmed:
      return "trimmed";
    case EnsembleFamily::choice:
      return "choice";
    case EnsembleFamily::stack:
      return "stack";
  }
  return "single";
}

double combine(const EnsembleRule& rule, std::span<const double> forecasts) {
  switch (rule.combination) {
    case Combination::weighted: {
      double total = 0.0;
      double weight = 0.0;
      for (std::size_t j = 0; j < forecasts.size() && j < rule.weights.size(); ++j) {
        if (std::isnan(forecasts[j]) || rule.weights[j] <= 0.0) continue;
        total += rule.weights[j] * forecasts[j];
        weight += rule.weights[j];
      }
      return weight > 0.0 ? total / weight : kNaN;
    }
    case Combination::median: {
      std::vector<double> values = present(forecasts);
      const std::size_t n = values.size();
      return middle_mean(std::move(values), n == 0 ? 0 : (n - 1) / 2);
    }
    case Combination::trimmed: {
      std::vector<double> values = present(forecasts);
      const auto drop = static_cast<std::size_t>(std::floor(rule.trim * static_cast<double>(values.size())));
      // The bound is taken before `values` is handed over: arguments are evaluated in no fixed order.
      const std::size_t most = values.empty() ? 0 : (values.size() - 1) / 2;
      return middle_mean(std::move(values), std::min(drop, most));
    }
  }
  return kNaN;
}

double member_spread(std::span<const double> forecasts, double width) {
  const std::vector<double> values = present(forecasts);
  if (values.size() < 2) return 0.0;
  double mean = 0.0;
  for (const double value : values) mean += value;
  mean /= static_cast<double>(values.size());
  double squares = 0.0;
  for (const double value : values) squares += (value - mean) * (value - mean);
  return std::sqrt(squares / static_cast<double>(values.size())) / width;
}

double interval_scale(const IntervalCalibration& intervals, double spread) {
  return intervals.scale == IntervalScale::constant ? 1.0 : spread + intervals.floor;
}

std::array<Range, 3> intervals_around(const IntervalCalibration& intervals, double forecast, double spread, double min,
                                      double max) {
  std::array<Range, 3> ranges{};
  const double scale = interval_scale(intervals, spread) * (max - min);
  for (std::size_t l = 0; l < ranges.size(); ++l) {
    const double half = intervals.quantiles[l] * scale;
    ranges[l] =
        std::isfinite(half) ? Range{std::max(min, forecast - half), std::min(max, forecast + half)} : Range{min, max};
  }
  return ranges;
}

double score_cdf(const IntervalCalibration& intervals, double score) {
  const std::vector<double>& q = intervals.score_quantiles;
  if (q.empty()) return kNaN;
  if (score < q.front()) return 0.0;
  if (score >= q.back()) return 1.0;
  const double step = 1.0 / static_cast<double>(q.size() - 1);
  // The last grid point at or below `score`; the next one is above it.
  const auto above = std::upper_bound(q.begin(), q.end(), score);
  const auto i = static_cast<std::size_t>(above - q.begin()) - 1;
  return step * (static_cast<double>(i) + (score - q[i]) / (q[i + 1] - q[i]));
}

double probability_between(const IntervalCalibration& intervals, double forecast, double spread, double width,
                           double low, double high) {
  const double scale = interval_scale(intervals, spread) * width;
  if (!(scale > 0.0)) return forecast >= low && forecast <= high ? 1.0 : 0.0;
  return signed_cdf(intervals, (high - forecast) / scale) - signed_cdf(intervals, (low - forecast) / scale);
}

}  // namespace parley

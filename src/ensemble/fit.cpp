#include "ensemble/fit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>

#include "core/parallel.hpp"
#include "core/statistics.hpp"
#include "ensemble/lad.hpp"
#include "parley/errors.hpp"

namespace parley::ensemble {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kImputationRounds = 10;
constexpr int kScoreGrid = 20;  // score quantiles at p = 0, 1/20, ..., 1

bool is_fitted(Family family) {
  return family == Family::choice || family == Family::stack;
}

double normalised(double value, const Item& item) {
  return (value - item.min) / item.width();
}

EnsembleRule weighted(const Candidate& candidate, std::vector<double> weights) {
  return {Combination::weighted, candidate.pool, std::move(weights), 0.0};
}

// The member with the lowest mean error on the fitting items, among those that forecast all of
// them (or, when none does, all members); ties go to the first in pool order.
EnsembleRule fit_choice(const Candidate& candidate, const Data& data, std::span<const std::size_t> columns,
                        std::span<const char> excluded) {
  const std::size_t k = columns.size();
  std::vector<double> total(k, 0.0);
  std::vector<std::size_t> count(k, 0);
  std::size_t fitting = 0;
  for (const Item& item : data.items) {
    if (excluded[item.case_index] != 0) continue;
    ++fitting;
    for (std::size_t j = 0; j < k; ++j) {
      const double forecast = item.forecasts[columns[j]];
      if (std::isnan(forecast)) continue;
      total[j] += std::fabs(forecast - item.outcome) / item.width();
      ++count[j];
    }
  }
  const bool any_complete = std::any_of(count.begin(), count.end(), [&](std::size_t c) { return c == fitting; });
  std::size_t best = 0;
  double best_mae = std::numeric_limits<double>::infinity();
  for (std::size_t j = 0; j < k; ++j) {
    if (count[j] == 0 || (any_complete && count[j] != fitting)) continue;
    const double mae = total[j] / static_cast<double>(count[j]);
    if (mae < best_mae) {
      best = j;
      best_mae = mae;
    }
  }
  std::vector<double> weights(k, 0.0);
  weights[best] = 1.0;
  return weighted(candidate, std::move(weights));
}

// Least absolute error on the simplex. A member without a forecast of an item is left out there and
// the others renormalised; that makes the forecast non-linear in the weights, so the fit imputes
// the missing forecasts with the ensemble's own forecast of the item (which is exactly the
// renormalised forecast) and refits, keeping the weights with the least true error.
EnsembleRule fit_stack(const Candidate& candidate, const Data& data, std::span<const std::size_t> columns,
                       std::span<const char> excluded) {
  const std::size_t k = columns.size();
  std::vector<std::vector<double>> rows;
  std::vector<double> targets;
  std::vector<std::vector<char>> missing;
  std::vector<const Item*> items;
  bool any_missing = false;
  for (const Item& item : data.items) {
    if (excluded[item.case_index] != 0) continue;
    std::vector<double> row(k);
    std::vector<char> absent(k, 0);
    double present_sum = 0.0;
    std::size_t present = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double forecast = item.forecasts[columns[j]];
      if (std::isnan(forecast)) {
        absent[j] = 1;
        continue;
      }
      row[j] = normalised(forecast, item);
      present_sum += row[j];
      ++present;
    }
    if (present == 0) continue;  // nothing to combine: the item cannot inform the weights
    for (std::size_t j = 0; j < k; ++j) {
      if (absent[j] != 0) row[j] = present_sum / static_cast<double>(present);  // first guess: their mean
    }
    any_missing = any_missing || present < k;
    rows.push_back(std::move(row));
    targets.push_back(normalised(item.outcome, item));
    missing.push_back(std::move(absent));
    items.push_back(&item);
  }
  std::vector<double> weights = lad_simplex_weights(rows, targets);
  if (!any_missing) return weighted(candidate, std::move(weights));

  const auto true_error = [&](const EnsembleRule& rule, std::vector<double>& forecasts) {
    double error = 0.0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const double forecast = combine(rule, pool_forecasts(*items[i], columns));
      forecasts[i] = std::isnan(forecast) ? kNaN : normalised(forecast, *items[i]);
      error += std::isnan(forecast) ? 1.0 : std::fabs(forecasts[i] - targets[i]);
    }
    return error;
  };
  std::vector<double> forecasts(items.size());
  EnsembleRule best = weighted(candidate, weights);
  double best_error = true_error(best, forecasts);
  for (int round = 1; round < kImputationRounds; ++round) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      for (std::size_t j = 0; j < k; ++j) {
        if (missing[i][j] != 0 && !std::isnan(forecasts[i])) rows[i][j] = forecasts[i];
      }
    }
    std::vector<double> next = lad_simplex_weights(rows, targets);
    if (next == weights) break;
    weights = std::move(next);
    EnsembleRule rule = weighted(candidate, weights);
    const double error = true_error(rule, forecasts);
    if (error < best_error) {
      best = std::move(rule);
      best_error = error;
    }
  }
  return best;
}

Residual residual_of(const Item& item, double forecast, double spread) {
  return {std::fabs(forecast - item.outcome) / item.width(), spread};
}

}  // namespace

std::vector<std::size_t> pool_columns(const Candidate& candidate, const Data& data) {
  std::vector<std::size_t> columns;
  for (const auto& member : candidate.pool) {
    const auto found = std::find(data.members.begin(), data.members.end(), member.name);
    if (found == data.members.end()) {
      throw ConfigError(fmt::format("ensemble candidate '{}': member '{}' was not run", candidate.name, member.name));
    }
    columns.push_back(static_cast<std::size_t>(found - data.members.begin()));
  }
  return columns;
}

std::vector<double> pool_forecasts(const Item& item, std::span<const std::size_t> columns) {
  std::vector<double> forecasts;
  forecasts.reserve(columns.size());
  for (const std::size_t column : columns) forecasts.push_back(item.forecasts[column]);
  return forecasts;
}

EnsembleRule fit_rule(const Candidate& candidate, const Data& data, std::span<const std::size_t> columns,
                      std::span<const char> excluded) {
  const std::size_t k = candidate.pool.size();
  switch (candidate.family) {
    case Family::single:
    case Family::mean:
      return weighted(candidate, std::vector<double>(k, 1.0 / static_cast<double>(k)));
    case Family::median:
      return {Combination::median, candidate.pool, {}, 0.0};
    case Family::trimmed:
      return {Combination::trimmed, candidate.pool, {}, kTrimShare};
    case Family::choice:
      return fit_choice(candidate, data, columns, excluded);
    case Family::stack:
      return fit_stack(candidate, data, columns, excluded);
  }
  return weighted(candidate, std::vector<double>(k, 1.0 / static_cast<double>(k)));
}

CrossValidated cross_validate(const Candidate& candidate, const Data& data, bool nested, unsigned threads) {
  const std::vector<std::size_t> columns = pool_columns(candidate, data);
  const std::size_t n = data.items.size();
  CrossValidated result;
  result.forecast.assign(n, kNaN);
  result.spread.assign(n, 0.0);
  result.outer.assign(n, Residual{kNaN, 0.0});
  result.inner.resize(data.cases);
  std::vector<std::vector<std::size_t>> by_case(data.cases);
  for (std::size_t i = 0; i < n; ++i) {
    by_case[data.items[i].case_index].push_back(i);
    result.spread[i] = member_spread(pool_forecasts(data.items[i], columns), data.items[i].width());
  }
  // The residuals of case c's items under `rule`, in item order.
  const auto residuals_of = [&](const EnsembleRule& rule, std::size_t c) {
    std::vector<Residual> residuals;
    for (const std::size_t i : by_case[c]) {
      const double forecast = combine(rule, pool_forecasts(data.items[i], columns));
      if (!std::isnan(forecast)) residuals.push_back(residual_of(data.items[i], forecast, result.spread[i]));
    }
    return residuals;
  };
  const auto fit_without = [&](std::initializer_list<std::size_t> cases) {
    std::vector<char> excluded(data.cases, 0);
    for (const std::size_t c : cases) excluded[c] = 1;
    return fit_rule(candidate, data, columns, excluded);
  };
  result.rules.resize(data.cases);
  parallel_for(threads, data.cases, [&](std::size_t c) { result.rules[c] = fit_without({c}); });
  for (std::size_t c = 0; c < data.cases; ++c) {
    for (const std::size_t i : by_case[c]) {
      result.forecast[i] = combine(result.rules[c], pool_forecasts(data.items[i], columns));
      if (!std::isnan(result.forecast[i]))
        result.outer[i] = residual_of(data.items[i], result.forecast[i], result.spread[i]);
    }
  }
  if (!nested) return result;
  if (!is_fitted(candidate.family)) {
    // The rule does not depend on the data: each case's calibration set is every other item.
    for (std::size_t c = 0; c < data.cases; ++c) {
      for (std::size_t d = 0; d < data.cases; ++d) {
        if (d == c) continue;
        for (const std::size_t i : by_case[d]) {
          if (!std::isnan(result.forecast[i])) result.inner[c].push_back(result.outer[i]);
        }
      }
    }
    return result;
  }
  // Every pair of cases once: the rule fitted without both forecasts each for the other's intervals.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t c = 0; c < data.cases; ++c) {
    for (std::size_t d = c + 1; d < data.cases; ++d) pairs.emplace_back(c, d);
  }
  std::vector<std::pair<std::vector<Residual>, std::vector<Residual>>> pair_residuals(pairs.size());
  parallel_for(threads, pairs.size(), [&](std::size_t p) {
    const auto [c, d] = pairs[p];
    const EnsembleRule rule = fit_without({c, d});
    pair_residuals[p] = {residuals_of(rule, d), residuals_of(rule, c)};
  });
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const auto [c, d] = pairs[p];
    auto& [of_d, of_c] = pair_residuals[p];
    result.inner[c].insert(result.inner[c].end(), of_d.begin(), of_d.end());
    result.inner[d].insert(result.inner[d].end(), of_c.begin(), of_c.end());
  }
  return result;
}

IntervalCalibration conformal(IntervalScale scale, double floor, std::span<const Residual> residuals) {
  IntervalCalibration intervals;
  intervals.scale = scale;
  intervals.floor = floor;
  std::vector<double> scores;
  scores.reserve(residuals.size());
  for (const Residual& residual : residuals) {
    if (!std::isnan(residual.error)) scores.push_back(residual.error / interval_scale(intervals, residual.spread));
  }
  std::sort(scores.begin(), scores.end());
  const std::size_t m = scores.size();
  for (std::size_t l = 0; l < kIntervalLevels.size(); ++l) {
    // The ceil((m+1)·L)-th smallest score; the small offset keeps an exact product from rounding up.
    const auto rank = static_cast<std::size_t>(std::ceil(static_cast<double>(m + 1) * kIntervalLevels[l] - 1e-9));
    intervals.quantiles[l] = rank >= 1 && rank <= m ? scores[rank - 1] : std::numeric_limits<double>::infinity();
  }
  if (m > 0) {
    for (int p = 0; p <= kScoreGrid; ++p) intervals.score_quantiles.push_back(quantile(scores, p / double(kScoreGrid)));
  }
  return intervals;
}

}  // namespace parley::ensemble

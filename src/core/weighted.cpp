#include "core/weighted.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/stable_sort.hpp"

namespace parley {

double weight_of(const Participant& participant, Weighting weighting) {
  switch (weighting) {
    case Weighting::capability_salience:
      return participant.capability * participant.salience;
    case Weighting::capability:
      return participant.capability;
    case Weighting::salience:
      return participant.salience;
    case Weighting::none:
      return 1.0;
  }
  return 1.0;
}

std::optional<double> weighted_mean(std::span<const double> positions, std::span<const double> weights) {
  double total = 0.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    total += weights[i];
    sum += weights[i] * positions[i];
  }
  if (!(total > 0.0)) return std::nullopt;
  return sum / total;
}

std::optional<double> weighted_median(std::span<const double> positions, std::span<const double> weights,
                                      MedianTie tie) {
  std::vector<std::size_t> order;
  return weighted_median(positions, weights, tie, order);
}

std::optional<double> weighted_median(std::span<const double> positions, std::span<const double> weights,
                                      MedianTie tie, std::vector<std::size_t>& order) {
  order.clear();
  bool ordered = true;  // no NaN: `<` orders the positions strictly and weakly
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (weights[i] > 0.0) order.push_back(i);
    ordered = ordered && !std::isnan(positions[i]);
  }
  if (order.empty()) return std::nullopt;
  stable_sort_short(
      order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; }, ordered);
  const double total =
      std::accumulate(order.begin(), order.end(), 0.0, [&](double sum, std::size_t i) { return sum + weights[i]; });
  // Sums of doubles are not exact (0.1 + 0.5 != 1.2 / 2), so "reaches half" allows a relative
  // slack of 1e-12: a tie that holds on paper holds here too.
  const double slack = 1e-12 * total;
  double cumulative = 0.0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    cumulative += weights[order[k]];
    const double excess = 2.0 * cumulative - total;
    if (excess < -slack) continue;
    const bool exactly_half = excess <= slack;
    if (tie == MedianTie::midpoint && exactly_half && k + 1 < order.size()) {
      return (positions[order[k]] + positions[order[k + 1]]) / 2.0;
    }
    return positions[order[k]];
  }
  return positions[order.back()];
}

}  // namespace parley

#include <algorithm>
#include <cmath>

#include "parley/ensemble.hpp"

namespace parley {
namespace {

constexpr std::size_t kComponents = 2000;
constexpr int kBisections = 50;

// At most kComponents of them, at evenly spaced ranks of the forecast.
std::vector<MixtureComponent> thinned(std::vector<MixtureComponent> components) {
  std::stable_sort(components.begin(), components.end(),
                   [](const MixtureComponent& a, const MixtureComponent& b) { return a.forecast < b.forecast; });
  if (components.size() <= kComponents) return components;
  std::vector<MixtureComponent> kept;
  kept.reserve(kComponents);
  const double step = static_cast<double>(components.size()) / static_cast<double>(kComponents);
  for (std::size_t k = 0; k < kComponents; ++k) {
    kept.push_back(components[static_cast<std::size_t>((static_cast<double>(k) + 0.5) * step)]);
  }
  return kept;
}

double mixture_cdf(const IntervalCalibration& intervals, std::span<const MixtureComponent> components, double width,
                   double z) {
  double total = 0.0;
  for (const auto& component : components) {
    const double infinity = std::numeric_limits<double>::infinity();
    total += probability_between(intervals, component.forecast, component.spread, width, -infinity, z);
  }
  return total / static_cast<double>(components.size());
}

// The smallest z in [low, high] (to bisection precision) with mixture_cdf(z) >= p.
double mixture_quantile(const IntervalCalibration& intervals, std::span<const MixtureComponent> components,
                        double width, double p, double low, double high) {
  for (int i = 0; i < kBisections; ++i) {
    const double middle = low + (high - low) / 2.0;
    if (mixture_cdf(intervals, components, width, middle) >= p) {
      high = middle;
    } else {
      low = middle;
    }
  }
  return high;
}

}  // namespace

MixtureSummary summarise_mixture(const IntervalCalibration& intervals, std::vector<MixtureComponent> components,
                                 double min, double max) {
  MixtureSummary summary;
  if (components.empty()) {
    summary.median = std::numeric_limits<double>::quiet_NaN();
    return summary;
  }
  const std::vector<MixtureComponent> kept = thinned(std::move(components));
  const double width = max - min;
  // Errors beyond the scale pile up at its ends: search a little beyond them, then clip.
  const auto quantile = [&](double p) {
    return std::clamp(mixture_quantile(intervals, kept, width, p, min - 2.0 * width, max + 2.0 * width), min, max);
  };
  summary.median = quantile(0.5);
  for (std::size_t l = 0; l < kIntervalLevels.size(); ++l) {
    const double tail = (1.0 - kIntervalLevels[l]) / 2.0;
    summary.intervals[l] = {quantile(tail), quantile(1.0 - tail)};
  }
  return summary;
}

double mixture_probability(const IntervalCalibration& intervals, std::span<const MixtureComponent> components,
                           double width, double low, double high) {
  if (components.empty()) return std::numeric_limits<double>::quiet_NaN();
  double total = 0.0;
  for (const auto& component : components) {
    total += probability_between(intervals, component.forecast, component.spread, width, low, high);
  }
  return total / static_cast<double>(components.size());
}

}  // namespace parley

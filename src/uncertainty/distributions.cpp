#include "uncertainty/distributions.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

double draw_normal(Rng& rng) {
  while (true) {
    const double u = 2.0 * rng.uniform() - 1.0;
    const double v = 2.0 * rng.uniform() - 1.0;
    const double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
  }
}

double draw_truncated_normal(Rng& rng, double mean, double sd, double low, double high) {
  if (!(sd > 0.0)) return std::clamp(mean, low, high);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const double x = mean + sd * draw_normal(rng);
    if (x >= low && x <= high) return x;
  }
  return std::clamp(mean, low, high);
}

double draw_gamma(Rng& rng, double shape) {
  if (shape < 1.0) {
    const double boost = std::pow(rng.uniform(), 1.0 / shape);
    return draw_gamma(rng, shape + 1.0) * boost;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  while (true) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = draw_normal(rng);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniform();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0.0 && std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double draw_beta_mean_sd(Rng& rng, double mean, double sd) {
  if (!(sd > 0.0)) return std::clamp(mean, 0.0, 1.0);
  const double spread = mean * (1.0 - mean);
  if (mean <= 0.0 || mean >= 1.0 || sd * sd >= spread) return draw_truncated_normal(rng, mean, sd, 0.0, 1.0);
  const double k = spread / (sd * sd) - 1.0;
  const double a = draw_gamma(rng, mean * k);
  const double b = draw_gamma(rng, (1.0 - mean) * k);
  return a + b > 0.0 ? a / (a + b) : mean;
}

}  // namespace parley

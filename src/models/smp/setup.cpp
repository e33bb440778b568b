// A state's setup (§4): distances, risk attitudes and their estimates, the utility check, and the
// reported probabilities (§8).

#include <algorithm>

#include "core/parallel.hpp"
#include "models/smp/engine_impl.hpp"

namespace parley::models::smp {

// dist_i(z) of §3.1: from i's ideal y_i to the point z.
double Engine::dist(const State& state, std::size_t i, const double* z) const {
  double num = 0.0;
  double den = 0.0;
  for (std::size_t k = 0; k < d_; ++k) {
    const double s = in_.salience[i * d_ + k];
    const double a = (state.ideal[i * d_ + k] - z[k]) * s;
    num = num + a * a;
    den = den + s * s;
  }
  return std::sqrt(num / den);
}

double Engine::estimate(double r_h, double r_i) const {
  switch (settings_.adjust) {
    case BigRAdjust::None:
      return r_h;
    case BigRAdjust::OneThird:
      return ((2.0 * r_h) + r_i) / 3.0;
    case BigRAdjust::Half:
      return (r_h + r_i) / 2;
    case BigRAdjust::TwoThirds:
      return (r_h + (2.0 * r_i)) / 3.0;
    case BigRAdjust::Full:
      return r_i;
  }
  return r_i;
}

void Engine::risk_attitudes(const std::vector<double>& p, std::vector<double>& r) const {
  double pmin = 1.0;
  double pmax = 0.0;
  for (const double v : p) {
    if (v < pmin) pmin = v;
    if (v > pmax) pmax = v;
  }
  r.assign(p.size(), 0.0);
  for (std::size_t a = 0; a < p.size(); ++a) {
    switch (settings_.range) {
      case BigRRange::Min:
        r[a] = (p[a] - pmin) / (pmax - pmin);
        break;
      case BigRRange::Mid:
        r[a] = (3 * p[a] - (pmax + 2 * pmin)) / (2 * (pmax - pmin));
        break;
      case BigRRange::Max:
        r[a] = (2 * p[a] - (pmax + pmin)) / (pmax - pmin);
        break;
    }
  }
}

// Setup of a state (§4): distances, the risk-neutral election, risk attitudes, their estimates,
// the utility check, and the reported probabilities (§8).
void Engine::setup(State& state, Derived& derived) const {
  derived.distance_to.assign(n_ * n_, 0.0);
  parallel_for(threads(), n_, [&](std::size_t j) {
    const double* z = state.position.data() + j * d_;
    for (std::size_t i = 0; i < n_; ++i) derived.distance_to[j * n_ + i] = dist(state, i, z);
  });
  std::vector<double>& neutral = scratch_.neutral;
  neutral.assign(n_ * n_, 0.0);
  for (std::size_t x = 0; x < n_ * n_; ++x) neutral[x] = util(derived.distance_to[x], 0.0);
  std::vector<double>& p = scratch_.neutral_probability;
  PairWeights pairs;
  election(rules_, in_.capability, neutral, n_, scratch_.setup_election, p, threads(), CoalitionLoop::automatic,
           pair_weights(state.position, pairs));
  risk_attitudes(p, state.risk);
  derived.estimate.assign(n_ * n_, 0.0);
  for (std::size_t h = 0; h < n_; ++h) {
    for (std::size_t i = 0; i < n_; ++i) derived.estimate[h * n_ + i] = estimate(state.risk[h], state.risk[i]);
  }
  if (settings_.ktab_checks) check_utilities(state, derived);
  derived.own.assign(n_ * n_, 0.0);
  for (std::size_t a = 0; a < n_; ++a) {
    const double r = derived.estimate[a * n_ + a];
    for (std::size_t m = 0; m < n_; ++m) derived.own[a * n_ + m] = util(derived.distance_to[m * n_ + a], r);
  }
  reported_probabilities(state, derived);
}

// KTAB's check that the estimated utilities differ from the true ones (§4); a NaN norm passes.
void Engine::check_utilities(const State& state, const Derived& derived) const {
  const auto close = [&](const auto& utility) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n_; ++i) {
      for (std::size_t j = 0; j < n_; ++j) {
        const double delta = derived.distance_to[j * n_ + i];
        const double e = utility(i, delta) - util(delta, state.risk[i]);
        sum = sum + e * e;
        if (sum > kUtilityCheck * kUtilityCheck * 4.0) return false;  // far beyond the threshold already
      }
    }
    return std::sqrt(sum) <= kUtilityCheck;
  };
  if (close([](std::size_t, double delta) { return util(delta, 0.0); })) {
    abort_run("the risk-neutral utilities equal the risk-adjusted ones (utility check)");
  }
  for (std::size_t h = 0; h < n_; ++h) {
    if (close([&](std::size_t i, double delta) { return util(delta, derived.estimate[h * n_ + i]); })) {
      abort_run(fmt::format(
          "{}'s estimates of the risk attitudes equal the actors' own (utility check; BigRAdjust=Full always "
          "does this)",
          who(h)));
    }
  }
}

double Engine::separation(const State& state, std::size_t a, std::size_t b) const {
  double sum = 0.0;
  for (std::size_t k = 0; k < d_; ++k) {
    const double e = state.position[a * d_ + k] - state.position[b * d_ + k];
    sum = sum + e * e;
  }
  return std::sqrt(sum);
}

void Engine::reported_probabilities(State& state, const Derived& derived) const {
  std::vector<std::size_t>& representatives = state.representative;
  representatives.clear();
  for (std::size_t i = 0; i < n_; ++i) {
    const bool grouped = std::any_of(representatives.begin(), representatives.end(),
                                     [&](std::size_t r) { return separation(state, i, r) < kSamePosition; });
    if (!grouped) representatives.push_back(i);
  }
  const std::size_t groups = representatives.size();
  std::vector<double>& value = scratch_.group_values;
  value.assign(groups * n_, 0.0);
  for (std::size_t g = 0; g < groups; ++g) {
    for (std::size_t v = 0; v < n_; ++v) value[g * n_ + v] = derived.own[v * n_ + representatives[g]];
  }
  const std::vector<double>& p = state.group_probability;
  std::vector<double>& points = scratch_.group_points;
  points.resize(groups * d_);
  for (std::size_t g = 0; g < groups; ++g) {
    std::copy_n(state.position.begin() + static_cast<std::ptrdiff_t>(representatives[g] * d_), d_,
                points.begin() + static_cast<std::ptrdiff_t>(g * d_));
  }
  PairWeights pairs;
  election(rules_, in_.capability, value, groups, scratch_.setup_election, state.group_probability, threads(),
           CoalitionLoop::automatic, pair_weights(points, pairs));
  state.probability.assign(n_, 0.0);
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t g = 0; g < groups; ++g) {
      if (separation(state, i, representatives[g]) < kSamePosition) state.probability[i] = p[g];
    }
  }
}

}  // namespace parley::models::smp

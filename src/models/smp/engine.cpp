// The run: construction, turns until the stopping rule (§7), the ideals of a new state (§6.7).

#include "models/smp/engine.hpp"

#include <algorithm>

#include "models/smp/engine_impl.hpp"
#include "parley/errors.hpp"
#include "parley/text.hpp"

namespace parley::models::smp {

void abort_run(const std::string& reason) {
  throw UnsolvableError("smp: " + reason + " (KTAB aborts the run here)");
}

Engine::Engine(const Input& input, const Options& options, Scratch& scratch)
    : in_(input),
      scratch_(scratch),
      settings_(options.settings),
      options_(options),
      n_(input.actors),
      d_(input.dimensions),
      rules_{settings_.voting, settings_.victory, settings_.pce},
      total_salience_(scratch.total_salience),
      salience_squares_(scratch.salience_squares),
      weight_(scratch.weight) {
  total_salience_.assign(n_, 0.0);
  salience_squares_.assign(n_, 0.0);
  weight_.assign(n_, 0.0);
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t k = 0; k < d_; ++k) {
      const double s = input.salience[i * d_ + k];
      total_salience_[i] = total_salience_[i] + s;
      salience_squares_[i] = salience_squares_[i] + s * s;
    }
    if (!(salience_squares_[i] > 0.0)) {
      abort_run(fmt::format("actor {} has no salience on any dimension, so its distances are 0/0", who(i)));
    }
    weight_[i] = total_salience_[i] * input.capability[i];
    // KTAB checks a target's total salience in every challenge of it, so at the first turn for every
    // actor; checked here once, since parley does not weigh every challenge (challenge.cpp).
    if (total_salience_[i] > salience_limit_) {
      abort_run(fmt::format("{}'s total salience {}", who(i), outside(fmt::format("{}", total_salience_[i]), "(0, 1]")));
    }
  }
  scratch_.columns.resize(3 * n_ * n_);
  scratch_.targets.resize(n_ * n_);
  scratch_.views.resize(4 * n_ * d_);
  scratch_.by_initiator.resize(n_);
  scratch_.initiator_points.resize(4 * n_ * d_);
  scratch_.queue_elections.resize(n_);
  scratch_.queue_probabilities.resize(n_);
  if (!input.issue_capability.empty()) {
    scratch_.challenge_weights.resize(n_ * n_);
    scratch_.queue_points.resize(n_);
  }
  exact_identity_ = true;
  identity_ = true;
  if (!input.accommodation.empty()) {
    double distance = 0.0;
    for (std::size_t i = 0; i < n_; ++i) {
      double row = 0.0;
      for (std::size_t j = 0; j < n_; ++j) {
        const double a = input.accommodation[i * n_ + j];
        if (!(a >= 0.0 && a <= 1.0))
          abort_run(fmt::format("the accommodation of {}'s ideal to {} is {}, outside [0, 1]", who(i), who(j), a));
        row = row + a;
        if (row > 1.0 + kIdentityTolerance) {
          abort_run(fmt::format("the accommodations of {}'s ideal sum to more than 1", who(i)));
        }
        const double e = a - (i == j ? 1.0 : 0.0);
        distance = distance + e * e;
        if (e != 0.0) exact_identity_ = false;
      }
    }
    identity_ = std::sqrt(distance) < kIdentityTolerance;
  }
}

namespace {

// Empties `used` into `spare` (their elements' memory kept) ...
template <typename T>
void recycle(std::vector<T>& used, std::vector<T>& spare) {
  for (T& item : used) spare.push_back(std::move(item));
  used.clear();
}

// ... and appends an element to `used`, a spare one when there is one.
template <typename T>
T& add(std::vector<T>& used, std::vector<T>& spare) {
  if (spare.empty()) return used.emplace_back();
  T& item = used.emplace_back(std::move(spare.back()));
  spare.pop_back();
  return item;
}

}  // namespace

void Engine::run(Result& result) {
  recycle(result.states, scratch_.spare_states);
  recycle(result.turns, scratch_.spare_turns);
  result.ending = Ending::converged;
  State& first = add(result.states, scratch_.spare_states);
  first.position = in_.position;
  first.ideal = in_.position;
  Derived& derived = scratch_.derived;
  setup(first, derived);
  std::mt19937_64 generator(options_.seed);
  int iteration = 0;
  while (true) {
    ++iteration;
    // Added before either is filled: adding may move the states, never while one is referred to.
    Turn& played = add(result.turns, scratch_.spare_turns);
    add(result.states, scratch_.spare_states);
    State& next = result.states.back();
    turn(result.states[result.states.size() - 2], derived, next, played, generator);
    setup(next, derived);
    const std::size_t last = result.states.size() - 1;
    const double d01 = distance(result.states[0], result.states[1]) + settings_.stop_guard;
    const double dxy = distance(result.states[last - 1], result.states[last]);
    if (iteration >= settings_.max_iterations) {
      result.ending = Ending::max_iterations;
      break;
    }
    if (iteration >= settings_.min_iterations && dxy / d01 < settings_.stop_ratio) {
      result.ending = Ending::converged;
      break;
    }
  }
  // Every position equally likely makes the risk attitudes 0/0. When everyone stands at one
  // point that is agreement, not a failure; otherwise the model has no answer.
  const State& last = result.states.back();
  const bool undefined_risk = std::any_of(last.risk.begin(), last.risk.end(), [](double r) { return std::isnan(r); });
  if (undefined_risk && last.representative.size() > 1) result.ending = Ending::degenerate;
}

// The ideals of the new state (§6.7).
void Engine::ideals(const State& state, State& next) const {
  std::vector<double>& ideal = next.ideal;
  if (exact_identity_) {
    ideal = next.position;
    return;
  }
  ideal.assign(n_ * d_, 0.0);
  std::vector<double>& acc = scratch_.accommodated;
  for (std::size_t i = 0; i < n_; ++i) {
    acc.assign(d_, 0.0);
    double sa = 0.0;
    for (std::size_t j = 0; j < n_; ++j) {
      const double a = in_.accommodation[i * n_ + j];
      sa = sa + a;
      for (std::size_t k = 0; k < d_; ++k) acc[k] = acc[k] + a * next.position[j * d_ + k];
    }
    sa = std::min(sa, 1.0);
    for (std::size_t k = 0; k < d_; ++k) {
      ideal[i * d_ + k] = acc[k] + (1.0 - sa) * state.ideal[i * d_ + k];
      if (identity_ && std::fabs(ideal[i * d_ + k] - next.position[i * d_ + k]) >= kIdentityTolerance) {
        abort_run(fmt::format("{}'s new ideal differs from its new position with an identity accommodation", who(i)));
      }
    }
  }
}

// Σ_i ‖x_i(a) − x_i(b)‖ (§7).
double Engine::distance(const State& a, const State& b) const {
  double total = 0.0;
  for (std::size_t i = 0; i < n_; ++i) {
    double sum = 0.0;
    for (std::size_t k = 0; k < d_; ++k) {
      const double e = a.position[i * d_ + k] - b.position[i * d_ + k];
      sum = sum + e * e;
    }
    total = total + std::sqrt(sum);
  }
  return total;
}

void run(const Input& input, const Options& options, Scratch& scratch, Result& result) {
  Engine(input, options, scratch).run(result);
}

Result run(const Input& input, const Options& options, Scratch& scratch) {
  Result result;
  run(input, options, scratch, result);
  return result;
}

Result run(const Input& input, const Options& options) {
  Scratch scratch;
  return run(input, options, scratch);
}

}  // namespace parley::models::smp

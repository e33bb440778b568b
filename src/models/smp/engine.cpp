#include "models/smp/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "models/smp/election.hpp"
#include "models/smp/input.hpp"
#include "models/smp/parallel.hpp"
#include "parley/errors.hpp"

namespace parley::models::smp {
namespace {

constexpr double kChallengeFloor = 1e-10;                        // §6.2
constexpr double kMinimumGain = 1e-5;                            // §6.3
constexpr double kBargainFloor = 1e-6;                           // §6.4
constexpr double kUtilityCheck = 1e-6;                           // §4
constexpr double kSamePosition = 1e-3;                           // §8
constexpr double kIdentityTolerance = 1e-10;                     // §6.7, §12
constexpr std::uint64_t kUniformOffset = 0xE08C1D668B756F83ULL;  // §10.9

// Utility of distance delta to an actor of risk attitude r (§3.1).
double util(double delta, double r) {
  if (delta <= 1.0) return (1.0 - delta) * (1.0 + delta * r);
  return (1.0 - delta) * (1.0 + r);
}

// KTAB's rounding of bargain coordinates to 1e-4 (§6.4): a conversion to a 32-bit integer toward
// zero. Out of its range (reachable only with S1P1 and a receiver's-view bargain, whose "probability"
// is a gain) x86 gives INT_MIN, as KTAB then does.
double round4(double v) {
  const double t = std::trunc(0.5 + v * 10000.0);
  const bool fits = t >= -2147483648.0 && t <= 2147483647.0;  // false for NaN too
  return (fits ? t : -2147483648.0) / 10000.0;
}

[[noreturn]] void abort_run(const std::string& reason) {
  throw UnsolvableError("smp: " + reason + " (KTAB aborts the run here)");
}

class Engine {
 public:
  Engine(const Input& input, const Options& options)
      : in_(input),
        settings_(options.settings),
        options_(options),
        n_(input.actors),
        d_(input.dimensions),
        rules_{settings_.voting, settings_.victory, settings_.pce} {
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

  Result run() {
    Result result;
    State first;
    first.position = in_.position;
    first.ideal = in_.position;
    result.states.push_back(std::move(first));
    Derived derived = setup(result.states.back());
    std::mt19937_64 generator(options_.seed);
    int iteration = 0;
    while (true) {
      ++iteration;
      State next;
      result.turns.push_back(turn(result.states.back(), derived, next, generator));
      result.states.push_back(std::move(next));
      derived = setup(result.states.back());
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
    return result;
  }

 private:
  // What a state's setup derives (§4), kept only while the state is current.
  struct Derived {
    std::vector<double> distance_to;  // [j * n + i] = dist_i(x_j): from i's ideal to j's position
    std::vector<double> estimate;     // [h * n + i] = R^h_i, h's estimate of i's risk attitude
    std::vector<double> own;          // [a * n + m] = U^a[a][m], a's own view of m's position
  };

  // dist_i(z) of §3.1: from i's ideal y_i to the point z.
  [[nodiscard]] double dist(const State& state, std::size_t i, const double* z) const {
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

  [[nodiscard]] double estimate(double r_h, double r_i) const {
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

  [[nodiscard]] std::vector<double> risk_attitudes(const std::vector<double>& p) const {
    double pmin = 1.0;
    double pmax = 0.0;
    for (const double v : p) {
      if (v < pmin) pmin = v;
      if (v > pmax) pmax = v;
    }
    std::vector<double> r(p.size(), 0.0);
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
    return r;
  }

  // Setup of a state (§4): distances, the risk-neutral election, risk attitudes, their estimates,
  // the utility check, and the reported probabilities (§8).
  Derived setup(State& state) const {
    Derived derived;
    derived.distance_to.assign(n_ * n_, 0.0);
    parallel_for(threads(), n_, [&](std::size_t j) {
      const double* z = state.position.data() + j * d_;
      for (std::size_t i = 0; i < n_; ++i) derived.distance_to[j * n_ + i] = dist(state, i, z);
    });
    std::vector<double> neutral(n_ * n_, 0.0);
    for (std::size_t x = 0; x < n_ * n_; ++x) neutral[x] = util(derived.distance_to[x], 0.0);
    const std::vector<double> p = election(rules_, in_.capability, neutral, n_, threads());
    state.risk = risk_attitudes(p);
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
    return derived;
  }

  // KTAB's check that the estimated utilities differ from the true ones (§4); a NaN norm passes.
  void check_utilities(const State& state, const Derived& derived) const {
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

  [[nodiscard]] double separation(const State& state, std::size_t a, std::size_t b) const {
    double sum = 0.0;
    for (std::size_t k = 0; k < d_; ++k) {
      const double e = state.position[a * d_ + k] - state.position[b * d_ + k];
      sum = sum + e * e;
    }
    return std::sqrt(sum);
  }

  void reported_probabilities(State& state, const Derived& derived) const {
    std::vector<std::size_t> representatives;
    for (std::size_t i = 0; i < n_; ++i) {
      const bool grouped = std::any_of(representatives.begin(), representatives.end(),
                                       [&](std::size_t r) { return separation(state, i, r) < kSamePosition; });
      if (!grouped) representatives.push_back(i);
    }
    const std::size_t groups = representatives.size();
    std::vector<double> value(groups * n_, 0.0);
    for (std::size_t g = 0; g < groups; ++g) {
      for (std::size_t v = 0; v < n_; ++v) value[g * n_ + v] = derived.own[v * n_ + representatives[g]];
    }
    const std::vector<double> p = election(rules_, in_.capability, value, groups, threads());
    state.probability.assign(n_, 0.0);
    for (std::size_t i = 0; i < n_; ++i) {
      for (std::size_t g = 0; g < groups; ++g) {
        if (separation(state, i, representatives[g]) < kSamePosition) state.probability[i] = p[g];
      }
    }
    state.representative = std::move(representatives);
    state.group_probability = p;
  }

  struct Challenge {
    double probability = 0.0;
    double gain = 0.0;
  };

  // EU(h, k, i, j) of §6.2. The columns hold h's utility table U = U^h: at_i[m] = U[m][i],
  // at_j[m] = U[m][j], own[m] = U[m][m].
  template <VotingRule Rule, ThirdPartyCommit Commit>
  [[nodiscard]] Challenge challenge_as(std::size_t k, std::size_t i, std::size_t j, const double* at_i,
                                       const double* at_j, const double* own) const {
    const double eu_sq = at_i[k] + at_j[k];
    const double u_victory = at_i[k] + at_i[k];
    const double u_loss = at_j[k] + at_j[k];
    const auto outside = [](double u) { return u < 0.0 || u > 2.0; };
    if (outside(eu_sq) || outside(u_victory) || outside(u_loss)) {
      abort_run(fmt::format("a challenge of {} by {} has a utility outside [0, 2]", who(j), who(i)));
    }
    const double s_j = total_salience_[j];
    if (s_j <= 0.0 || s_j > salience_limit_) {
      abort_run(fmt::format("{}'s total salience {} is outside (0, 1]", who(j), s_j));
    }
    const double a_i = vote_as<Rule>(weight_[i], at_i[i], at_j[i]);
    const double a_j = vote_as<Rule>(weight_[j], at_i[j], at_j[j]);
    if (identity_ && (a_i < 0.0 || a_j > 0.0)) {
      abort_run(fmt::format("a principal of the challenge {} -> {} votes against itself", who(i), who(j)));
    }
    double c_i = kChallengeFloor;
    double c_j = kChallengeFloor;
    if (a_i > 0.0) c_i = c_i + a_i;
    if (a_i < 0.0) c_j = c_j - a_i;
    if (a_j > 0.0) c_i = c_i + a_j;
    if (a_j < 0.0) c_j = c_j - a_j;
    const double b_i = c_i;
    const double b_j = c_j;
    for (std::size_t m = 0; m < n_; ++m) {
      if (m == i || m == j) continue;
      const double w = weight_[m];
      const double umi = at_i[m];
      const double umj = at_j[m];
      const double umm = own[m];
      const double v0 = vote_as<Rule>(w, umi, umj);
      const double l_i = v0 > 0.0 ? b_i + v0 : b_i;
      const double l_j = v0 < 0.0 ? b_j - v0 : b_j;
      const double p = l_i / (l_i + l_j);
      const double q = 1.0 - p;
      // A1: m sides with i and i wins; A2: with i, j wins; A3: with j, i wins; A4: with j, j wins.
      // NoCommit: m keeps its position; SemiCommit: m moves with its side when that side loses;
      // FullCommit: m takes the winner's position whichever side it joined.
      constexpr bool moves_with_winner = Commit == ThirdPartyCommit::FullCommit;
      constexpr bool moves_with_loser = Commit != ThirdPartyCommit::NoCommit;
      const double a1 = (umi + umi) + (moves_with_winner ? umi : umm);
      const double a2 = (umj + umj) + (moves_with_loser ? umj : umm);
      const double a3 = (umi + umi) + (moves_with_loser ? umi : umm);
      const double a4 = (umj + umj) + (moves_with_winner ? umj : umm);
      const double e_a = (p * a1) + (q * a2);
      const double e_b = (p * a3) + (q * a4);
      const double v = vote_as<Rule>(w, e_a, e_b);
      if (v > 0.0) c_i = c_i + v;
      if (v < 0.0) c_j = c_j - v;
    }
    if (c_i <= 0.0 || c_j <= 0.0)
      abort_run(fmt::format("a coalition of the challenge {} -> {} is not positive", who(i), who(j)));
    const double p_ij = c_i / (c_i + c_j);
    const double p_ji = c_j / (c_i + c_j);
    const double eu_contest = (p_ij * u_victory) + (p_ji * u_loss);
    const double eu_challenge = ((1 - s_j) * u_victory) + (s_j * eu_contest);
    return {p_ij, eu_challenge - eu_sq};
  }

  using ChallengeFunction = Challenge (Engine::*)(std::size_t, std::size_t, std::size_t, const double*, const double*,
                                                  const double*) const;

  // EU(h, k, i, j) compiled for one voting rule and third-party commitment: the n³ loop has no
  // branch on the settings.
  static ChallengeFunction challenge_for(VotingRule rule, ThirdPartyCommit commit) {
    return with_rule(rule, [commit](auto r) -> ChallengeFunction {
      constexpr VotingRule kRule = decltype(r)::value;
      switch (commit) {
        case ThirdPartyCommit::NoCommit:
          return &Engine::challenge_as<kRule, ThirdPartyCommit::NoCommit>;
        case ThirdPartyCommit::FullCommit:
          return &Engine::challenge_as<kRule, ThirdPartyCommit::FullCommit>;
        case ThirdPartyCommit::SemiCommit:
          break;
      }
      return &Engine::challenge_as<kRule, ThirdPartyCommit::SemiCommit>;
    });
  }

  [[nodiscard]] Challenge challenge(std::size_t k, std::size_t i, std::size_t j, const double* at_i, const double* at_j,
                                    const double* own) const {
    return (this->*challenge_)(k, i, j, at_i, at_j, own);
  }

  // h's utility columns: at[m] = U^h[m][j] for one position j.
  void column(const Derived& derived, std::size_t h, std::size_t j, double* at) const {
    const double* r = derived.estimate.data() + h * n_;
    const double* delta = derived.distance_to.data() + j * n_;
    for (std::size_t m = 0; m < n_; ++m) at[m] = util(delta[m], r[m]);
  }
  void diagonal(const Derived& derived, std::size_t h, double* own) const {
    const double* r = derived.estimate.data() + h * n_;
    for (std::size_t m = 0; m < n_; ++m) own[m] = util(derived.distance_to[m * n_ + m], r[m]);
  }

  // The bargain points of §6.4 / §10.7 for initiator i and receiver j with weights pi, pj.
  void interpolate(const State& state, std::size_t i, std::size_t j, double pi, double pj, Bargain& bargain) const {
    bargain.initiator_point.assign(d_, 0.0);
    bargain.receiver_point.assign(d_, 0.0);
    for (std::size_t k = 0; k < d_; ++k) {
      const double x_i = state.position[i * d_ + k];
      const double x_j = state.position[j * d_ + k];
      const double s_i = in_.salience[i * d_ + k];
      const double s_j = in_.salience[j * d_ + k];
      if (settings_.interpolation == InterVecBrgn::S2PMax) {
        const double di = (pj > pi) ? (pj - pi) : 0;
        const double dj = (pi > pj) ? (pi - pj) : 0;
        const double si2 = s_i * s_i;
        const double sj2 = s_j * s_j;
        const double dik = (di * sj2) / (((di * sj2) + kBargainFloor) + ((1 - di) * si2));
        const double djk = (dj * si2) / (((dj * si2) + kBargainFloor) + ((1 - dj) * sj2));
        bargain.initiator_point[k] = x_i + dik * (x_j - x_i);
        bargain.receiver_point[k] = x_j + djk * (x_i - x_j);
        continue;
      }
      double wi = 0.0;
      double wj = 0.0;
      if (settings_.interpolation == InterVecBrgn::S2P2) {
        wi = (s_i * s_i) * (pi * pi);
        wj = (s_j * s_j) * (pj * pj);
      } else {
        wi = s_i * pi;
        wj = s_j * pj;
      }
      const double den = (wi + kBargainFloor) + wj;
      bargain.initiator_point[k] = round4((((wi + kBargainFloor) * x_i) + (wj * x_j)) / den);
      bargain.receiver_point[k] = round4(((wi * x_i) + ((kBargainFloor + wj) * x_j)) / den);
    }
  }

  // Initiator i's challenge (§6.2, §6.3) and its bargains (§6.4, §10.8); empty when it has no target.
  std::vector<Bargain> initiate(const State& state, const Derived& derived, std::size_t i) const {
    std::vector<double> at_i(n_);
    std::vector<double> at_j(n_);
    std::vector<double> own(n_);
    column(derived, i, i, at_i.data());
    diagonal(derived, i, own.data());
    bool found = false;
    std::size_t best = 0;
    double best_gain = -1.0;
    double best_probability = 0.0;
    for (std::size_t j = 0; j < n_; ++j) {
      if (j == i) continue;
      column(derived, i, j, at_j.data());
      const Challenge c = challenge(i, i, j, at_i.data(), at_j.data(), own.data());
      if ((kMinimumGain < c.gain) && (best_gain < c.gain)) {
        found = true;
        best = j;
        best_gain = c.gain;
        best_probability = c.probability;
      }
    }
    if (!found) return {};
    Bargain initiators{i, best, 0, best_gain, best_probability, {}, {}};
    interpolate(state, i, best, best_probability, 1.0 - best_probability, initiators);
    if (settings_.bargaining == BargnModel::InitOnlyInterp) return {std::move(initiators)};
    // The receiver's view: the second component of EU(j, i, i, j), a gain, not a probability (KTAB quirk).
    column(derived, best, i, at_i.data());
    column(derived, best, best, at_j.data());
    diagonal(derived, best, own.data());
    const double receivers_estimate = challenge(i, i, best, at_i.data(), at_j.data(), own.data()).gain;
    Bargain receivers{i, best, 1, best_gain, best_probability, {}, {}};
    interpolate(state, i, best, receivers_estimate, 1.0 - receivers_estimate, receivers);
    if (settings_.bargaining == BargnModel::InitRcvrInterp) return {std::move(initiators), std::move(receivers)};
    const double wi = in_.capability[i] * total_salience_[i];
    const double wj = in_.capability[i] * total_salience_[best];  // KTAB quirk: the initiator's capability twice
    Bargain mixed{i, best, 2, best_gain, best_probability, {}, {}};
    mixed.initiator_point.assign(d_, 0.0);
    mixed.receiver_point.assign(d_, 0.0);
    for (std::size_t k = 0; k < d_; ++k) {
      mixed.initiator_point[k] =
          ((wi * initiators.initiator_point[k]) + (wj * receivers.initiator_point[k])) / (wi + wj);
      mixed.receiver_point[k] = ((wi * initiators.receiver_point[k]) + (wj * receivers.receiver_point[k])) / (wi + wj);
    }
    return {std::move(mixed)};
  }

  // The value to each voter of a bargain (§6.5): [bargain][voter].
  [[nodiscard]] std::vector<double> bargain_values(const State& state, const Derived& derived,
                                                   const std::vector<Bargain>& bargains) const {
    std::vector<double> values(bargains.size() * n_, 0.0);
    const double count = static_cast<double>(n_);
    parallel_for(threads(), bargains.size(), [&](std::size_t b) {
      const Bargain& bargain = bargains[b];
      for (std::size_t a = 0; a < n_; ++a) {
        const double* row = derived.own.data() + a * n_;
        double v = 0.0;
        v = v + util(dist(state, a, bargain.initiator_point.data()), state.risk[a]);
        v = v + util(dist(state, a, bargain.receiver_point.data()), state.risk[a]);
        for (std::size_t m = 0; m < n_; ++m) {
          if (m != bargain.initiator && m != bargain.receiver) v = v + row[m];
        }
        values[b * n_ + a] = check_entry(v / count);
      }
    });
    return values;
  }

  static double check_entry(double v) {
    if (v <= 0.0 || v > 1.0) abort_run(fmt::format("a queue entry is worth {} to a voter, outside (0, 1]", v));
    return v;
  }

  static double next_uniform(std::mt19937_64& generator) {
    const std::uint64_t n = generator();
    const std::uint64_t r = (n + kUniformOffset) * ((2 * n) + 3);
    return static_cast<double>(r) / static_cast<double>(UINT64_MAX);
  }

  // One turn (§5, §6): state -> next.
  Turn turn(const State& state, const Derived& derived, State& next, std::mt19937_64& generator) const {
    std::vector<std::vector<Bargain>> by_initiator(n_);
    parallel_for(threads(), n_, [&](std::size_t i) { by_initiator[i] = initiate(state, derived, i); });
    Turn turn;
    std::vector<std::vector<std::size_t>> queue(n_);  // bargain indices after each actor's status quo
    for (auto& bargains : by_initiator) {
      for (auto& bargain : bargains) {
        queue[bargain.initiator].push_back(turn.bargains.size());
        queue[bargain.receiver].push_back(turn.bargains.size());
        turn.bargains.push_back(std::move(bargain));
      }
    }
    const std::vector<double> values = bargain_values(state, derived, turn.bargains);
    std::vector<double> status_quo(n_, 0.0);
    for (std::size_t a = 0; a < n_; ++a) {
      double v = 0.0;
      for (std::size_t m = 0; m < n_; ++m) v = v + derived.own[a * n_ + m];
      status_quo[a] = check_entry(v / static_cast<double>(n_));
    }
    std::vector<std::vector<double>> probabilities(n_);
    parallel_for(threads(), n_, [&](std::size_t k) {
      const std::vector<std::size_t>& entries = queue[k];
      std::vector<double> value((entries.size() + 1) * n_, 0.0);
      std::copy(status_quo.begin(), status_quo.end(), value.begin());
      for (std::size_t e = 0; e < entries.size(); ++e) {
        std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(entries[e] * n_), n_,
                    value.begin() + static_cast<std::ptrdiff_t>((e + 1) * n_));
      }
      probabilities[k] = election(rules_, in_.capability, value, entries.size() + 1);
    });
    next.position = state.position;
    turn.status_quo.assign(n_, 0.0);
    for (std::size_t k = 0; k < n_; ++k) {
      const std::vector<double>& p = probabilities[k];
      const std::size_t chosen = choose(p, generator);
      turn.status_quo[k] = p[0];
      for (std::size_t e = 0; e < queue[k].size(); ++e) {
        Bargain& bargain = turn.bargains[queue[k][e]];
        const bool initiator = bargain.initiator == k;
        (initiator ? bargain.initiator_queue_probability : bargain.receiver_queue_probability) = p[e + 1];
        if (chosen != e + 1) continue;
        (initiator ? bargain.initiator_moved : bargain.receiver_moved) = true;
        const std::vector<double>& point = initiator ? bargain.initiator_point : bargain.receiver_point;
        std::copy(point.begin(), point.end(), next.position.begin() + static_cast<std::ptrdiff_t>(k * d_));
      }
    }
    next.ideal = ideals(state, next);
    return turn;
  }

  [[nodiscard]] std::size_t choose(const std::vector<double>& p, std::mt19937_64& generator) const {
    if (settings_.transitions == StateTransitions::Stochastic) {
      const double u = next_uniform(generator);
      double s = 0.0;
      for (std::size_t e = 0; e < p.size(); ++e) {
        s = s + p[e];
        if (u <= s) return e;
      }
      return p.size() - 1;
    }
    std::size_t best = 0;
    for (std::size_t e = 1; e < p.size(); ++e) {
      if (p[e] > p[best]) best = e;
    }
    return best;
  }

  // The ideals of the new state (§6.7).
  [[nodiscard]] std::vector<double> ideals(const State& state, const State& next) const {
    if (exact_identity_) return next.position;
    std::vector<double> ideal(n_ * d_, 0.0);
    for (std::size_t i = 0; i < n_; ++i) {
      std::vector<double> acc(d_, 0.0);
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
    return ideal;
  }

  // Σ_i ‖x_i(a) − x_i(b)‖ (§7).
  [[nodiscard]] double distance(const State& a, const State& b) const {
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

  // An actor as messages name it: its id when the input has names.
  [[nodiscard]] std::string who(std::size_t i) const {
    return i < in_.names.size() ? in_.names[i] : fmt::format("actor {}", i);
  }

  [[nodiscard]] unsigned threads() const { return n_ < 24 ? 1U : options_.threads; }

  const Input& in_;
  Settings settings_;
  Options options_;
  std::size_t n_;
  std::size_t d_;
  ElectionRules rules_;
  std::vector<double> total_salience_;    // S_i
  std::vector<double> salience_squares_;  // Σ_k s_ik², the distance's denominator
  std::vector<double> weight_;            // S_i * c_i, the weight of i's votes in challenges
  bool identity_ = true;                  // A within 1e-10 of the identity
  bool exact_identity_ = true;            // A is the identity: ideals are the positions
  ChallengeFunction challenge_ = challenge_for(settings_.voting, settings_.commit);
  // KTAB aborts on a total salience above 1 even when it is 1 plus the rounding of s/100.
  double salience_limit_ = settings_.ktab_checks ? 1.0 : 1.0 + kSalienceTolerance;
};

}  // namespace

Result run(const Input& input, const Options& options) {
  return Engine(input, options).run();
}

}  // namespace parley::models::smp

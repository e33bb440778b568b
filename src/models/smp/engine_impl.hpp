#pragma once
// The smp engine's one class. Its parts: engine.cpp (construction, the run and its stopping rule,
// ideals), setup.cpp (what a state derives, reported probabilities), challenge.cpp (challenges and
// bargains) and turn.cpp (queues, their elections, the move). Private to src/models/smp.

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "models/smp/election.hpp"
#include "models/smp/engine.hpp"
#include "models/smp/input.hpp"

namespace parley::models::smp {

inline constexpr double kChallengeFloor = 1e-10;                        // §6.2
inline constexpr double kMinimumGain = 1e-5;                            // §6.3
inline constexpr double kBargainFloor = 1e-6;                           // §6.4
inline constexpr double kUtilityCheck = 1e-6;                           // §4
inline constexpr double kSamePosition = 1e-3;                           // §8
inline constexpr double kIdentityTolerance = 1e-10;                     // §6.7, §12
inline constexpr std::uint64_t kUniformOffset = 0xE08C1D668B756F83ULL;  // §10.9
// How far a computed gain may exceed its bound |U_ii − U_ij| (≤ 1): rounding (~1e-15), and a total
// salience S_j up to 1 + 1e-9 (kSalienceTolerance), which lets |1 − 2 S_j (1 − P)| reach 1 + 2e-9.
// A target whose bound is this much below the best gain cannot be the best.
inline constexpr double kBoundMargin = 1e-8;

// Utility of distance delta to an actor of risk attitude r (§3.1).
inline double util(double delta, double r) {
  if (delta <= 1.0) return (1.0 - delta) * (1.0 + delta * r);
  return (1.0 - delta) * (1.0 + r);
}

// KTAB's rounding of bargain coordinates to 1e-4 (§6.4): a conversion to a 32-bit integer toward
// zero. Out of its range (reachable only with S1P1 and a receiver's-view bargain, whose "probability"
// is a gain) x86 gives INT_MIN, as KTAB then does.
inline double round4(double v) {
  const double t = std::trunc(0.5 + v * 10000.0);
  const bool fits = t >= -2147483648.0 && t <= 2147483647.0;  // false for NaN too
  return (fits ? t : -2147483648.0) / 10000.0;
}

// Ends the run as KTAB does here: UnsolvableError with KTAB's reason.
[[noreturn]] void abort_run(const std::string& reason);

class Engine {
 public:
  Engine(const Input& input, const Options& options, Scratch& scratch);

  // The run, into `result` (its memory reused).
  void run(Result& result);

 private:

  // dist_i(z) of §3.1: from i's ideal y_i to the point z.
  [[nodiscard]] double dist(const State& state, std::size_t i, const double* z) const;

  // R^h_i: h's estimate of i's risk attitude (§3.5, §10.5).
  [[nodiscard]] double estimate(double r_h, double r_i) const;

  // Risk attitudes from the risk-neutral election's probabilities (§3.5, §10.4), into `r`.
  void risk_attitudes(const std::vector<double>& p, std::vector<double>& r) const;

  // Setup of a state (§4): distances, the risk-neutral election, risk attitudes, their estimates,
  // the utility check, and the reported probabilities (§8).
  void setup(State& state, Derived& derived) const;

  // KTAB's check that the estimated utilities differ from the true ones (§4); a NaN norm passes.
  void check_utilities(const State& state, const Derived& derived) const;

  // ‖x_a − x_b‖, unweighted: what makes two positions one for reporting (§8).
  [[nodiscard]] double separation(const State& state, std::size_t a, std::size_t b) const;

  // Groups equal positions and elects among them (§8): the state's reported probabilities.
  void reported_probabilities(State& state, const Derived& derived) const;

  struct Challenge {
    double probability = 0.0;
    double gain = 0.0;
  };

  // EU(h, k, i, j) of §6.2. The columns hold h's utility table U = U^h: at_i[m] = U[m][i],
  // at_j[m] = U[m][j], own[m] = U[m][m].
  // `weight[m]` is m's vote's weight in the contest: S_m c_m, or with issue capabilities S_m times m's
  // capability in the contest of i's and j's positions (challenge_weights()).
  template <VotingRule Rule, ThirdPartyCommit Commit>
  [[nodiscard]] Challenge challenge_as(std::size_t k, std::size_t i, std::size_t j, const double* at_i,
                                       const double* at_j, const double* own, const double* weight) const;

  using ChallengeFunction = Challenge (Engine::*)(std::size_t, std::size_t, std::size_t, const double*, const double*,
                                                  const double*, const double*) const;

  // EU(h, k, i, j) compiled for one voting rule and third-party commitment: the n³ loop has no
  // branch on the settings.
  static ChallengeFunction challenge_for(VotingRule rule, ThirdPartyCommit commit);

  [[nodiscard]] Challenge challenge(std::size_t k, std::size_t i, std::size_t j, const double* at_i, const double* at_j,
                                    const double* own, const double* weight) const {
    return (this->*challenge_)(k, i, j, at_i, at_j, own, weight);
  }

  // The weights of the votes in the contest of i's and j's positions: weight_ without issue
  // capabilities, else S_m times m's capability in that contest, into i's row of
  // scratch_.challenge_weights.
  [[nodiscard]] const double* challenge_weights(const State& state, std::size_t i, std::size_t j) const;

  // Issue capabilities for the contests among options standing at `points` ([option * d + k]); null
  // without them, so that elections take the one capability of each voter (KTAB).
  [[nodiscard]] const PairWeights* pair_weights(std::span<const double> points, PairWeights& pairs) const;

  // h's utility columns: at[m] = U^h[m][j] for one position j.
  void column(const Derived& derived, std::size_t h, std::size_t j, double* at) const;

  // own[m] = U^h[m][m].
  void diagonal(const Derived& derived, std::size_t h, double* own) const;

  // The bargain points of §6.4 / §10.7 for initiator i and receiver j with weights pi, pj: b_i into
  // initiator_point[0, d), b_j into receiver_point[0, d).
  void interpolate(const State& state, std::size_t i, std::size_t j, double pi, double pj, double* initiator_point,
                   double* receiver_point) const;

  // Initiator i's challenge (§6.2, §6.3) and its bargains (§6.4, §10.8) into scratch_.by_initiator[i]
  // and their points into i's part of scratch_.initiator_points; none when it has no target. Uses
  // scratch_'s memory for i only.
  void initiate(const State& state, const Derived& derived, std::size_t i) const;

  // The value to each voter of each of the turn's bargains (§6.5), into scratch_.bargain_values:
  // [bargain][voter].
  void bargain_values(const State& state, const Derived& derived, const Turn& turn) const;

  // KTAB's check of a queue entry's value (§12(7)); returns it.
  static double check_entry(double v);

  // KTAB's uniform draw from the Mersenne Twister (§10.9).
  static double next_uniform(std::mt19937_64& generator);

  // One turn (§5, §6): state -> next, recorded in `turn` (its memory reused).
  void turn(const State& state, const Derived& derived, State& next, Turn& turn, std::mt19937_64& generator) const;

  // The entry a queue's election chooses: the first most likely, or a draw (§6.5, §10.9).
  [[nodiscard]] std::size_t choose(const std::vector<double>& p, std::mt19937_64& generator) const;

  // The ideals of the new state (§6.7), into next.ideal.
  void ideals(const State& state, State& next) const;

  // Σ_i ‖x_i(a) − x_i(b)‖ (§7).
  [[nodiscard]] double distance(const State& a, const State& b) const;

  // An actor as messages name it: its id when the input has names.
  [[nodiscard]] std::string who(std::size_t i) const {
    return i < in_.names.size() ? in_.names[i] : fmt::format("actor {}", i);
  }

  [[nodiscard]] unsigned threads() const { return n_ < 24 ? 1U : options_.threads; }

  const Input& in_;
  Scratch& scratch_;  // memory only; see Scratch
  Settings settings_;
  Options options_;
  std::size_t n_;
  std::size_t d_;
  ElectionRules rules_;
  std::vector<double>& total_salience_;    // S_i
  std::vector<double>& salience_squares_;  // Σ_k s_ik², the distance's denominator
  std::vector<double>& weight_;            // S_i * c_i, the weight of i's votes in challenges
  bool identity_ = true;                  // A within 1e-10 of the identity
  bool exact_identity_ = true;            // A is the identity: ideals are the positions
  ChallengeFunction challenge_ = challenge_for(settings_.voting, settings_.commit);
  // KTAB aborts on a total salience above 1 even when it is 1 plus the rounding of s/100.
  double salience_limit_ = settings_.ktab_checks ? 1.0 : 1.0 + kSalienceTolerance;
};

}  // namespace parley::models::smp

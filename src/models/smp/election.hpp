#pragma once
// Votes, coalitions and the probabilistic Condorcet election (spec §3.2–3.4, §10.1–10.3), in
// KTAB's order of floating-point operations.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "models/smp/options.hpp"

namespace parley::models::smp {

inline constexpr double kBinaryScale = 1e-8;  // §10.1

// A voter of weight w choosing between utilities ua and ub (spec §3.2, §10.1), for a rule known
// at compile time (the inner loops) ...
template <VotingRule Rule>
inline double vote_as(double w, double ua, double ub) {
  const double du = ua - ub;
  if constexpr (Rule == VotingRule::Prop) {
    return w * du;
  } else if constexpr (Rule == VotingRule::ASymProsp) {
    if (du < 0.0) return w * du;
    if (du > 0.0) return ((2.0 * w) * du) / 3.0;
    return 0.0;
  } else {
    const double bin = std::clamp(du / kBinaryScale, -1.0, 1.0);
    const double cub = (du * du) * du;
    if constexpr (Rule == VotingRule::Binary) return w * bin;
    if constexpr (Rule == VotingRule::PropBin) return w * (((1.0 - 0.2) * du) + (0.2 * bin));
    if constexpr (Rule == VotingRule::PropCbc) return w * (((1.0 - 0.5) * du) + (0.5 * cub));
    if constexpr (Rule == VotingRule::Cubic) return w * cub;
  }
}

// The part of a vote that counts for the first option, t > 0 ? t : 0, and for the second, t < 0 ? t : 0
// (a NaN vote counts for neither). SSE2's max and min are exactly these, without a branch to
// mispredict on votes that go either way.
inline double for_first(double t) {
#if defined(__SSE2__)
  return _mm_cvtsd_f64(_mm_max_sd(_mm_set_sd(t), _mm_setzero_pd()));
#else
  return t > 0.0 ? t : 0.0;
#endif
}
inline double for_second(double t) {
#if defined(__SSE2__)
  return _mm_cvtsd_f64(_mm_min_sd(_mm_set_sd(t), _mm_setzero_pd()));
#else
  return t < 0.0 ? t : 0.0;
#endif
}

// Calls body(std::integral_constant<VotingRule, R>{}) for the rule R = `rule`: one switch from a
// run-time rule to code compiled for it.
template <typename Body>
decltype(auto) with_rule(VotingRule rule, Body&& body) {
  switch (rule) {
    case VotingRule::Binary:
      return body(std::integral_constant<VotingRule, VotingRule::Binary>{});
    case VotingRule::PropBin:
      return body(std::integral_constant<VotingRule, VotingRule::PropBin>{});
    case VotingRule::PropCbc:
      return body(std::integral_constant<VotingRule, VotingRule::PropCbc>{});
    case VotingRule::Cubic:
      return body(std::integral_constant<VotingRule, VotingRule::Cubic>{});
    case VotingRule::ASymProsp:
      return body(std::integral_constant<VotingRule, VotingRule::ASymProsp>{});
    case VotingRule::Prop:
      break;
  }
  return body(std::integral_constant<VotingRule, VotingRule::Prop>{});
}

// ... and for one known at run time.
[[nodiscard]] double vote(VotingRule rule, double w, double ua, double ub);

struct ElectionRules {
  VotingRule voting = VotingRule::Prop;
  VictoryProbModel victory = VictoryProbModel::Linear;
  PCEModel pce = PCEModel::Conditional;
};

// How the coalitions' sums are looped (election.cpp): the same results either way; `automatic` takes
// `by_voter` from kByVoterOptions options up, where it is faster, and `pairwise` below.
enum class CoalitionLoop { automatic, pairwise, by_voter };
inline constexpr std::size_t kByVoterOptions = 16;

// An election's work, kept between elections so that a warm one allocates nothing.
struct ElectionScratch {
  std::vector<double> strength;    // C[a][b]
  std::vector<double> victory;     // P[a][b]
  std::vector<double> by_voter;    // the values transposed, for CoalitionLoop::by_voter
  std::vector<double> next;        // the Markov chains' next vector
  std::vector<double> incentive;   // MarkovIncentive's
  std::vector<double> challenger;  // MarkovIncentive's
  std::vector<double> flow;        // MarkovIncentive's
};

// Issue capabilities (a parley extension, docs/models/smp.md): a voter's weight in the contest of two
// options is its capabilities on the dimensions, averaged with weights s_vk |a_k − b_k| — on what the
// two options differ, as much as the voter cares — instead of one capability for every contest. Where
// the options do not differ for the voter, its weight is the one given (`weight[v]`).
struct PairWeights {
  std::span<const double> capability;  // [voter * dimensions + k]
  std::span<const double> salience;    // [voter * dimensions + k]
  std::span<const double> points;      // [option * dimensions + k]: where each option stands
  std::size_t dimensions = 0;

  // Voter v's capability in the contest of options a and b, or `otherwise` where they do not differ.
  [[nodiscard]] double capability_of(std::size_t v, const double* a, const double* b, double otherwise) const {
    double num = 0.0;
    double den = 0.0;
    for (std::size_t k = 0; k < dimensions; ++k) {
      const double w = salience[v * dimensions + k] * std::fabs(a[k] - b[k]);
      num = num + w * capability[v * dimensions + k];
      den = den + w;
    }
    return den > 0.0 ? num / den : otherwise;
  }
};

// The probability that each of `options` options prevails. `value[a * voters + v]` is option a's
// utility to voter v; `weight[v]` the voter's weight. `threads` splits the coalition sums.
// With `pairs`, each contest's weights are the voters' capabilities in it (PairWeights), `weight`
// their fallback. Throws UnsolvableError where KTAB aborts (a weight <= 0, a Markov chain that does not
// settle, a probability vector that does not sum to 1).
[[nodiscard]] std::vector<double> election(const ElectionRules& rules, std::span<const double> weight,
                                           std::span<const double> value, std::size_t options, unsigned threads = 1,
                                           CoalitionLoop loop = CoalitionLoop::automatic);
// The same into `p`, on `scratch`'s memory.
void election(const ElectionRules& rules, std::span<const double> weight, std::span<const double> value,
              std::size_t options, ElectionScratch& scratch, std::vector<double>& p, unsigned threads = 1,
              CoalitionLoop loop = CoalitionLoop::automatic, const PairWeights* pairs = nullptr);

}  // namespace parley::models::smp

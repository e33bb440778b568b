#pragma once
// Votes, coalitions and the probabilistic Condorcet election (spec §3.2–3.4, §10.1–10.3), in
// KTAB's order of floating-point operations.

#include <cstddef>
#include <span>
#include <vector>

#include "models/smp/options.hpp"

namespace parley::models::smp {

// A voter of weight w choosing between utilities ua and ub (spec §3.2, §10.1).
[[nodiscard]] double vote(VotingRule rule, double w, double ua, double ub);

struct ElectionRules {
  VotingRule voting = VotingRule::Prop;
  VictoryProbModel victory = VictoryProbModel::Linear;
  PCEModel pce = PCEModel::Conditional;
};

// The probability that each of `options` options prevails. `value[a * voters + v]` is option a's
// utility to voter v; `weight[v]` the voter's weight. `threads` splits the coalition sums.
// Throws ModelError where KTAB aborts (a weight <= 0, a Markov chain that does not settle, a
// probability vector that does not sum to 1).
[[nodiscard]] std::vector<double> election(const ElectionRules& rules, std::span<const double> weight,
                                           std::span<const double> value, std::size_t options, unsigned threads = 1);

}  // namespace parley::models::smp

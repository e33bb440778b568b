#include "models/smp/election.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/parallel.hpp"
#include "parley/errors.hpp"

namespace parley::models::smp {
namespace {

constexpr double kCoalitionFloor = 1e-8;   // §3.3
constexpr double kBinaryAdvantage = 1.10;  // §10.2
constexpr double kSumCheck = 1e-8;         // §3.4
constexpr int kMarkovIterationLimit = 1000;

// C[a][b] for every ordered pair (§3.3): row a of the result is option a's coalition against each b.
// Each sum is taken over the voters in their order, as KTAB does. Two loops give the same bits:
// `pairwise` walks the voters once per pair; `by_voter` walks the voters once per block of pairs
// (a, b..b+7), over the options' values transposed, so that eight independent sums advance together
// in vector registers instead of each waiting on its last addition. A vote that does not count adds
// +0.0 (the sums start at 1e-8 and never fall), which leaves a sum's bits as they were. Without SSE2
// both are the pairwise loop.
template <VotingRule Rule>
void coalitions(std::span<const double> weight, std::span<const double> value, std::size_t options, unsigned threads,
                CoalitionLoop loop, std::vector<double>& c, std::vector<double>& by_voter) {
  const std::size_t voters = weight.size();
  c.assign(options * options, 0.0);
  // C[a][b] and C[b][a], the voters walked once for the pair.
  const auto pair = [&](std::size_t a, std::size_t b) {
    const double* ua = value.data() + a * voters;
    const double* ub = value.data() + b * voters;
    double cab = kCoalitionFloor;
    double cba = kCoalitionFloor;
    for (std::size_t v = 0; v < voters; ++v) {
      const double t = vote_as<Rule>(weight[v], ua[v], ub[v]);
      cab = cab + for_first(t);
      cba = cba - for_second(t);
    }
    c[a * options + b] = cab;
    c[b * options + a] = cba;
  };
  if (loop == CoalitionLoop::automatic) {
    loop = options >= kByVoterOptions ? CoalitionLoop::by_voter : CoalitionLoop::pairwise;
  }
  // by_voter[v * options + b] = value[b * voters + v]
  if (loop == CoalitionLoop::by_voter) {
    by_voter.resize(voters * options);
    for (std::size_t b = 0; b < options; ++b) {
      for (std::size_t v = 0; v < voters; ++v) by_voter[v * options + b] = value[b * voters + v];
    }
  }
  parallel_for(threads, options, [&](std::size_t a) {
    std::size_t b = 0;
#if defined(__SSE2__)
    // Row a's sums against kBlock options b at a time, kept in registers over all voters.
    constexpr std::size_t kBlock = 8;
    const __m128d zero = _mm_setzero_pd();
    for (; loop == CoalitionLoop::by_voter && b + kBlock <= a; b += kBlock) {
      __m128d cab[kBlock / 2];  // std::array would drop the vector type's alignment attribute
      __m128d cba[kBlock / 2];
      for (std::size_t k = 0; k < kBlock / 2; ++k) cab[k] = cba[k] = _mm_set1_pd(kCoalitionFloor);
      for (std::size_t v = 0; v < voters; ++v) {
        const double w = weight[v];
        const double ua = by_voter[v * options + a];
        const double* ub = by_voter.data() + v * options + b;
        std::array<double, kBlock> t{};  // every element written next
        for (std::size_t k = 0; k < kBlock; ++k) t[k] = vote_as<Rule>(w, ua, ub[k]);
        for (std::size_t k = 0; k < kBlock / 2; ++k) {
          const __m128d votes = _mm_loadu_pd(t.data() + 2 * k);
          cab[k] = _mm_add_pd(cab[k], _mm_max_pd(votes, zero));
          cba[k] = _mm_sub_pd(cba[k], _mm_min_pd(votes, zero));
        }
      }
      std::array<double, kBlock> for_a{};
      std::array<double, kBlock> for_b{};
      for (std::size_t k = 0; k < kBlock / 2; ++k) {
        _mm_storeu_pd(for_a.data() + 2 * k, cab[k]);
        _mm_storeu_pd(for_b.data() + 2 * k, cba[k]);
      }
      for (std::size_t k = 0; k < kBlock; ++k) {
        c[a * options + b + k] = for_a[k];
        c[(b + k) * options + a] = for_b[k];
      }
    }
#endif
    for (; b < a; ++b) pair(a, b);  // the rest, or all of it
    c[a * options + a] = kCoalitionFloor;
  });
}

// C[a][b] with each voter's weight in the pair's contest (PairWeights): the pairwise loop, slower,
// for scenarios whose actors have issue-specific capabilities.
template <VotingRule Rule>
void pair_coalitions(std::span<const double> weight, std::span<const double> value, std::size_t options,
                     const PairWeights& pairs, unsigned threads, std::vector<double>& c) {
  const std::size_t voters = weight.size();
  const std::size_t d = pairs.dimensions;
  c.assign(options * options, 0.0);
  parallel_for(threads, options, [&](std::size_t a) {
    const double* ua = value.data() + a * voters;
    const double* pa = pairs.points.data() + a * d;
    for (std::size_t b = 0; b < a; ++b) {
      const double* ub = value.data() + b * voters;
      const double* pb = pairs.points.data() + b * d;
      double cab = kCoalitionFloor;
      double cba = kCoalitionFloor;
      for (std::size_t v = 0; v < voters; ++v) {
        const double t = vote_as<Rule>(pairs.capability_of(v, pa, pb, weight[v]), ua[v], ub[v]);
        cab = cab + for_first(t);
        cba = cba - for_second(t);
      }
      c[a * options + b] = cab;
      c[b * options + a] = cba;
    }
    c[a * options + a] = kCoalitionFloor;
  });
}

// (x1, x2) of §10.2 from the strengths s1 = C[a][b] and s2 = C[b][a].
std::pair<double, double> contest(VictoryProbModel model, double s1, double s2) {
  switch (model) {
    case VictoryProbModel::Linear:
      return {s1, s2};
    case VictoryProbModel::Square:
      return {s1 * s1, s2 * s2};
    case VictoryProbModel::Quartic:
      return {((s1 * s1) * s1) * s1, ((s2 * s2) * s2) * s2};
    case VictoryProbModel::Octic: {
      const double q1 = ((s1 * s1) * s1) * s1;
      const double q2 = ((s2 * s2) * s2) * s2;
      return {q1 * q1, q2 * q2};
    }
    case VictoryProbModel::Binary: {
      if (s1 >= kBinaryAdvantage * s2) return {1.0, 1e-6};
      if (s2 >= kBinaryAdvantage * s1) return {1e-6, 1.0};
      const double r = s1 / (s1 + s2);
      const double x1 = (r * (kBinaryAdvantage + 1.0) - 1.0) / (kBinaryAdvantage - 1.0);
      return {x1, 1.0 - x1};
    }
  }
  return {s1, s2};
}

double sum(const std::vector<double>& values) {
  double total = 0.0;
  for (const double v : values) total = total + v;
  return total;
}

void check_sum(const std::vector<double>& p, double tolerance, std::string_view what) {
  const double total = sum(p);
  if (std::fabs(total - 1.0) >= tolerance) {
    throw UnsolvableError(
        fmt::format("smp: the {} probabilities sum to {} instead of 1 (KTAB aborts here)", what, total));
  }
}

void conditional(const std::vector<double>& victory, std::size_t m, std::vector<double>& pi) {
  pi.assign(m, 1.0);
  for (std::size_t a = 0; a < m; ++a) {
    double product = 1.0;
    for (std::size_t b = 0; b < m; ++b) product = product * victory[a * m + b];
    pi[a] = product;
  }
  const double total = sum(pi);
  for (double& p : pi) p = p / total;
}

void check_iterations(int iterations) {
  if (iterations >= kMarkovIterationLimit) {
    throw UnsolvableError(fmt::format("smp: the Markov election took {} iterations (KTAB aborts at {})", iterations,
                                      kMarkovIterationLimit));
  }
}

void markov_uniform(const std::vector<double>& victory, std::size_t m, std::vector<double>& q, std::vector<double>& p) {
  p.assign(m, 1.0 / static_cast<double>(m));
  q.assign(m, 0.0);
  int iterations = 0;
  double change = 0.0;
  do {
    change = 0.0;
    for (std::size_t a = 0; a < m; ++a) {
      double total = 0.0;
      for (std::size_t b = 0; b < m; ++b) total = total + victory[a * m + b] * (p[a] + p[b]);
      q[a] = total / static_cast<double>(m);
      change = std::max(change, std::fabs(q[a] - p[a]));
    }
    for (std::size_t a = 0; a < m; ++a) p[a] = (p[a] + q[a]) / 2.0;
    ++iterations;
    check_sum(p, 1e-6, "Markov-Uniform");
    check_iterations(iterations);  // KTAB checks after convergence; a chain that never settles would hang
  } while (change > 1e-6);
}

void markov_incentive(const std::vector<double>& strength, const std::vector<double>& victory, std::size_t m,
                      ElectionScratch& scratch, std::vector<double>& p) {
  std::vector<double>& incentive = scratch.incentive;
  incentive.assign(m * m, 0.0);
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = 0; b < m; ++b) {
      incentive[a * m + b] = strength[a * m + b] * victory[a * m + b];
      if (a == b) incentive[a * m + b] = incentive[a * m + b] + 1e-10;
    }
  }
  std::vector<double>& challenger = scratch.challenger;  // H[a][b]: a is b's challenger
  challenger.assign(m * m, 0.0);
  for (std::size_t b = 0; b < m; ++b) {
    double total = 0.0;
    for (std::size_t c = 0; c < m; ++c) total = total + incentive[c * m + b];
    for (std::size_t a = 0; a < m; ++a) challenger[a * m + b] = incentive[a * m + b] / total;
  }
  p.assign(m, 1.0 / static_cast<double>(m));
  std::vector<double>& q = scratch.next;
  q.assign(m, 0.0);
  std::vector<double>& t = scratch.flow;
  t.assign(m * m, 0.0);
  int iterations = 0;
  double change = 0.0;
  do {
    for (std::size_t a = 0; a < m; ++a) {
      for (std::size_t b = 0; b < m; ++b) t[a * m + b] = p[a] * challenger[b * m + a];
    }
    change = 0.0;
    for (std::size_t a = 0; a < m; ++a) {
      double total = 0.0;
      for (std::size_t b = 0; b < m; ++b) total = total + victory[a * m + b] * (t[a * m + b] + t[b * m + a]);
      q[a] = total;
      change = std::max(change, std::fabs(q[a] - p[a]));
    }
    for (std::size_t a = 0; a < m; ++a) p[a] = (p[a] + q[a]) / 2.0;
    ++iterations;
    check_sum(p, kSumCheck, "Markov-Incentive");
    check_iterations(iterations);
  } while (change > 1e-8);
}

}  // namespace

double vote(VotingRule rule, double w, double ua, double ub) {
  return with_rule(rule, [&](auto r) { return vote_as<decltype(r)::value>(w, ua, ub); });
}

std::vector<double> election(const ElectionRules& rules, std::span<const double> weight, std::span<const double> value,
                             std::size_t options, unsigned threads, CoalitionLoop loop) {
  ElectionScratch scratch;
  std::vector<double> p;
  election(rules, weight, value, options, scratch, p, threads, loop);
  return p;
}

void election(const ElectionRules& rules, std::span<const double> weight, std::span<const double> value,
              std::size_t options, ElectionScratch& scratch, std::vector<double>& p, unsigned threads,
              CoalitionLoop loop, const PairWeights* pairs) {
  for (std::size_t v = 0; v < weight.size(); ++v) {
    if (!(weight[v] > 0.0)) {
      throw UnsolvableError(
          fmt::format("smp: voter {} has weight {}; every vote needs a positive weight (capability)", v, weight[v]));
    }
  }
  const std::vector<double>& strength = scratch.strength;
  with_rule(rules.voting, [&](auto r) {
    if (pairs != nullptr) {
      pair_coalitions<decltype(r)::value>(weight, value, options, *pairs, threads, scratch.strength);
    } else {
      coalitions<decltype(r)::value>(weight, value, options, threads, loop, scratch.strength, scratch.by_voter);
    }
  });
  const std::size_t m = options;
  std::vector<double>& victory = scratch.victory;
  victory.assign(m * m, 0.0);
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      const auto [x1, x2] = contest(rules.victory, strength[a * m + b], strength[b * m + a]);
      victory[a * m + b] = x1 / (x1 + x2);
      victory[b * m + a] = x2 / (x1 + x2);
    }
    victory[a * m + a] = 0.5;
  }
  switch (rules.pce) {
    case PCEModel::Conditional:
      conditional(victory, m, p);
      break;
    case PCEModel::MarkovUniform:
      markov_uniform(victory, m, scratch.next, p);
      break;
    case PCEModel::MarkovIncentive:
      markov_incentive(strength, victory, m, scratch, p);
      break;
  }
  check_sum(p, kSumCheck, "election");
}

}  // namespace parley::models::smp

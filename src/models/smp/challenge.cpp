// Challenges (§6.2, §6.3) and the bargains they lead to (§6.4, §10.7, §10.8).

#include <algorithm>
#include <limits>

#include "core/stable_sort.hpp"
#include "models/smp/engine_impl.hpp"
#include "parley/text.hpp"

namespace parley::models::smp {

// EU(h, k, i, j) of §6.2. The columns hold h's utility table U = U^h: at_i[m] = U[m][i],
// at_j[m] = U[m][j], own[m] = U[m][m].
template <VotingRule Rule, ThirdPartyCommit Commit>
Engine::Challenge Engine::challenge_as(std::size_t k, std::size_t i, std::size_t j, const double* at_i,
                                       const double* at_j, const double* own, const double* weight) const {
  const double eu_sq = at_i[k] + at_j[k];
  const double u_victory = at_i[k] + at_i[k];
  const double u_loss = at_j[k] + at_j[k];
  const auto outside = [](double u) { return u < 0.0 || u > 2.0; };
  if (outside(eu_sq) || outside(u_victory) || outside(u_loss)) {
    abort_run(fmt::format("a challenge of {} by {} has a utility outside [0, 2]", who(j), who(i)));
  }
  const double s_j = total_salience_[j];
  if (s_j <= 0.0 || s_j > salience_limit_) {
    abort_run(fmt::format("{}'s total salience {}", who(j), parley::outside(fmt::format("{}", s_j), "(0, 1]")));
  }
  const double a_i = vote_as<Rule>(weight[i], at_i[i], at_j[i]);
  const double a_j = vote_as<Rule>(weight[j], at_i[j], at_j[j]);
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
    const double w = weight[m];
    const double umi = at_i[m];
    const double umj = at_j[m];
    const double umm = own[m];
    // Branch-free (for_first, for_second): m's votes go either way, and a mispredicted branch cost
    // more than the rest of the loop. Adding 0.0 to these positive sums leaves their bits as they were.
    const double v0 = vote_as<Rule>(w, umi, umj);
    const double l_i = b_i + for_first(v0);
    const double l_j = b_j - for_second(v0);
    const double p = l_i / (l_i + l_j);
    const double q = 1.0 - p;
    // A1: m sides with i and i wins; A2: with i, j wins; A3: with j, i wins; A4: with j, j wins.
    // NoCommit: m keeps its position; SemiCommit: m moves with its side when that side loses;
    // FullCommit: m takes the winner's position whichever side it joined.
    constexpr bool kMovesWithWinner = Commit == ThirdPartyCommit::FullCommit;
    constexpr bool kMovesWithLoser = Commit != ThirdPartyCommit::NoCommit;
    const double a1 = (umi + umi) + (kMovesWithWinner ? umi : umm);
    const double a2 = (umj + umj) + (kMovesWithLoser ? umj : umm);
    const double a3 = (umi + umi) + (kMovesWithLoser ? umi : umm);
    const double a4 = (umj + umj) + (kMovesWithWinner ? umj : umm);
    const double e_a = (p * a1) + (q * a2);
    const double e_b = (p * a3) + (q * a4);
    const double v = vote_as<Rule>(w, e_a, e_b);
    c_i = c_i + for_first(v);
    c_j = c_j - for_second(v);
  }
  if (c_i <= 0.0 || c_j <= 0.0)
    abort_run(fmt::format("a coalition of the challenge {} -> {} is not positive", who(i), who(j)));
  const double p_ij = c_i / (c_i + c_j);
  const double p_ji = c_j / (c_i + c_j);
  const double eu_contest = (p_ij * u_victory) + (p_ji * u_loss);
  const double eu_challenge = ((1 - s_j) * u_victory) + (s_j * eu_contest);
  return {p_ij, eu_challenge - eu_sq};
}

// EU(h, k, i, j) compiled for one voting rule and third-party commitment: the n³ loop has no
// branch on the settings.
Engine::ChallengeFunction Engine::challenge_for(VotingRule rule, ThirdPartyCommit commit) {
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

const double* Engine::challenge_weights(const State& state, std::size_t i, std::size_t j) const {
  if (in_.issue_capability.empty()) return weight_.data();
  double* const weight = scratch_.challenge_weights.data() + i * n_;
  const PairWeights pairs{in_.issue_capability, in_.salience, {}, d_};
  const double* x_i = state.position.data() + i * d_;
  const double* x_j = state.position.data() + j * d_;
  for (std::size_t m = 0; m < n_; ++m) {
    weight[m] = total_salience_[m] * pairs.capability_of(m, x_i, x_j, in_.capability[m]);
  }
  return weight;
}

const PairWeights* Engine::pair_weights(std::span<const double> points, PairWeights& pairs) const {
  if (in_.issue_capability.empty()) return nullptr;
  pairs = PairWeights{in_.issue_capability, in_.salience, points, d_};
  return &pairs;
}

// h's utility columns: at[m] = U^h[m][j] for one position j.
void Engine::column(const Derived& derived, std::size_t h, std::size_t j, double* at) const {
  const double* r = derived.estimate.data() + h * n_;
  const double* delta = derived.distance_to.data() + j * n_;
  for (std::size_t m = 0; m < n_; ++m) at[m] = util(delta[m], r[m]);
}

void Engine::diagonal(const Derived& derived, std::size_t h, double* own) const {
  const double* r = derived.estimate.data() + h * n_;
  for (std::size_t m = 0; m < n_; ++m) own[m] = util(derived.distance_to[m * n_ + m], r[m]);
}

// The bargain points of §6.4 / §10.7 for initiator i and receiver j with weights pi, pj.
void Engine::interpolate(const State& state, std::size_t i, std::size_t j, double pi, double pj,
                         double* initiator_point, double* receiver_point) const {
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
      initiator_point[k] = x_i + dik * (x_j - x_i);
      receiver_point[k] = x_j + djk * (x_i - x_j);
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
    initiator_point[k] = round4((((wi + kBargainFloor) * x_i) + (wj * x_j)) / den);
    receiver_point[k] = round4(((wi * x_i) + ((kBargainFloor + wj) * x_j)) / den);
  }
}

namespace {

using Target = std::pair<double, std::size_t>;  // (bound, target)

// Targets by decreasing bound, ties in index order: std::stable_sort's order (bounds are never NaN).
void sort_by_bound(std::vector<Target>::iterator first, std::vector<Target>::iterator last) {
  stable_sort_short(first, last, [](const Target& a, const Target& b) { return a.first > b.first; });
}

}  // namespace

// Initiator i's challenge (§6.2, §6.3) and its bargains (§6.4, §10.8); none when it has no target.
void Engine::initiate(const State& state, const Derived& derived, std::size_t i) const {
  std::vector<Bargain>& bargains = scratch_.by_initiator[i];
  bargains.clear();
  double* at_i = scratch_.columns.data() + i * 3 * n_;
  double* at_j = at_i + n_;
  double* own = at_j + n_;
  column(derived, i, i, at_i);
  diagonal(derived, i, own);
  // KTAB scans the targets in index order and keeps a strictly larger gain above 1e-5: the target is
  // the lowest index among those with the largest gain. The gain is (U_ii − U_ij)(1 − 2 S_j (1 − P)),
  // never more than |U_ii − U_ij| (0 ≤ S_j(1 − P) ≤ 1; kBoundMargin covers rounding), so targets are
  // weighed from the largest such bound down and the scan stops once no bound can reach the best gain
  // so far: the same target, without computing most challenges.
  const double r = derived.estimate[i * n_ + i];
  const auto order = scratch_.targets.begin() + static_cast<std::ptrdiff_t>(i * n_);  // (bound, target)
  std::size_t targets = 0;
  for (std::size_t j = 0; j < n_; ++j) {
    if (j == i) continue;
    const double bound = std::fabs(at_i[i] - util(derived.distance_to[j * n_ + i], r));
    order[static_cast<std::ptrdiff_t>(targets++)] = {std::isnan(bound) ? std::numeric_limits<double>::infinity() : bound,
                                                     j};
  }
  const auto order_end = order + static_cast<std::ptrdiff_t>(targets);
  if (!options_.exhaustive) sort_by_bound(order, order_end);
  bool found = false;
  std::size_t best = 0;
  double best_gain = -1.0;
  double best_probability = 0.0;
  for (auto it = order; it != order_end; ++it) {
    const auto [bound, j] = *it;
    if (!options_.exhaustive && bound + kBoundMargin < std::max(best_gain, kMinimumGain)) break;
    column(derived, i, j, at_j);
    const Challenge c = challenge(i, i, j, at_i, at_j, own, challenge_weights(state, i, j));
    if ((kMinimumGain < c.gain) && (best_gain < c.gain || (best_gain == c.gain && j < best))) {
      found = true;
      best = j;
      best_gain = c.gain;
      best_probability = c.probability;
    }
  }
  if (!found) return;
  // A bargain of the given view, and where its two points go: b_i, then b_j.
  const auto bargain = [&](int view) -> double* {
    double* const points = scratch_.initiator_points.data() + (i * 4 + 2 * bargains.size()) * d_;
    bargains.push_back(Bargain{i, best, view, best_gain, best_probability});
    return points;
  };
  if (settings_.bargaining == BargnModel::InitOnlyInterp) {
    double* const points = bargain(0);
    interpolate(state, i, best, best_probability, 1.0 - best_probability, points, points + d_);
    return;
  }
  // The initiator's view, then the receiver's: the second component of EU(j, i, i, j), a gain, not a
  // probability (KTAB quirk).
  double* const initiators = scratch_.views.data() + i * 4 * d_;  // b_i, b_j
  double* const receivers = initiators + 2 * d_;
  interpolate(state, i, best, best_probability, 1.0 - best_probability, initiators, initiators + d_);
  column(derived, best, i, at_i);
  column(derived, best, best, at_j);
  diagonal(derived, best, own);
  const double receivers_estimate = challenge(i, i, best, at_i, at_j, own, challenge_weights(state, i, best)).gain;
  interpolate(state, i, best, receivers_estimate, 1.0 - receivers_estimate, receivers, receivers + d_);
  if (settings_.bargaining == BargnModel::InitRcvrInterp) {
    std::copy_n(initiators, 2 * d_, bargain(0));
    std::copy_n(receivers, 2 * d_, bargain(1));
    return;
  }
  const double wi = in_.capability[i] * total_salience_[i];
  const double wj = in_.capability[i] * total_salience_[best];  // KTAB quirk: the initiator's capability twice
  double* const mixed = bargain(2);
  for (std::size_t k = 0; k < d_; ++k) {
    mixed[k] = ((wi * initiators[k]) + (wj * receivers[k])) / (wi + wj);
    mixed[d_ + k] = ((wi * initiators[d_ + k]) + (wj * receivers[d_ + k])) / (wi + wj);
  }
}

}  // namespace parley::models::smp

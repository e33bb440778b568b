#pragma once
// P_ij, the probability that i beats j if they contest (spec (c)): every actor k votes for the
// position nearer to its own, with weight w_k = c_k s_k.
//
// Cost. Naively each P_ij is a sum over all n voters, O(n³) a round. But voter k prefers x_i to
// x_j exactly when it is on x_i's side of their midpoint, whatever its exponent, so the voters
// supporting i form a prefix (or suffix) of the voters sorted by position. With, for each distinct
// position a, the prefix sums over sorted voters of w_k y_k(a) — O(n·m) to build for m distinct
// positions — each P_ij costs one binary search: O(n·m + n² log n) a round. When every exponent
// is 1 (the risk pass, and Masad's linear votes) y is piecewise linear in x_k and prefix sums of
// w_k and w_k x_k suffice: O(n) memory and no pow.

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "models/eum/options.hpp"

namespace parley::models::eum {

class WinProbabilities {
 public:
  // x: positions; w: weights c·s; r: each voter's risk exponent (unused by `linear`); delta: Δ > 0.
  WinProbabilities(Probability kind, std::span<const double> x, std::span<const double> w, std::span<const double> r,
                   double delta);
  WinProbabilities() = default;  // to be assign()ed
  // As the constructor, reusing this object's memory (rounds of a run, samples of Monte Carlo).
  void assign(Probability kind, std::span<const double> x, std::span<const double> w, std::span<const double> r,
              double delta);

  // P_ij: 0 when x_i = x_j.
  [[nodiscard]] double operator()(std::size_t i, std::size_t j) const;

  // P_ij and P_ji for every j at once (from_i[j] = P_ij, to_i[j] = P_ji), equal to the bit to
  // operator(), in O(n): the counterparts are swept in position order, so no search is needed.
  void row(std::size_t i, std::span<double> from_i, std::span<double> to_i) const;

  // Σ_k w_k max(0, y_k(j) − y_k(i)): the votes for i against j (y_k(a) = (|x_k − x_a|/Δ)^r_k, or
  // |x_k − x_a| for `linear`).
  [[nodiscard]] double support(std::size_t i, std::size_t j) const;

 private:
  [[nodiscard]] double prefix(std::size_t position, std::size_t count) const {
    return prefix_[position * (voters_ + 1) + count];
  }

  // Where a pair's landmarks fall among the sorted voters: how many are below the lower position,
  // below the midpoint, not above the midpoint, not above the higher position.
  struct PairRanks {
    std::size_t below_low = 0;
    std::size_t below_middle = 0;
    std::size_t not_above_middle = 0;
    std::size_t not_above_high = 0;
  };
  [[nodiscard]] PairRanks ranks_of(double low, double high) const;
  // The votes for the lower (higher) position of a pair against the other.
  [[nodiscard]] double support_of_low(std::size_t low, std::size_t high, const PairRanks& ranks) const;
  [[nodiscard]] double support_of_high(std::size_t low, std::size_t high, const PairRanks& ranks) const;
  // P_ij and P_ji, from one count of the pair's votes.
  [[nodiscard]] std::pair<double, double> both_ways(std::size_t i, std::size_t j, const PairRanks& ranks) const;
  // A side's probability from its votes and the other side's (spec (c) and its variants).
  [[nodiscard]] double share(double mine, double theirs) const;

  Probability kind_ = Probability::pairwise;
  bool linear_ = false;  // every y is |x_k − x_a| · scale_
  double scale_ = 1.0;
  double center_ = 0.0;                // subtracted from positions in the linear sums (less cancellation)
  std::vector<double> weight_prefix_;  // linear: Σ over the first t sorted voters of w_k
  std::vector<double> moment_prefix_;  // linear: ... of w_k (x_k − center)
  std::size_t voters_ = 0;
  std::vector<double> x_;
  std::vector<std::size_t> order_;        // actors by increasing position (stable)
  std::vector<double> sorted_x_;          // the voters' positions, ascending
  std::vector<std::size_t> position_of_;  // actor -> index of its distinct position
  std::vector<std::size_t> first_holder_;  // [distinct position]: its first sorted voter; [m]: n
  std::vector<double> prefix_;            // [distinct position][t]: Σ over the first t sorted voters of w_k y_k(a)
  double all_pairs_ = 0.0;                // Scholz's denominator Σ_k Σ_a Σ_b |g_k(a, b)|
  // assign()'s scratch: the distinct positions, ascending, and how many actors hold each.
  std::vector<double> positions_;
  std::vector<std::size_t> holders_;
};

}  // namespace parley::models::eum

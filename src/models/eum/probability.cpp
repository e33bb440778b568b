#include "models/eum/probability.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "core/stable_sort.hpp"

namespace parley::models::eum {

WinProbabilities::WinProbabilities(Probability kind, std::span<const double> x, std::span<const double> w,
                                   std::span<const double> r, double delta) {
  assign(kind, x, w, r, delta);
}

void WinProbabilities::assign(Probability kind, std::span<const double> x, std::span<const double> w,
                              std::span<const double> r, double delta) {
  kind_ = kind;
  voters_ = x.size();
  x_.assign(x.begin(), x.end());
  const std::size_t n = x.size();
  std::vector<std::size_t>& order = order_;
  order.resize(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const bool ordered = std::none_of(x.begin(), x.end(), [](double v) { return std::isnan(v); });
  stable_sort_short(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; }, ordered);
  sorted_x_.resize(n);
  for (std::size_t t = 0; t < n; ++t) sorted_x_[t] = x[order[t]];

  // Distinct positions, ascending, each with how many actors hold it.
  std::vector<double>& positions = positions_;
  positions.assign(sorted_x_.begin(), sorted_x_.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  std::vector<std::size_t>& holders = holders_;
  holders.assign(positions.size(), 0);
  position_of_.resize(n);
  for (std::size_t a = 0; a < n; ++a) {
    position_of_[a] =
        static_cast<std::size_t>(std::lower_bound(positions.begin(), positions.end(), x[a]) - positions.begin());
    ++holders[position_of_[a]];
  }
  // Where each distinct position's holders start among the sorted voters.
  first_holder_.resize(positions.size() + 1);
  first_holder_[0] = 0;
  for (std::size_t a = 0; a < positions.size(); ++a) first_holder_[a + 1] = first_holder_[a] + holders[a];

  linear_ = kind == Probability::linear || std::all_of(r.begin(), r.end(), [](double e) { return e == 1.0; });
  scale_ = kind == Probability::linear ? 1.0 : 1.0 / delta;
  const auto y = [&](std::size_t k, double position) {
    const double distance = std::fabs(x[k] - position);
    return kind == Probability::linear ? distance : std::pow(distance / delta, r[k]);
  };
  const std::size_t m = positions.size();
  all_pairs_ = 0.0;
  if (linear_) {
    center_ = n > 0 ? sorted_x_[n / 2] : 0.0;
    weight_prefix_.assign(n + 1, 0.0);
    moment_prefix_.assign(n + 1, 0.0);
    for (std::size_t t = 0; t < n; ++t) {
      weight_prefix_[t + 1] = weight_prefix_[t] + w[order[t]];
      moment_prefix_[t + 1] = moment_prefix_[t] + w[order[t]] * (sorted_x_[t] - center_);
    }
  } else {
    prefix_.assign(m * (n + 1), 0.0);
    for (std::size_t a = 0; a < m; ++a) {
      double* row = &prefix_[a * (n + 1)];
      for (std::size_t t = 0; t < n; ++t) row[t + 1] = row[t] + w[order[t]] * y(order[t], positions[a]);
    }
  }

  if (kind == Probability::all_pairs) {
    // Σ_a Σ_b |y_k(a) − y_k(b)| over all n actors: with the values in increasing order,
    // 2 Σ_t y_(t) (2t − n + 1); a group of c equal values starting at rank N contributes
    // c·y·(2N + c − n). y_k(a) grows with |x_k − x_a|, so the increasing order merges the distinct
    // positions outward from x_k: O(m) a voter, no sort.
    for (std::size_t k = 0; k < n; ++k) {
      const auto split =
          static_cast<std::size_t>(std::lower_bound(positions.begin(), positions.end(), x[k]) - positions.begin());
      std::size_t left = split;  // the next candidate below is left − 1
      std::size_t right = split;
      double sum = 0.0;
      double below = 0.0;
      while (left > 0 || right < m) {
        const bool take_left =
            right == m || (left > 0 && std::fabs(x[k] - positions[left - 1]) < std::fabs(x[k] - positions[right]));
        const std::size_t a = take_left ? --left : right++;
        const auto c = static_cast<double>(holders[a]);
        sum += y(k, positions[a]) * c * (2.0 * below + c - static_cast<double>(n));
        below += c;
      }
      all_pairs_ += w[k] * 2.0 * sum;
    }
  }
}

WinProbabilities::PairRanks WinProbabilities::ranks_of(double low, double high) const {
  const double middle = 0.5 * (low + high);
  const auto below = [&](double value) {
    return static_cast<std::size_t>(std::lower_bound(sorted_x_.begin(), sorted_x_.end(), value) - sorted_x_.begin());
  };
  const auto not_above = [&](double value) {
    return static_cast<std::size_t>(std::upper_bound(sorted_x_.begin(), sorted_x_.end(), value) - sorted_x_.begin());
  };
  return {below(low), below(middle), not_above(middle), not_above(high)};
}

double WinProbabilities::support_of_low(std::size_t low, std::size_t high, const PairRanks& ranks) const {
  const std::size_t b = ranks.below_middle;  // the voters nearer to the lower position
  if (linear_) {
    // Voters below x_low gain x_high − x_low; voters in [x_low, middle) gain x_high + x_low − 2 x_k.
    const double xl = x_[low];
    const double xh = x_[high];
    const std::size_t a = ranks.below_low;
    const double sum = weight_prefix_[a] * (xh - xl) +
                       (weight_prefix_[b] - weight_prefix_[a]) * ((xh - center_) + (xl - center_)) -
                       2.0 * (moment_prefix_[b] - moment_prefix_[a]);
    return std::max(0.0, sum * scale_);
  }
  return std::max(0.0, prefix(position_of_[high], b) - prefix(position_of_[low], b));
}

double WinProbabilities::support_of_high(std::size_t low, std::size_t high, const PairRanks& ranks) const {
  const std::size_t d = ranks.not_above_middle;  // voters from d on are nearer to the higher position
  if (linear_) {
    // Voters above x_high gain x_high − x_low; voters in (middle, x_high] gain 2 x_k − x_high − x_low.
    const double xl = x_[low];
    const double xh = x_[high];
    const std::size_t c = ranks.not_above_high;
    const double sum = (weight_prefix_[voters_] - weight_prefix_[c]) * (xh - xl) +
                       2.0 * (moment_prefix_[c] - moment_prefix_[d]) -
                       (weight_prefix_[c] - weight_prefix_[d]) * ((xh - center_) + (xl - center_));
    return std::max(0.0, sum * scale_);
  }
  const std::size_t a = position_of_[low];
  const std::size_t h = position_of_[high];
  return std::max(0.0, (prefix(a, voters_) - prefix(a, d)) - (prefix(h, voters_) - prefix(h, d)));
}

double WinProbabilities::share(double mine, double theirs) const {
  if (kind_ == Probability::all_pairs) return all_pairs_ > 0.0 ? mine / all_pairs_ : 0.0;
  const double both = mine + theirs;
  if (both <= 0.0) return 0.0;
  if (kind_ == Probability::linear) return std::max(0.0, mine - theirs) / both;  // Masad: max(0, net votes)
  return mine / both;
}

std::pair<double, double> WinProbabilities::both_ways(std::size_t i, std::size_t j, const PairRanks& ranks) const {
  if (x_[i] == x_[j]) return {0.0, 0.0};
  const bool i_low = x_[i] < x_[j];
  const std::size_t low = i_low ? i : j;
  const std::size_t high = i_low ? j : i;
  const double for_low = support_of_low(low, high, ranks);
  const double for_high = support_of_high(low, high, ranks);
  const double for_i = i_low ? for_low : for_high;
  const double for_j = i_low ? for_high : for_low;
  return {share(for_i, for_j), share(for_j, for_i)};
}

double WinProbabilities::support(std::size_t i, std::size_t j) const {
  if (x_[i] == x_[j]) return 0.0;
  const bool i_low = x_[i] < x_[j];
  const std::size_t low = i_low ? i : j;
  const std::size_t high = i_low ? j : i;
  const PairRanks ranks = ranks_of(x_[low], x_[high]);
  return i_low ? support_of_low(low, high, ranks) : support_of_high(low, high, ranks);
}

double WinProbabilities::operator()(std::size_t i, std::size_t j) const {
  if (x_[i] == x_[j]) return 0.0;
  return both_ways(i, j, ranks_of(std::min(x_[i], x_[j]), std::max(x_[i], x_[j]))).first;
}

void WinProbabilities::row(std::size_t i, std::span<double> from_i, std::span<double> to_i) const {
  // The counterparts j in increasing position: the ranks of the midpoints move only forward.
  const double xi = x_[i];
  const std::size_t n = voters_;
  const std::size_t below_i = first_holder_[position_of_[i]];
  const std::size_t not_above_i = first_holder_[position_of_[i] + 1];
  std::size_t below_middle = 0;
  std::size_t not_above_middle = 0;
  for (const std::size_t j : order_) {
    const double xj = x_[j];
    const double middle = 0.5 * (std::min(xi, xj) + std::max(xi, xj));
    while (below_middle < n && sorted_x_[below_middle] < middle) ++below_middle;
    while (not_above_middle < n && sorted_x_[not_above_middle] <= middle) ++not_above_middle;
    const PairRanks ranks{xj < xi ? first_holder_[position_of_[j]] : below_i, below_middle, not_above_middle,
                          xj > xi ? first_holder_[position_of_[j] + 1] : not_above_i};
    std::tie(from_i[j], to_i[j]) = both_ways(i, j, ranks);
  }
}

}  // namespace parley::models::eum

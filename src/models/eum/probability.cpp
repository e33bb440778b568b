#include "models/eum/probability.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace parley::models::eum {

WinProbabilities::WinProbabilities(Probability kind, std::span<const double> x, std::span<const double> w,
                                   std::span<const double> r, double delta)
    : kind_(kind), voters_(x.size()), x_(x.begin(), x.end()) {
  const std::size_t n = x.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  sorted_x_.resize(n);
  for (std::size_t t = 0; t < n; ++t) sorted_x_[t] = x[order[t]];

  // Distinct positions, each with how many actors hold it.
  std::map<double, std::size_t> distinct;
  for (const double position : x) distinct.emplace(position, 0);
  std::vector<double> positions;
  std::vector<std::size_t> holders;
  for (auto& [position, index] : distinct) {
    index = positions.size();
    positions.push_back(position);
  }
  holders.assign(positions.size(), 0);
  position_of_.resize(n);
  for (std::size_t a = 0; a < n; ++a) {
    position_of_[a] = distinct[x[a]];
    ++holders[position_of_[a]];
  }

  const bool linear = kind == Probability::linear;
  const auto y = [&](std::size_t k, double position) {
    const double distance = std::fabs(x[k] - position);
    return linear ? distance : std::pow(distance / delta, r[k]);
  };
  const std::size_t m = positions.size();
  prefix_.assign(m * (n + 1), 0.0);
  for (std::size_t a = 0; a < m; ++a) {
    double* row = &prefix_[a * (n + 1)];
    for (std::size_t t = 0; t < n; ++t) row[t + 1] = row[t] + w[order[t]] * y(order[t], positions[a]);
  }

  if (kind == Probability::all_pairs) {
    // Σ_a Σ_b |y_k(a) − y_k(b)| over all n actors: with the values sorted, 2 Σ_t y_(t) (2t − n + 1);
    // a group of c equal values starting at rank N contributes c·y·(2N + c − n).
    std::vector<std::pair<double, std::size_t>> values(m);
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t a = 0; a < m; ++a) values[a] = {y(k, positions[a]), holders[a]};
      std::sort(values.begin(), values.end());
      double sum = 0.0;
      double below = 0.0;
      for (const auto& [value, count] : values) {
        const double c = static_cast<double>(count);
        sum += value * c * (2.0 * below + c - static_cast<double>(n));
        below += c;
      }
      all_pairs_ += w[k] * 2.0 * sum;
    }
  }
}

double WinProbabilities::support(std::size_t i, std::size_t j) const {
  const double xi = x_[i];
  const double xj = x_[j];
  if (xi == xj) return 0.0;
  const double middle = xi + (xj - xi) / 2.0;
  const std::size_t a = position_of_[i];
  const std::size_t b = position_of_[j];
  if (xi < xj) {
    // Voters below the midpoint are nearer to x_i.
    const auto count =
        static_cast<std::size_t>(std::lower_bound(sorted_x_.begin(), sorted_x_.end(), middle) - sorted_x_.begin());
    return std::max(0.0, prefix(b, count) - prefix(a, count));
  }
  const auto count =
      static_cast<std::size_t>(std::upper_bound(sorted_x_.begin(), sorted_x_.end(), middle) - sorted_x_.begin());
  const double above_b = prefix(b, voters_) - prefix(b, count);
  const double above_a = prefix(a, voters_) - prefix(a, count);
  return std::max(0.0, above_b - above_a);
}

double WinProbabilities::operator()(std::size_t i, std::size_t j) const {
  if (x_[i] == x_[j]) return 0.0;
  const double for_i = support(i, j);
  if (kind_ == Probability::all_pairs) return all_pairs_ > 0.0 ? for_i / all_pairs_ : 0.0;
  const double for_j = support(j, i);
  const double both = for_i + for_j;
  if (both <= 0.0) return 0.0;
  if (kind_ == Probability::linear) return std::max(0.0, for_i - for_j) / both;  // Masad: max(0, net votes)
  return for_i / both;
}

}  // namespace parley::models::eum

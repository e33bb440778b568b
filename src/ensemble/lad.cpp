#include "ensemble/lad.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

namespace parley::ensemble {
namespace {

constexpr double kTolerance = 1e-11;  // reduced costs and pivots this small count as zero
// After this many pivots in a row that do not lower the objective, entering columns are taken by
// Bland's rule (the lowest index), which cannot cycle.
constexpr int kDegenerateLimit = 50;

// The simplex tableau of the program in lad.hpp, in the form B⁻¹[A | b]: row r holds the
// coefficients of the basic variable basis[r]. Variables: the k weights (ids 0..k-1), u_1..u_n
// (k..k+n-1) and v_1..v_n (k+n..k+2n-1). Only the weights' and the u's columns are stored: v_i's
// column is always minus u_i's (a_v = −a_u), and its reduced cost 2 − u_i's (both cost 1), which
// halves the work of every pivot.
class Tableau {
 public:
  Tableau(const std::vector<std::vector<double>>& rows, std::span<const double> targets, std::size_t start)
      : n_(rows.size()),
        k_(rows.front().size()),
        width_(k_ + n_ + 1),
        cells_((n_ + 1) * width_, 0.0),
        basis_(n_ + 1),
        column_(n_ + 1) {
    // Row n: Σ w_j = 1, with w_start basic. Row i: x_i · w + u_i − v_i = y_i, after w_start is
    // eliminated; the residual y_i − x_i,start is basic in u_i or, negated, in v_i.
    for (std::size_t j = 0; j < k_; ++j) at(n_, j) = 1.0;
    at(n_, width_ - 1) = 1.0;
    basis_[n_] = start;
    for (std::size_t i = 0; i < n_; ++i) {
      const double anchor = rows[i][start];
      for (std::size_t j = 0; j < k_; ++j) at(i, j) = rows[i][j] - anchor;
      at(i, k_ + i) = 1.0;
      at(i, width_ - 1) = targets[i] - anchor;
      if (at(i, width_ - 1) < 0.0) {
        for (std::size_t c = 0; c < width_; ++c) at(i, c) = -at(i, c);
        basis_[i] = k_ + n_ + i;
      } else {
        basis_[i] = k_ + i;
      }
    }
    // Reduced costs c_j − c_B B⁻¹ a_j of the stored columns, with cost 1 on every u and v (every
    // row but the last has one of them basic) and 0 on the weights.
    reduced_.assign(width_ - 1, 0.0);
    for (std::size_t c = k_; c + 1 < width_; ++c) reduced_[c] = 1.0;
    for (std::size_t r = 0; r < n_; ++r) {
      for (std::size_t c = 0; c + 1 < width_; ++c) reduced_[c] -= at(r, c);
    }
  }

  void solve() {
    int degenerate = 0;
    while (true) {
      const std::size_t entering = choose_entering(degenerate >= kDegenerateLimit);
      if (entering == kNone) return;
      load_column(entering);
      const std::size_t row = choose_leaving();
      if (row == kNone) return;  // unbounded: impossible here (the objective is at least 0)
      degenerate = at(row, width_ - 1) <= kTolerance ? degenerate + 1 : 0;
      pivot(row, entering);
    }
  }

  [[nodiscard]] std::vector<double> weights() const {
    std::vector<double> weights(k_, 0.0);
    for (std::size_t r = 0; r <= n_; ++r) {
      if (basis_[r] < k_) weights[basis_[r]] = std::max(0.0, at(r, width_ - 1));
    }
    double total = 0.0;
    for (const double weight : weights) total += weight;
    for (double& weight : weights) weight /= total;
    return weights;
  }

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  double& at(std::size_t row, std::size_t column) { return cells_[row * width_ + column]; }
  [[nodiscard]] double at(std::size_t row, std::size_t column) const { return cells_[row * width_ + column]; }

  // The stored column of a variable, and the sign its own column has relative to it.
  [[nodiscard]] std::size_t stored(std::size_t variable) const { return variable < k_ + n_ ? variable : variable - n_; }
  [[nodiscard]] double sign(std::size_t variable) const { return variable < k_ + n_ ? 1.0 : -1.0; }
  [[nodiscard]] double reduced_cost(std::size_t variable) const {
    return variable < k_ + n_ ? reduced_[variable] : 2.0 - reduced_[variable - n_];
  }

  // Dantzig's rule (the most negative reduced cost; ties to the lowest id), or Bland's.
  [[nodiscard]] std::size_t choose_entering(bool bland) const {
    std::size_t best = kNone;
    double lowest = -kTolerance;
    for (std::size_t variable = 0; variable < k_ + 2 * n_; ++variable) {
      const double cost = reduced_cost(variable);
      if (cost >= lowest) continue;
      best = variable;
      if (bland) break;
      lowest = cost;
    }
    return best;
  }

  void load_column(std::size_t variable) {
    const std::size_t c = stored(variable);
    const double s = sign(variable);
    for (std::size_t r = 0; r <= n_; ++r) column_[r] = s * at(r, c);
  }

  // The minimum ratio test on the loaded column; ties go to the row whose basic variable has the
  // lowest id.
  [[nodiscard]] std::size_t choose_leaving() const {
    std::size_t best = kNone;
    double lowest = std::numeric_limits<double>::infinity();
    for (std::size_t r = 0; r <= n_; ++r) {
      const double coefficient = column_[r];
      if (coefficient <= kTolerance) continue;
      const double ratio = at(r, width_ - 1) / coefficient;
      if (best == kNone || ratio < lowest || (ratio == lowest && basis_[r] < basis_[best])) {
        best = r;
        lowest = ratio;
      }
    }
    return best;
  }

  void pivot(std::size_t row, std::size_t entering) {
    const double scale = 1.0 / column_[row];
    double* pivot_row = &cells_[row * width_];
    for (std::size_t c = 0; c < width_; ++c) pivot_row[c] *= scale;
    const std::size_t stored_column = stored(entering);
    const double stored_sign = sign(entering);
    pivot_row[stored_column] = stored_sign;
    for (std::size_t r = 0; r <= n_; ++r) {
      if (r == row) continue;
      const double factor = column_[r];
      if (factor == 0.0) continue;
      double* target = &cells_[r * width_];
      for (std::size_t c = 0; c < width_; ++c) target[c] -= factor * pivot_row[c];
      target[stored_column] = 0.0;
    }
    const double factor = reduced_cost(entering);
    for (std::size_t c = 0; c + 1 < width_; ++c) reduced_[c] -= factor * pivot_row[c];
    // The entering variable's own reduced cost is 0, so its stored column's is 0 (a u) or 2 (a v).
    reduced_[stored_column] = stored_sign > 0.0 ? 0.0 : 2.0;
    basis_[row] = entering;
  }

  std::size_t n_;
  std::size_t k_;
  std::size_t width_;  // stored columns, with the right-hand side last
  std::vector<double> cells_;
  std::vector<std::size_t> basis_;
  std::vector<double> reduced_;
  std::vector<double> column_;  // the entering variable's column
};

}  // namespace

double absolute_deviation(const std::vector<std::vector<double>>& rows, std::span<const double> targets,
                          std::span<const double> weights) {
  double total = 0.0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double forecast = 0.0;
    for (std::size_t j = 0; j < weights.size(); ++j) forecast += rows[i][j] * weights[j];
    total += std::fabs(targets[i] - forecast);
  }
  return total;
}

std::vector<double> lad_simplex_weights(const std::vector<std::vector<double>>& rows, std::span<const double> targets) {
  const std::size_t columns = rows.empty() ? 1 : rows.front().size();
  // Start from the best single column: the optimum is usually a few pivots away.
  std::size_t start = 0;
  double best = std::numeric_limits<double>::infinity();
  std::vector<double> unit(columns, 0.0);
  for (std::size_t j = 0; j < columns && !rows.empty(); ++j) {
    unit.assign(columns, 0.0);
    unit[j] = 1.0;
    const double deviation = absolute_deviation(rows, targets, unit);
    if (deviation < best) {
      best = deviation;
      start = j;
    }
  }
  if (rows.empty() || columns == 1) {
    std::vector<double> weights(columns, 0.0);
    weights[start] = 1.0;
    return weights;
  }
  Tableau tableau(rows, targets, start);
  tableau.solve();
  return tableau.weights();
}

}  // namespace parley::ensemble

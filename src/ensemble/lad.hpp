#pragma once
// Least absolute deviations on the simplex: the weights of a stacked forecast.

#include <span>
#include <vector>

namespace parley::ensemble {

// The weights w (w_j >= 0, Σ w_j = 1) that minimise Σ_i |y_i − Σ_j x_ij w_j|, where x_i = rows[i]
// (every row as long as the first). Solved exactly, as the linear program
//   min Σ_i (u_i + v_i)  s.t.  Σ_j x_ij w_j + u_i − v_i = y_i,  Σ_j w_j = 1,  w, u, v >= 0
// by the simplex method, started from the best single column. The optimum is often not unique
// (positions and outcomes are coded in steps); the vertex returned depends only on the input, not
// on the platform's threads or the order of anything but the rows and columns.
// With no rows, the first column gets the whole weight.
[[nodiscard]] std::vector<double> lad_simplex_weights(const std::vector<std::vector<double>>& rows,
                                                      std::span<const double> targets);

// Σ_i |y_i − x_i · w|.
[[nodiscard]] double absolute_deviation(const std::vector<std::vector<double>>& rows, std::span<const double> targets,
                                        std::span<const double> weights);

}  // namespace parley::ensemble

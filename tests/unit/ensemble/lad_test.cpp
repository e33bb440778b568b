// Least absolute deviations on the simplex: exact on known answers, and never worse than any point
// of a fine grid over the simplex.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "ensemble/lad.hpp"
#include "parley/rng.hpp"

namespace parley::ensemble {
namespace {

TEST(LadSimplex, RecoversAnExactMixture) {
  std::vector<std::vector<double>> rows;
  std::vector<double> targets;
  for (int i = 0; i < 12; ++i) {
    const std::vector<double> row{0.1 * i, 1.0 - 0.05 * i, std::fmod(0.37 * i, 1.0)};
    rows.push_back(row);
    targets.push_back(0.3 * row[0] + 0.7 * row[2]);
  }
  const auto weights = lad_simplex_weights(rows, targets);
  ASSERT_EQ(weights.size(), 3u);
  EXPECT_NEAR(weights[0], 0.3, 1e-12);
  EXPECT_NEAR(weights[1], 0.0, 1e-12);
  EXPECT_NEAR(weights[2], 0.7, 1e-12);
  EXPECT_NEAR(absolute_deviation(rows, targets, weights), 0.0, 1e-12);
}

TEST(LadSimplex, OneDominantColumnTakesAllTheWeight) {
  const std::vector<std::vector<double>> rows{{0.5, 0.0}, {0.2, 1.0}, {0.9, 0.1}};
  const std::vector<double> targets{0.5, 0.2, 0.9};
  const auto weights = lad_simplex_weights(rows, targets);
  EXPECT_DOUBLE_EQ(weights[0], 1.0);
  EXPECT_DOUBLE_EQ(weights[1], 0.0);
}

TEST(LadSimplex, NoRowsGivesTheFirstColumn) {
  EXPECT_EQ(lad_simplex_weights({}, {}), (std::vector<double>{1.0}));
}

TEST(LadSimplex, WeightsAreOnTheSimplex) {
  Rng rng = make_rng(7, 0);
  std::vector<std::vector<double>> rows(40, std::vector<double>(6));
  std::vector<double> targets(40);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (double& x : rows[i]) x = std::round(10.0 * rng.uniform()) / 10.0;  // coded in steps, as DEU is
    targets[i] = std::round(4.0 * rng.uniform()) / 4.0;
  }
  const auto weights = lad_simplex_weights(rows, targets);
  for (const double weight : weights) EXPECT_GE(weight, 0.0);
  EXPECT_NEAR(std::accumulate(weights.begin(), weights.end(), 0.0), 1.0, 1e-12);
}

// Three columns: the exact optimum is at most the best point of a grid of step 1/400 on the simplex.
TEST(LadSimplex, NeverWorseThanAFineGrid) {
  for (std::uint64_t trial = 0; trial < 20; ++trial) {
    Rng rng = make_rng(11, trial);
    const std::size_t n = 5 + trial;
    std::vector<std::vector<double>> rows(n, std::vector<double>(3));
    std::vector<double> targets(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (double& x : rows[i]) x = rng.uniform();
      targets[i] = rng.uniform();
    }
    const auto weights = lad_simplex_weights(rows, targets);
    const double optimum = absolute_deviation(rows, targets, weights);
    double grid_best = std::numeric_limits<double>::infinity();
    constexpr int kSteps = 400;
    for (int a = 0; a <= kSteps; ++a) {
      for (int b = 0; a + b <= kSteps; ++b) {
        const std::vector<double> point{a / double(kSteps), b / double(kSteps), (kSteps - a - b) / double(kSteps)};
        grid_best = std::min(grid_best, absolute_deviation(rows, targets, point));
      }
    }
    EXPECT_LE(optimum, grid_best + 1e-12) << "trial " << trial;
    EXPECT_GE(optimum, grid_best - 0.01 * static_cast<double>(n)) << "trial " << trial;  // the grid comes close
  }
}

}  // namespace
}  // namespace parley::ensemble

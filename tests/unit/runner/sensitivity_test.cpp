// Sobol indices against a function whose indices are known (Ishigami & Homma 1990, a = 7, b = 0.1):
// S1 = 0.3139, S2 = 0.4424, S3 = 0; ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437.

#include "parley/sensitivity.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <numbers>

#include "parley/errors.hpp"

namespace parley {
namespace {

SobolProblem ishigami() {
  SobolProblem problem;
  problem.draw = [](Rng& rng) {
    std::vector<double> x(3);
    for (auto& value : x) value = std::numbers::pi * (2.0 * rng.uniform() - 1.0);
    return x;
  };
  problem.evaluate = [](const std::vector<double>& x, unsigned /*thread*/) {
    const double s1 = std::sin(x[0]);
    const double s2 = std::sin(x[1]);
    return std::vector<double>{s1 + 7.0 * s2 * s2 + 0.1 * std::pow(x[2], 4) * s1, 3.0};  // a second, constant output
  };
  problem.groups = {{0}, {1}, {2}};
  problem.outputs = 2;
  return problem;
}

TEST(Sobol, IshigamiIndicesAreRecovered) {
  const SobolResult result = sobol(ishigami(), 20000, 42, 2, 200);
  ASSERT_EQ(result.indices.size(), 2u);
  const auto& index = result.indices[0];
  EXPECT_NEAR(index[0].first, 0.3139, 0.03);
  EXPECT_NEAR(index[1].first, 0.4424, 0.03);
  EXPECT_NEAR(index[2].first, 0.0, 0.03);
  EXPECT_NEAR(index[0].total, 0.5576, 0.03);
  EXPECT_NEAR(index[1].total, 0.4424, 0.03);
  EXPECT_NEAR(index[2].total, 0.2437, 0.03);
  for (const auto& group : index) {
    EXPECT_LE(group.total_low, group.total);
    EXPECT_GE(group.total_high, group.total);
  }
  EXPECT_EQ(result.evaluations, 20000u * 5u);
  // A constant output has no variance to share out.
  EXPECT_TRUE(std::isnan(result.indices[1][0].first));
}

TEST(Sobol, SameResultWithOneOrThreeThreads) {
  const SobolResult one = sobol(ishigami(), 500, 7, 1, 50);
  const SobolResult three = sobol(ishigami(), 500, 7, 3, 50);
  for (std::size_t g = 0; g < 3; ++g) {
    EXPECT_EQ(one.indices[0][g].first, three.indices[0][g].first);
    EXPECT_EQ(one.indices[0][g].total_high, three.indices[0][g].total_high);
  }
}

TEST(Sobol, ReportsProgressAndStopsWhenAsked) {
  std::vector<std::size_t> seen;
  SobolControl control;
  control.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 300U);
    seen.push_back(done);
  };
  const SobolResult result = sobol(ishigami(), 300, 7, 3, 10, control);
  ASSERT_EQ(seen.size(), 300U);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i + 1);  // one at a time, in order
  // Progress changes nothing.
  EXPECT_EQ(result.indices[0][1].first, sobol(ishigami(), 300, 7, 1, 10).indices[0][1].first);

  std::atomic<bool> stop{false};
  control.stop = &stop;
  control.progress = [&](std::size_t done, std::size_t) {
    if (done == 20) stop = true;
  };
  EXPECT_THROW((void)sobol(ishigami(), 100000, 7, 2, 10, control), InterruptedError);
}

}  // namespace
}  // namespace parley

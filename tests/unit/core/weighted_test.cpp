#include "core/weighted.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace parley {

TEST(WeightedMean, WeighsPositions) {
  const std::vector<double> x{0, 100};
  EXPECT_DOUBLE_EQ(*weighted_mean(x, std::vector<double>{1, 3}), 75.0);
  EXPECT_FALSE(weighted_mean(x, std::vector<double>{0, 0}));
}

TEST(WeightedMedian, LowerTieRuleTakesTheSmallerPosition) {
  const std::vector<double> x{10, 20, 30, 40};
  const std::vector<double> equal{1, 1, 1, 1};
  EXPECT_DOUBLE_EQ(*weighted_median(x, equal, MedianTie::lower), 20.0);
  EXPECT_DOUBLE_EQ(*weighted_median(x, equal, MedianTie::midpoint), 25.0);
}

TEST(WeightedMedian, TiesSurviveRoundingOfTheWeights) {
  // 0.1 + 0.5 is 0.6 on paper but the total 1.2 is 1.2000000000000002 in doubles.
  const std::vector<double> x{10, 20, 30, 40};
  const std::vector<double> w{0.1, 0.5, 0.2, 0.4};
  EXPECT_DOUBLE_EQ(*weighted_median(x, w, MedianTie::lower), 20.0);
  EXPECT_DOUBLE_EQ(*weighted_median(x, w, MedianTie::midpoint), 25.0);
}

TEST(WeightedMedian, HeavyActorIsTheMedian) {
  const std::vector<double> x{90, 10, 50};
  EXPECT_DOUBLE_EQ(*weighted_median(x, std::vector<double>{0.2, 0.2, 0.7}, MedianTie::lower), 50.0);
  EXPECT_DOUBLE_EQ(*weighted_median(x, std::vector<double>{5, 1, 1}, MedianTie::lower), 90.0);
}

TEST(WeightedMedian, IgnoresZeroWeightsAndEmptyInput) {
  const std::vector<double> x{0, 100, 50};
  EXPECT_DOUBLE_EQ(*weighted_median(x, std::vector<double>{0, 1, 0}, MedianTie::lower), 100.0);
  EXPECT_FALSE(weighted_median(x, std::vector<double>{0, 0, 0}, MedianTie::lower));
}


// The median of a short list is found by an insertion sort, of a long one (or one with a NaN) by
// std::stable_sort: both must pick what a stable sort by position picks, with a reused order.
TEST(WeightedMedian, AReusedOrderGivesTheStableSortsMedian) {
  std::vector<std::size_t> order{7, 7, 7};  // stale contents
  for (const std::size_t n : {1U, 2U, 5U, 32U, 33U, 80U}) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      std::vector<double> positions;
      std::vector<double> weights;
      std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + n;
      const auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
      };
      for (std::size_t i = 0; i < n; ++i) {
        positions.push_back(static_cast<double>(next() % 7) * 10.0);  // many equal positions
        weights.push_back(static_cast<double>(next() % 4));           // some zero weights
      }
      for (const MedianTie tie : {MedianTie::lower, MedianTie::midpoint}) {
        // The reference: indices of positive weight, stable-sorted by position, then the rule.
        std::vector<std::size_t> sorted;
        for (std::size_t i = 0; i < n; ++i) {
          if (weights[i] > 0.0) sorted.push_back(i);
        }
        std::stable_sort(sorted.begin(), sorted.end(),
                         [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });
        EXPECT_EQ(weighted_median(positions, weights, tie, order), weighted_median(positions, weights, tie))
            << n << " " << seed;
        if (!sorted.empty()) {
          EXPECT_EQ(order, sorted) << n << " " << seed;
        }
      }
    }
  }
  const std::vector<double> with_nan{3.0, std::nan(""), 1.0, 2.0};
  const std::vector<double> ones{1.0, 1.0, 1.0, 1.0};
  const auto bits = [](std::optional<double> v) { return std::bit_cast<std::uint64_t>(v.value_or(-1.0)); };
  EXPECT_EQ(bits(weighted_median(with_nan, ones, MedianTie::lower, order)),
            bits(weighted_median(with_nan, ones, MedianTie::lower)));
}

}  // namespace parley

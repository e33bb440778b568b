#include "core/weighted.hpp"

#include <gtest/gtest.h>

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

}  // namespace parley

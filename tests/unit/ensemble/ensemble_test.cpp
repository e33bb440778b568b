// The ensemble's rules, intervals and fitting: combinations with missing members, split-conformal
// quantiles, probabilities from the error distribution, and leave-one-case-out scoring that never
// lets a case inform its own forecast or interval.

#include "parley/ensemble.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "ensemble/fit.hpp"
#include "parley/errors.hpp"

namespace parley {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

EnsembleRule weighted(std::vector<double> weights) {
  EnsembleRule rule;
  for (std::size_t m = 0; m < weights.size(); ++m) rule.members.push_back({"m" + std::to_string(m), {}});
  rule.weights = std::move(weights);
  return rule;
}

TEST(EnsembleCombine, WeightsRenormaliseOverTheMembersWithAForecast) {
  const EnsembleRule rule = weighted({0.5, 0.25, 0.25});
  EXPECT_DOUBLE_EQ(combine(rule, std::vector<double>{40, 80, 0}), 40.0);
  EXPECT_DOUBLE_EQ(combine(rule, std::vector<double>{40, kNaN, 100}), 60.0);
  EXPECT_TRUE(std::isnan(combine(weighted({1.0, 0.0}), std::vector<double>{kNaN, 30})));
}

TEST(EnsembleCombine, MedianAndTrimmedMeanSkipMissingForecasts) {
  EnsembleRule median{Combination::median, {}, {}, 0.0};
  EXPECT_DOUBLE_EQ(combine(median, std::vector<double>{10, kNaN, 30, 90}), 30.0);
  EXPECT_DOUBLE_EQ(combine(median, std::vector<double>{10, 20, 30, 90}), 25.0);
  EnsembleRule trimmed{Combination::trimmed, {}, {}, 0.2};
  // 5 forecasts: one dropped at each end.
  EXPECT_DOUBLE_EQ(combine(trimmed, std::vector<double>{0, 10, 20, 30, 100}), 20.0);
  // 4 forecasts: floor(0.8) = 0 dropped.
  EXPECT_DOUBLE_EQ(combine(trimmed, std::vector<double>{0, 10, 20, 30}), 15.0);
  EXPECT_TRUE(std::isnan(combine(trimmed, std::vector<double>{kNaN})));
}

TEST(EnsembleSpread, IsTheStandardDeviationOverTheWidth) {
  EXPECT_DOUBLE_EQ(member_spread(std::vector<double>{40, 60, kNaN}, 100.0), 0.1);
  EXPECT_DOUBLE_EQ(member_spread(std::vector<double>{40}, 100.0), 0.0);
}

std::vector<ensemble::Residual> residuals(std::vector<double> errors) {
  std::vector<ensemble::Residual> out;
  for (const double error : errors) out.push_back({error, 0.0});
  return out;
}

TEST(EnsembleConformal, TakesTheCeilOfMPlusOneTimesTheLevel) {
  // m = 9: ranks ceil(10 · 0.5) = 5, ceil(10 · 0.8) = 8, ceil(10 · 0.95) = 10 > 9 → the whole scale.
  const auto intervals = ensemble::conformal(IntervalScale::constant, 0.05,
                                             residuals({0.09, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08}));
  EXPECT_DOUBLE_EQ(intervals.quantiles[0], 0.05);
  EXPECT_DOUBLE_EQ(intervals.quantiles[1], 0.08);
  EXPECT_TRUE(std::isinf(intervals.quantiles[2]));
  const auto ranges = intervals_around(intervals, 97.0, 0.0, 0.0, 100.0);
  EXPECT_DOUBLE_EQ(ranges[0].low, 92.0);
  EXPECT_DOUBLE_EQ(ranges[0].high, 100.0);  // clipped to the scale
  EXPECT_DOUBLE_EQ(ranges[2].low, 0.0);
  EXPECT_DOUBLE_EQ(ranges[2].high, 100.0);
  ASSERT_EQ(intervals.score_quantiles.size(), 21u);
  EXPECT_DOUBLE_EQ(intervals.score_quantiles.front(), 0.01);
  EXPECT_DOUBLE_EQ(intervals.score_quantiles.back(), 0.09);
}

TEST(EnsembleConformal, SpreadScalingDividesTheScores) {
  const std::vector<ensemble::Residual> scored{{0.2, 0.15}, {0.1, 0.0}, {0.3, 0.05}};
  const auto intervals = ensemble::conformal(IntervalScale::spread, 0.05, scored);
  // Scores 0.2 / 0.2 = 1, 0.1 / 0.05 = 2, 0.3 / 0.1 = 3; the 50 % rank is ceil(4 · 0.5) = 2.
  EXPECT_DOUBLE_EQ(intervals.quantiles[0], 2.0);
  const auto ranges = intervals_around(intervals, 50.0, 0.05, 0.0, 100.0);
  EXPECT_DOUBLE_EQ(ranges[0].low, 30.0);
  EXPECT_DOUBLE_EQ(ranges[0].high, 70.0);
}

TEST(EnsembleProbability, ComesFromTheSymmetricErrorDistribution) {
  IntervalCalibration intervals;
  intervals.score_quantiles = {0.0, 0.2};  // |error| uniform on [0, 0.2] of the scale
  EXPECT_DOUBLE_EQ(score_cdf(intervals, 0.1), 0.5);
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_DOUBLE_EQ(probability_between(intervals, 50.0, 0.0, 100.0, 50.0, inf), 0.5);
  EXPECT_DOUBLE_EQ(probability_between(intervals, 50.0, 0.0, 100.0, 40.0, 60.0), 0.5);
  EXPECT_DOUBLE_EQ(probability_between(intervals, 50.0, 0.0, 100.0, 75.0, inf), 0.0);
  EXPECT_DOUBLE_EQ(probability_between(intervals, 50.0, 0.0, 100.0, -inf, 60.0), 0.75);
}

TEST(EnsembleProbability, AJumpWhereManyErrorsAreZero) {
  IntervalCalibration intervals;
  intervals.score_quantiles = {0.0, 0.0, 0.0, 0.1, 0.2};  // half the errors are exactly 0
  EXPECT_DOUBLE_EQ(score_cdf(intervals, 0.0), 0.5);
  EXPECT_DOUBLE_EQ(score_cdf(intervals, 0.05), 0.625);
}

// Three cases: the outcome is member 0's forecast in cases a and b, member 1's in case c.
ensemble::Data three_cases() {
  ensemble::Data data;
  data.members = {"x", "y"};
  data.cases = 3;
  data.items = {
      {0, "i", 20, 0, 100, {20, 80}},
      {0, "j", 30, 0, 100, {30, 10}},
      {1, "i", 60, 0, 100, {60, 0}},
      {2, "i", 90, 0, 100, {40, 90}},
  };
  return data;
}

TEST(EnsembleCrossValidate, ChoiceIsFittedWithoutTheCaseItForecasts) {
  const EnsembleCandidate choice{"choice", EnsembleFamily::choice, {{"x", {}}, {"y", {}}}, ""};
  const auto cv = ensemble::cross_validate(choice, three_cases(), true);
  // Without c, x is exact; without a or b, x still wins (its errors 0 + 50 against y's 60 + 0 ...).
  EXPECT_DOUBLE_EQ(cv.forecast[3], 40.0);  // c is forecast by x, fitted on a and b
  EXPECT_EQ(cv.rules[2].weights, (std::vector<double>{1.0, 0.0}));
  // c's calibration set: the items of a and b, each forecast without its own case and c.
  ASSERT_EQ(cv.inner[2].size(), 3u);
  for (const auto& residual : cv.inner[2]) EXPECT_DOUBLE_EQ(residual.error, 0.0);
  // a's calibration set: b and c, forecast without a and the other.
  ASSERT_EQ(cv.inner[0].size(), 2u);
}

TEST(EnsembleCrossValidate, StackWeightsAreFittedOnTheOtherCases) {
  const EnsembleCandidate stack{"stack", EnsembleFamily::stack, {{"x", {}}, {"y", {}}}, ""};
  const auto data = three_cases();
  const auto columns = ensemble::pool_columns(stack, data);
  const auto rule = ensemble::fit_rule(stack, data, columns, std::vector<char>{0, 0, 1});
  EXPECT_DOUBLE_EQ(rule.weights[0], 1.0);  // on a and b alone, x is exact
  EXPECT_THROW((void)ensemble::pool_columns({"s", EnsembleFamily::stack, {{"z", {}}}, ""}, data), ConfigError);
}

TEST(EnsembleCrossValidate, MissingMembersAreImputedByTheEnsemblesOwnForecast) {
  ensemble::Data data;
  data.members = {"x", "y"};
  data.cases = 4;
  // y is missing on case 3; the outcome is always halfway between x and y where both exist.
  data.items = {{0, "i", 50, 0, 100, {40, 60}},
                {1, "i", 30, 0, 100, {20, 40}},
                {2, "i", 70, 0, 100, {60, 80}},
                {3, "i", 10, 0, 100, {10, kNaN}}};
  const EnsembleCandidate stack{"stack", EnsembleFamily::stack, {{"x", {}}, {"y", {}}}, ""};
  const auto rule = ensemble::fit_rule(stack, data, ensemble::pool_columns(stack, data), std::vector<char>(4, 0));
  EXPECT_NEAR(rule.weights[0], 0.5, 1e-12);
  EXPECT_NEAR(combine(rule, std::vector<double>{10, kNaN}), 10.0, 1e-12);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

bool same(const std::vector<ensemble::Residual>& a, const std::vector<ensemble::Residual>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].error != b[i].error || a[i].spread != b[i].spread) return false;
  }
  return true;
}

// Nested cross-validation of a stack on threads gives the same result, bit for bit, as on one.
TEST(EnsembleCrossValidate, ThreadsChangeNothing) {
  ensemble::Data data;
  data.members = {"a", "b", "c"};
  data.cases = 9;
  for (std::size_t c = 0; c < data.cases; ++c) {
    for (int k = 0; k < 2; ++k) {
      const double x = static_cast<double>((c * 37 + static_cast<std::size_t>(k) * 11) % 100);
      const double forecasts_c = k == 1 && c == 4 ? kNaN : std::fmod(x * 1.7, 100.0);
      data.items.push_back({c,
                            "i" + std::to_string(k),
                            std::fmod(x * 0.9 + 7.0, 100.0),
                            0,
                            100,
                            {x, std::fmod(x + 40.0, 100.0), forecasts_c}});
    }
  }
  const EnsembleCandidate stack{"stack", EnsembleFamily::stack, {{"a", {}}, {"b", {}}, {"c", {}}}, ""};
  const auto one = ensemble::cross_validate(stack, data, true, 1);
  const auto three = ensemble::cross_validate(stack, data, true, 3);
  for (std::size_t i = 0; i < data.items.size(); ++i) EXPECT_EQ(one.forecast[i], three.forecast[i]);
  for (std::size_t c = 0; c < data.cases; ++c) {
    EXPECT_TRUE(same(one.inner[c], three.inner[c])) << c;
    EXPECT_EQ(one.rules[c], three.rules[c]) << c;
  }
}

}  // namespace
}  // namespace parley

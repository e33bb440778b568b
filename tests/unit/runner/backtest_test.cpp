// Backtests: which issues are scored, the error statistics, the paired comparison and its
// bootstrap, and independence of the order cases come in.

#include "parley/backtest.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/statistics.hpp"
#include "parley/errors.hpp"

namespace parley {
namespace {

// One issue with actors at `positions` (capability 1, salience 1), status quo and outcome.
Scenario one_issue(const std::vector<double>& positions, std::optional<double> status_quo,
                   std::optional<double> outcome) {
  Scenario scenario;
  scenario.title = "t";
  scenario.as_of = *Date::parse("2020-01-01");
  Issue issue;
  issue.id = "x";
  issue.question = "q";
  issue.status_quo = status_quo;
  issue.outcome = outcome;
  scenario.issues.push_back(issue);
  for (std::size_t i = 0; i < positions.size(); ++i) {
    Actor actor;
    actor.id = "a" + std::to_string(i);
    actor.name = actor.id;
    actor.capability = 1.0;
    actor.stances.push_back({"x", Stance{.position = positions[i], .salience = 1.0}});
    scenario.actors.push_back(actor);
  }
  return scenario;
}

std::vector<BacktestCase> cases() {
  return {
      {"c1", one_issue({0, 30}, 0, 20)},              // compromise 15 (error 5), median 0 (20), status quo 0 (20)
      {"c2", one_issue({40, 60, 100}, {}, 70)},       // compromise 66.67, median 60, status quo: none
      {"c3", one_issue({10, 20}, 50, std::nullopt)},  // no outcome: skipped
  };
}

BacktestRequest request(std::vector<std::string> names) {
  BacktestRequest request;
  request.models = select_models(names, {}, 1);
  request.bootstrap_samples = 200;
  return request;
}

TEST(Statistics, QuantilesInterpolate) {
  EXPECT_DOUBLE_EQ(quantile({1, 2, 3, 4}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(quantile({4, 1, 3, 2}, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(quantile({7}, 0.9), 7.0);
  EXPECT_TRUE(std::isnan(quantile({}, 0.5)));
  EXPECT_DOUBLE_EQ(median_of({5, 1, 3}), 3.0);
  const std::vector<double> values{3, 4};
  EXPECT_DOUBLE_EQ(root_mean_square(values), std::sqrt(12.5));
  EXPECT_DOUBLE_EQ(mean_of(values), 3.5);
}

TEST(Backtest, ScoresIssuesWithAnOutcome) {
  const BacktestResult result = backtest(cases(), request({"compromise", "median", "status_quo"}));
  EXPECT_EQ(result.cases, 3u);
  EXPECT_EQ(result.issues, 3u);
  EXPECT_EQ(result.issues_without_outcome, 1u);
  ASSERT_EQ(result.models.size(), 3u);
  const ModelScore& compromise = result.models[0];
  EXPECT_EQ(compromise.issues, 2u);
  const double second = 70.0 - 200.0 / 3.0;
  EXPECT_DOUBLE_EQ(compromise.mae, (5.0 + second) / 2.0);
  EXPECT_DOUBLE_EQ(compromise.rmse, std::sqrt((25.0 + second * second) / 2.0));
  EXPECT_DOUBLE_EQ(compromise.difference, 0.0);
  const ModelScore& median = result.models[1];
  EXPECT_DOUBLE_EQ(median.mae, 15.0);
  EXPECT_DOUBLE_EQ(median.median_ae, 15.0);
  EXPECT_DOUBLE_EQ(median.difference, ((20.0 - 5.0) + (10.0 - second)) / 2.0);
  const ModelScore& status_quo = result.models[2];
  EXPECT_EQ(status_quo.issues, 1u);
  EXPECT_EQ(status_quo.no_forecast, 1u);  // c2 has no status quo
  EXPECT_EQ(status_quo.paired_issues, 1u);
  EXPECT_DOUBLE_EQ(status_quo.difference, 20.0 - 5.0);
  ASSERT_EQ(result.scores.size(), 5u);
  EXPECT_EQ(result.scores[0].case_name, "c1");
  EXPECT_DOUBLE_EQ(result.scores[0].error(), -5.0);
}

TEST(Backtest, IntervalsContainTheEstimate) {
  const BacktestResult result = backtest(cases(), request({"compromise", "median"}));
  for (const auto& score : result.models) {
    EXPECT_LE(score.mae_interval.low, score.mae);
    EXPECT_GE(score.mae_interval.high, score.mae);
  }
  EXPECT_LE(result.models[1].difference_interval.low, result.models[1].difference);
  EXPECT_GE(result.models[1].difference_interval.high, result.models[1].difference);
}

TEST(Backtest, WithoutTheReferenceThereIsNoDifference) {
  const BacktestResult result = backtest(cases(), request({"median"}));
  EXPECT_TRUE(std::isnan(result.models[0].difference));
  EXPECT_EQ(result.models[0].paired_issues, 0u);
}

TEST(Backtest, SameResultWhateverTheOrderOfTheCases) {
  auto shuffled = cases();
  std::swap(shuffled[0], shuffled[2]);
  const BacktestResult a = backtest(cases(), request({"compromise", "median"}));
  const BacktestResult b = backtest(shuffled, request({"compromise", "median"}));
  for (std::size_t m = 0; m < a.models.size(); ++m) {
    EXPECT_EQ(a.models[m].mae, b.models[m].mae);
    EXPECT_EQ(a.models[m].mae_interval.low, b.models[m].mae_interval.low);
    EXPECT_EQ(a.models[m].difference_interval.high, b.models[m].difference_interval.high);
  }
}

// Cross-validation: leave one case out, choose the candidate with the lowest MAE on the others.
TEST(Backtest, CrossValidationChoosesOnTheOtherCases) {
  // c1: compromise 15 (error 5), median 0 (20). c2: compromise 66.67 (3.33), median 60 (10).
  // c4: actors at 0 and 90, outcome 0: compromise 45 (45), median 0 (0).
  std::vector<BacktestCase> all = cases();
  all.push_back({"c4", one_issue({0, 90}, std::nullopt, 0)});
  BacktestRequest with = request({"compromise", "median", "status_quo"});
  with.cross_validate = true;
  const BacktestResult result = backtest(all, with);
  ASSERT_TRUE(result.cross_validation);
  const CrossValidation& validation = *result.cross_validation;
  // status_quo has no forecast where there is no status quo: not a candidate.
  EXPECT_EQ(validation.candidates, (std::vector<std::string>{"compromise", "median"}));
  // Leaving c1 out: compromise (3.33 + 45)/2 against median (10 + 0)/2: median. Leaving c2 out:
  // compromise 25, median 10: median. Leaving c4 out: compromise 4.17, median 15: compromise.
  const std::vector<std::pair<std::string, std::string>> chosen{
      {"c1", "median"}, {"c2", "median"}, {"c3", "median"}, {"c4", "compromise"}};
  EXPECT_EQ(validation.chosen, chosen);
  EXPECT_EQ(validation.score.model, "cross-validated");
  EXPECT_EQ(validation.score.issues, 3u);
  EXPECT_NEAR(validation.score.mae, (20.0 + 10.0 + 45.0) / 3.0, 1e-12);  // worse than either: honest
  EXPECT_NEAR(validation.score.difference, ((20.0 - 5.0) + (10.0 - 10.0 / 3.0) + 0.0) / 3.0, 1e-9);
}

TEST(Backtest, VariantsOfOneModelAreSeparateModels) {
  BacktestRequest with;
  with.models = select_models({"compromise", "median", "median@mid"}, {"median@mid.tie=midpoint"}, 1);
  ASSERT_EQ(with.models.size(), 3u);
  EXPECT_EQ(with.models[2].name, "median@mid");
  EXPECT_EQ(with.models[2].parameters.choice("tie"), "midpoint");
  EXPECT_EQ(with.models[1].parameters.choice("tie"), "lower");
  const BacktestResult result = backtest(cases(), with);
  EXPECT_EQ(result.models[2].model, "median@mid");
  EXPECT_THROW((void)select_models({"median@"}, {}, 1), ConfigError);
  EXPECT_THROW((void)select_models({"median@a.b"}, {}, 1), ConfigError);
  EXPECT_THROW((void)select_models({"median"}, {"median@mid.tie=midpoint"}, 1), ConfigError);
  EXPECT_THROW((void)select_models({"nope@x"}, {}, 1), ConfigError);
}

}  // namespace
}  // namespace parley

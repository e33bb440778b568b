// parley's answer: which models run with the ensemble, the headline and its intervals on a run,
// agreement, flags, claims' probabilities, and Monte Carlo's mixture of samples and calibrated error.

#include "parley/answer.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "parley/io/calibration_json.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/errors.hpp"
#include "parley/registry.hpp"
#include "parley/run.hpp"

namespace parley {
namespace {

Scenario pakistan() {
  const auto* embedded = io::find_embedded("pakistan-2023");
  return io::read_scenario_yaml(embedded->text, "pakistan-2023.yaml", {.strict = true}).scenario;
}

// A calibration of two members, half and half, with a ±10-point 80 % interval.
Calibration half_and_half() {
  Calibration calibration;
  calibration.candidate = {
      "pair", EnsembleFamily::stack, {{"compromise", {}}, {"nash@conflict", {{"disagreement", "conflict"}}}}, ""};
  calibration.rule.members = calibration.candidate.pool;
  calibration.rule.weights = {0.5, 0.5};
  calibration.intervals.quantiles = {0.05, 0.1, 0.2};
  calibration.intervals.score_quantiles = {0.0, 0.2};
  return calibration;
}

TEST(PlanModels, TheDefaultSelectionAddsTheMembersAndTheEnsemble) {
  const ModelPlan plan = plan_models({}, {}, 6, half_and_half());
  EXPECT_TRUE(plan.ensemble);
  EXPECT_EQ(plan.models.size(), model_registry().size() + 1);
  EXPECT_EQ(plan.models.back().name, "nash@conflict");
  EXPECT_EQ(plan.models.back().parameters.choice("disagreement"), "conflict");
}

TEST(PlanModels, NamedModelsLeaveTheEnsembleOutUnlessAskedFor) {
  EXPECT_FALSE(plan_models({"compromise"}, {}, 6, half_and_half()).ensemble);
  const ModelPlan asked = plan_models({"ensemble"}, {}, 6, half_and_half());
  EXPECT_TRUE(asked.ensemble);
  ASSERT_EQ(asked.models.size(), 2u);
  EXPECT_EQ(asked.models[0].name, "compromise");
  const ModelPlan with = plan_models({"mean", "ensemble"}, {}, 6, half_and_half());
  EXPECT_EQ(with.models.size(), 3u);
}

TEST(PlanModels, ChangingAMembersParametersDropsOrRefusesTheEnsemble) {
  Calibration with_mean = half_and_half();
  with_mean.rule.members[0] = {"mean", {}};
  const ModelPlan plan = plan_models({}, {"mean.weights=salience"}, 6, with_mean);
  EXPECT_FALSE(plan.ensemble);
  EXPECT_NE(plan.note.find("'mean'"), std::string::npos) << plan.note;
  EXPECT_THROW((void)plan_models({"mean", "ensemble"}, {"mean.weights=salience"}, 6, with_mean), ConfigError);
  EXPECT_THROW((void)plan_models({"ensemble"}, {"nash.utility=quadratic"}, 6, half_and_half()), ConfigError);
}

TEST(Answer, HeadlineIsTheRuleOnTheMembersWithItsIntervals) {
  RunRequest request;
  const ModelPlan plan = plan_models({"ensemble", "nash"}, {}, 6, half_and_half());
  request.models = plan.models;
  request.ensemble = half_and_half();
  const RunResult result = run(pakistan(), request);
  ASSERT_TRUE(result.answer);
  ASSERT_EQ(result.answer->issues.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    const IssueAnswer& item = result.answer->issues[i];
    double members = 0.0;
    for (const auto& model_run : result.runs) {
      if (model_run.model != "nash") members += model_run.outcome.issues[i].forecast;
    }
    EXPECT_DOUBLE_EQ(item.forecast, members / 2.0) << item.issue;
    EXPECT_DOUBLE_EQ(item.intervals[1].low, std::max(0.0, item.forecast - 10.0));
    EXPECT_DOUBLE_EQ(item.intervals[1].high, std::min(100.0, item.forecast + 10.0));
    // nash (status quo disagreement) collapses to the status quo on every issue of this scenario.
    ASSERT_FALSE(item.flags.empty());
    EXPECT_EQ(item.flags.front().model, "nash");
    EXPECT_EQ(item.flags.front().code, "unanimity_collapse");
    EXPECT_EQ(item.agree.size() + item.disagree.size(), 3u);
    for (const auto& model : item.agree) {
      EXPECT_GE(model.forecast, item.intervals[0].low);
      EXPECT_LE(model.forecast, item.intervals[0].high);
    }
  }
  // Claims about issues are judged on the headline: a probability in [0, 1], 1/2 at the forecast.
  ASSERT_FALSE(result.answer->claims.empty());
  for (const auto& claim : result.answer->claims) {
    EXPECT_GE(claim.probability, 0.0);
    EXPECT_LE(claim.probability, 1.0);
  }
}

TEST(Answer, FlagsSayWhyAModelResultSaysLittle) {
  IssueForecast cycle{"x", 50.0, 12, StopReason::cycle, {}};
  cycle.cycle_period = 2;
  cycle.cycle_low = 40;
  cycle.cycle_high = 60;
  const auto flags = flags_of("eum", cycle);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].text, "in a cycle of 2 rounds; the forecast is its mean, the cycle ranges over [40.0, 60.0]");
  EXPECT_EQ(flags_of("exchange", {"x", 50.0, 10, StopReason::max_rounds, {}})[0].code, "max_rounds");
  EXPECT_EQ(flags_of("smp", {"x", std::nan(""), 0, StopReason::undefined, {}})[0].code, "undefined");
  EXPECT_TRUE(flags_of("compromise", {"x", 50.0, 0, StopReason::closed_form, {}}).empty());
}

TEST(Mixture, WithoutScenarioUncertaintyItIsTheCalibratedError) {
  IntervalCalibration intervals;
  intervals.score_quantiles = {0.0, 0.2};  // |error| uniform on [0, 20] points
  const MixtureSummary summary =
      summarise_mixture(intervals, std::vector<MixtureComponent>(5000, {50.0, 0.0}), 0.0, 100.0);
  EXPECT_NEAR(summary.median, 50.0, 1e-9);
  EXPECT_NEAR(summary.intervals[1].low, 34.0, 1e-9);  // 80 %: |error| <= 16
  EXPECT_NEAR(summary.intervals[1].high, 66.0, 1e-9);
  EXPECT_NEAR(summary.intervals[0].high, 60.0, 1e-9);  // 50 %: |error| <= 10
}

TEST(Mixture, SpreadSamplesWidenTheIntervalsAndClipToTheScale) {
  IntervalCalibration intervals;
  intervals.score_quantiles = {0.0, 0.2};
  std::vector<MixtureComponent> components;
  for (int k = 0; k < 101; ++k) components.push_back({static_cast<double>(k), 0.0});
  const MixtureSummary summary = summarise_mixture(intervals, components, 0.0, 100.0);
  EXPECT_NEAR(summary.median, 50.0, 1e-6);
  EXPECT_DOUBLE_EQ(summary.intervals[2].low, 0.0);
  EXPECT_GT(summary.intervals[1].high - summary.intervals[1].low, 32.0);
  EXPECT_NEAR(mixture_probability(intervals, components, 100.0, 50.0, std::numeric_limits<double>::infinity()), 0.5,
              1e-9);
}

TEST(ShippedCalibration, IsReadFromTheBinaryAndIsConsistent) {
  const Calibration& shipped = io::shipped_calibration();
  EXPECT_FALSE(shipped.rule.members.empty());
  double total = 0.0;
  for (const double weight : shipped.rule.weights) total += weight;
  if (shipped.rule.combination == Combination::weighted) {
    EXPECT_NEAR(total, 1.0, 1e-9);
  }
  EXPECT_LE(shipped.intervals.quantiles[0], shipped.intervals.quantiles[1]);
  EXPECT_LE(shipped.intervals.quantiles[1], shipped.intervals.quantiles[2]);
  EXPECT_EQ(shipped.cases.size(), shipped.figures.cases);
  for (const auto& member : shipped.rule.members) EXPECT_NO_THROW((void)find_model(member.model())) << member.name;
}

}  // namespace
}  // namespace parley

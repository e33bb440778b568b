// The uncertainty block: our distributions have the moments they claim, the sampler perturbs what
// the scenario says and nothing else, and a claim holds where it should.

#include <gtest/gtest.h>

#include <cmath>

#include "core/statistics.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/problem.hpp"
#include "parley/timeline.hpp"
#include "uncertainty/distributions.hpp"
#include "uncertainty/sampler.hpp"

namespace parley {
namespace {

std::pair<double, double> moments(const std::vector<double>& values) {
  const double mean = mean_of(values);
  double squares = 0.0;
  for (const double v : values) squares += (v - mean) * (v - mean);
  return {mean, std::sqrt(squares / static_cast<double>(values.size() - 1))};
}

TEST(Distributions, NormalGammaAndBetaHaveTheirMoments) {
  Rng rng = make_rng(5, 0);
  std::vector<double> normal;
  std::vector<double> gamma;
  std::vector<double> beta;
  std::vector<double> truncated;
  for (int k = 0; k < 100000; ++k) {
    normal.push_back(draw_normal(rng));
    gamma.push_back(draw_gamma(rng, 2.5));
    beta.push_back(draw_beta_mean_sd(rng, 0.3, 0.1));
    truncated.push_back(draw_truncated_normal(rng, 95.0, 10.0, 0.0, 100.0));
  }
  EXPECT_NEAR(moments(normal).first, 0.0, 0.02);
  EXPECT_NEAR(moments(normal).second, 1.0, 0.02);
  EXPECT_NEAR(moments(gamma).first, 2.5, 0.03);
  EXPECT_NEAR(moments(gamma).second, std::sqrt(2.5), 0.03);
  EXPECT_NEAR(moments(beta).first, 0.3, 0.003);
  EXPECT_NEAR(moments(beta).second, 0.1, 0.003);
  for (const double v : truncated) {
    ASSERT_GE(v, 0.0);
    ASSERT_LE(v, 100.0);
  }
  EXPECT_LT(moments(truncated).first, 95.0);  // the cut at 100 pulls the mean down
}

TEST(Distributions, ZeroSpreadAndEdgesAreExact) {
  Rng rng = make_rng(5, 1);
  EXPECT_EQ(draw_truncated_normal(rng, 40.0, 0.0, 0.0, 100.0), 40.0);
  EXPECT_EQ(draw_beta_mean_sd(rng, 0.7, 0.0), 0.7);
  const double edge = draw_beta_mean_sd(rng, 1.0, 0.1);  // no beta has mean 1: truncated normal
  EXPECT_GE(edge, 0.0);
  EXPECT_LE(edge, 1.0);
}

Scenario pakistan() {
  return io::read_scenario_yaml(io::find_embedded("pakistan-2023")->text, "pakistan-2023.yaml", {}).scenario;
}

TEST(Sampler, WithoutUncertaintyEverySampleIsTheScenario) {
  Scenario scenario = pakistan();
  scenario.uncertainty = {};
  const Problem problem = make_problem(scenario_at(scenario, scenario.as_of));
  const Sampler sampler(scenario, problem);
  EXPECT_FALSE(sampler.uncertain());
  Rng rng = make_rng(1, 7);
  EXPECT_EQ(sampler.apply(sampler.draw(rng)), problem);
}

TEST(Sampler, PerturbsWithinTheScalesAndOneFactorPerActor) {
  const Scenario scenario = pakistan();
  const Problem problem = make_problem(scenario_at(scenario, scenario.as_of));
  const Sampler sampler(scenario, problem);
  ASSERT_TRUE(sampler.uncertain());
  Rng rng = make_rng(1, 3);
  const Problem sample = sampler.apply(sampler.draw(rng));
  ASSERT_EQ(sample.issues.size(), problem.issues.size());
  std::vector<double> factor(problem.actors.size(), -1.0);
  for (std::size_t i = 0; i < sample.issues.size(); ++i) {
    ASSERT_EQ(sample.issues[i].participants.size(), problem.issues[i].participants.size());  // no dropout set
    for (std::size_t k = 0; k < sample.issues[i].participants.size(); ++k) {
      const Participant& before = problem.issues[i].participants[k];
      const Participant& after = sample.issues[i].participants[k];
      EXPECT_GE(after.position, problem.issues[i].min);
      EXPECT_LE(after.position, problem.issues[i].max);
      EXPECT_GE(after.salience, 0.0);
      EXPECT_LE(after.salience, 1.0);
      const double ratio = after.capability / before.capability;
      if (factor[after.actor] < 0.0) factor[after.actor] = ratio;
      EXPECT_NEAR(ratio, factor[after.actor], 1e-12);  // one capability factor per actor
    }
  }
  // The actors' default capabilities (smp's) vary by the same factor.
  ASSERT_EQ(sample.capabilities.size(), problem.capabilities.size());
  for (std::size_t a = 0; a < problem.capabilities.size(); ++a) {
    if (factor[a] >= 0.0) {
      EXPECT_NEAR(sample.capabilities[a] / problem.capabilities[a], factor[a], 1e-12);
    }
  }
  // The same stream gives the same sample.
  Rng again = make_rng(1, 3);
  EXPECT_EQ(sampler.apply(sampler.draw(again)), sample);
}

TEST(Sampler, OverridesAndDropout) {
  Scenario scenario = pakistan();
  scenario.uncertainty = {};
  scenario.uncertainty.overrides.push_back({"TTP", "", Noise{.dropout = 1.0}});
  scenario.uncertainty.overrides.push_back({"USA", "us_airspace", Noise{.position = 5.0}});
  const Problem problem = make_problem(scenario_at(scenario, scenario.as_of));
  const Sampler sampler(scenario, problem);
  Rng rng = make_rng(2, 0);
  const Problem sample = sampler.apply(sampler.draw(rng));
  for (std::size_t i = 0; i < sample.issues.size(); ++i) {
    for (const auto& participant : sample.issues[i].participants) {
      EXPECT_NE(sample.actors[participant.actor], "TTP");
      const bool perturbed = sample.actors[participant.actor] == "USA" && sample.issues[i].id == "us_airspace";
      const auto& original = problem.issues[i].participants;
      const auto found = std::find_if(original.begin(), original.end(),
                                      [&](const Participant& p) { return p.actor == participant.actor; });
      ASSERT_NE(found, original.end());
      if (!perturbed) {
        EXPECT_EQ(participant.position, found->position);
      }
      EXPECT_EQ(participant.salience, found->salience);
    }
  }
  const auto groups = sampler.groups();
  ASSERT_EQ(groups.size(), 2u);  // USA position, TTP capability (with presence)
  EXPECT_EQ(groups[0].name, "USA position");
  EXPECT_EQ(groups[1].name, "TTP capability");
}

TEST(Claims, HoldWhereTheySay) {
  Claim within{.kind = ClaimKind::within, .low = 35, .high = 65};
  EXPECT_TRUE(within.holds(35.0));
  EXPECT_TRUE(within.holds(65.0));
  EXPECT_FALSE(within.holds(65.5));
  Claim above{.kind = ClaimKind::above, .low = 40};
  EXPECT_FALSE(above.holds(40.0));
  EXPECT_TRUE(above.holds(40.1));
  Claim below{.kind = ClaimKind::below, .high = 70};
  EXPECT_TRUE(below.holds(69.9));
  EXPECT_FALSE(below.holds(70.0));
}

}  // namespace
}  // namespace parley

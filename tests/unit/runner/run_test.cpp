// The runner: determinism, dates, outputs.

#include "parley/run.hpp"

#include <gtest/gtest.h>

#include "parley/io/embedded.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/errors.hpp"
#include "parley/registry.hpp"

namespace parley {
namespace {

Scenario pakistan() {
  const auto* embedded = io::find_embedded("pakistan-2023");
  return io::read_scenario_yaml(embedded->text, "pakistan-2023.yaml", {.strict = true}).scenario;
}

RunRequest all_models(std::optional<Date> at = std::nullopt) {
  RunRequest request;
  request.at = at;
  request.models = select_models({}, {}, 6);
  return request;
}

}  // namespace

TEST(Run, IsDeterministic) {
  const Scenario scenario = pakistan();
  const RunResult first = run(scenario, all_models());
  const RunResult second = run(scenario, all_models());
  EXPECT_EQ(io::forecast_csv(first), io::forecast_csv(second));
  EXPECT_EQ(io::trajectories_csv(first), io::trajectories_csv(second));
}

TEST(Run, ForecastsEveryIssueWithEveryModel) {
  const RunResult result = run(pakistan(), all_models());
  ASSERT_EQ(result.runs.size(), model_registry().size());
  for (const auto& model_run : result.runs) {
    ASSERT_EQ(model_run.outcome.issues.size(), 6u);
    for (const auto& issue : model_run.outcome.issues) EXPECT_TRUE(std::isfinite(issue.forecast)) << issue.issue;
  }
  const std::string csv = io::forecast_csv(result);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "model,issue,forecast,rounds,converged,stop,cycle_period,cycle_low,cycle_high,low50,high50,low80,high80,"
            "low95,high95");
}

TEST(Run, DateBeforeStartIsAUsageError) {
  EXPECT_THROW((void)run(pakistan(), all_models(Date{2020, 1, 1})), UsageError);
}

TEST(Run, RunJsonRecordsWhatIsNeededToReproduce) {
  const RunResult result = run(pakistan(), all_models(Date{2022, 6, 1}));
  const auto json = io::run_json(result, {"pakistan-2023", "text"});
  EXPECT_EQ(json["at"], "2022-06-01");
  EXPECT_EQ(json["seed"], kDefaultSeed);
  EXPECT_EQ(json["scenario"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(json["models"].size(), model_registry().size());
  bool found_nash = false;
  for (const auto& model : json["models"]) {
    if (model["name"] != "nash") continue;
    found_nash = true;
    EXPECT_EQ(model["parameters"]["disagreement"], "status_quo");
    EXPECT_EQ(model["parameters"]["utility"], "linear");
  }
  EXPECT_TRUE(found_nash);
}

}  // namespace parley

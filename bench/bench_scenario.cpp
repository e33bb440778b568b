// Reading and validating the default scenario, and a whole run of every baseline model on it:
// what `parley` spends before and around the models.

#include <benchmark/benchmark.h>

#include "parley/io/embedded.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/problem.hpp"
#include "parley/run.hpp"
#include "parley/validate.hpp"

namespace {

const parley::io::EmbeddedScenario& pakistan() {
  return *parley::io::find_embedded("pakistan-2023");
}

void BM_ReadPakistanScenario(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(parley::io::read_scenario_yaml(pakistan().text, "pakistan-2023.yaml", {.strict = true}));
  }
}

void BM_RunPakistanAllModels(benchmark::State& state) {
  const auto scenario =
      parley::io::read_scenario_yaml(pakistan().text, "pakistan-2023.yaml", {.strict = true}).scenario;
  parley::RunRequest request;
  request.models = parley::select_models({}, {}, scenario.issues.size());
  for (auto _ : state) {
    const auto result = parley::run(scenario, request);
    benchmark::DoNotOptimize(parley::io::forecast_csv(result));
    benchmark::DoNotOptimize(parley::io::trajectories_csv(result));
  }
}

// A scenario of 3 actors and n issues, in memory: validation and the problem the models read must
// grow linearly with n (they looked stances and issues up by id, and were quadratic, before issue 15).
parley::Scenario many_issues(std::size_t n) {
  parley::Scenario scenario;
  scenario.title = "many issues";
  scenario.as_of = *parley::Date::parse("2023-01-05");
  for (std::size_t i = 0; i < n; ++i) {
    parley::Issue issue;
    issue.id = "i" + std::to_string(i);
    issue.question = "Q?";
    issue.scale.min = 0.0;
    issue.scale.max = 100.0;
    scenario.issues.push_back(issue);
  }
  for (std::size_t a = 0; a < 3; ++a) {
    parley::Actor actor;
    actor.id = "A" + std::to_string(a);
    actor.name = actor.id;
    actor.capability = 1.0 + static_cast<double>(a);
    for (std::size_t i = 0; i < n; ++i) {
      parley::Stance stance;
      stance.position = static_cast<double>((a * 37 + i * 13) % 101);
      stance.salience = 0.5;
      actor.stances.push_back({"i" + std::to_string(i), stance});
    }
    scenario.actors.push_back(actor);
  }
  return scenario;
}

void BM_ValidateAndProblemManyIssues(benchmark::State& state) {
  const auto scenario = many_issues(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const parley::Locator locator;
    benchmark::DoNotOptimize(parley::validate(scenario, locator, {}));
    benchmark::DoNotOptimize(parley::make_problem(scenario));
  }
  state.SetComplexityN(state.range(0));
}

BENCHMARK(BM_ValidateAndProblemManyIssues)
    ->RangeMultiplier(10)
    ->Range(100, 10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_ReadPakistanScenario)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RunPakistanAllModels)->Unit(benchmark::kMicrosecond);

}  // namespace

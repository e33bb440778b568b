// Reading and validating the default scenario, and a whole run of every baseline model on it:
// what `parley` spends before and around the models.

#include <benchmark/benchmark.h>

#include "parley/io/embedded.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/run.hpp"

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

BENCHMARK(BM_ReadPakistanScenario)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RunPakistanAllModels)->Unit(benchmark::kMicrosecond);

}  // namespace

// One Monte Carlo sample of the default scenario, per model and for the default selection (every
// model and the ensemble): what `parley mc` spends per sample on one thread, without the store.
//   build/bench/parley_bench --benchmark_filter=McSample

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parley/io/calibration_json.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/montecarlo.hpp"
#include "parley/run.hpp"

namespace {

const std::vector<std::string> kModels{"all",  "compromise", "mean",     "median", "nash",
                                       "status_quo", "eum",  "exchange", "smp"};

parley::Scenario pakistan() {
  const auto& embedded = *parley::io::find_embedded("pakistan-2023");
  return parley::io::read_scenario_yaml(embedded.text, "pakistan-2023.yaml", {.strict = true}).scenario;
}

// "all": the default selection with the ensemble, as `parley mc` runs it; otherwise one model.
parley::RunRequest request_for(const std::string& model, const parley::Scenario& scenario) {
  parley::RunRequest request;
  const std::vector<std::string> names = model == "all" ? std::vector<std::string>{} : std::vector{model};
  parley::ModelPlan plan =
      parley::plan_models(names, {}, scenario.issues.size(), parley::io::shipped_calibration());
  request.models = std::move(plan.models);
  if (plan.ensemble) request.ensemble = parley::io::shipped_calibration();
  return request;
}

void BM_McSample(benchmark::State& state) {
  const std::string& model = kModels[static_cast<std::size_t>(state.range(0))];
  state.SetLabel(model);
  const parley::Scenario scenario = pakistan();
  const parley::MonteCarlo mc(scenario, request_for(model, scenario));
  parley::MonteCarlo::Worker worker;
  std::uint64_t sample = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(mc.evaluate(sample++ % 4096, worker));
  }
}

BENCHMARK(BM_McSample)->DenseRange(0, static_cast<int>(kModels.size()) - 1)->Unit(benchmark::kMicrosecond);

}  // namespace

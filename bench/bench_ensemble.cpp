// Cost of fitting the ensemble: one stack (least absolute error on the simplex) as decisions and
// members grow, and the nested leave-one-case-out scoring `calibrate` and `backtest` run (one fit per
// pair of cases). Data are random but seeded, coded in steps of 5 as DEU's are.

#include <benchmark/benchmark.h>

#include <cmath>

#include "ensemble/fit.hpp"
#include "ensemble/lad.hpp"
#include "parley/rng.hpp"

namespace {

parley::ensemble::Data random_data(std::size_t cases, std::size_t per_case, std::size_t members) {
  parley::Rng rng = parley::make_rng(3, cases * 100 + members);
  parley::ensemble::Data data;
  for (std::size_t m = 0; m < members; ++m) data.members.push_back("m" + std::to_string(m));
  data.cases = cases;
  for (std::size_t c = 0; c < cases; ++c) {
    for (std::size_t k = 0; k < per_case; ++k) {
      parley::OutcomeRow row{c, "i" + std::to_string(k), 5.0 * std::round(20.0 * rng.uniform()), 0.0, 100.0, {}};
      for (std::size_t m = 0; m < members; ++m) row.forecasts.push_back(100.0 * rng.uniform());
      data.items.push_back(std::move(row));
    }
  }
  return data;
}

void LadFit(benchmark::State& state) {
  const auto rows = static_cast<std::size_t>(state.range(0));
  const auto members = static_cast<std::size_t>(state.range(1));
  const auto data = random_data(rows, 1, members);
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (const auto& item : data.items) {
    x.emplace_back();
    for (const double f : item.forecasts) x.back().push_back(f / 100.0);
    y.push_back(item.outcome / 100.0);
  }
  for (auto _ : state) benchmark::DoNotOptimize(parley::ensemble::lad_simplex_weights(x, y));
  state.SetComplexityN(static_cast<benchmark::IterationCount>(rows));
}
BENCHMARK(LadFit)->ArgsProduct({{45, 90, 180, 360, 720}, {7}})->ArgsProduct({{180}, {3, 10}})->Unit(benchmark::kMicrosecond);

// calibrate's work for one stack candidate: 71 cases of about 2.5 issues, nested.
void NestedStackCrossValidation(benchmark::State& state) {
  const auto cases = static_cast<std::size_t>(state.range(0));
  const auto data = random_data(cases, 2, 7);
  parley::EnsembleCandidate stack{"stack", parley::EnsembleFamily::stack, {}, ""};
  for (const auto& name : data.members) stack.pool.push_back({name, {}});
  for (auto _ : state) benchmark::DoNotOptimize(parley::ensemble::cross_validate(stack, data, true, 1));
}
BENCHMARK(NestedStackCrossValidation)->Arg(18)->Arg(36)->Arg(71)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

// Monte Carlo's headline of one issue: N samples' forecasts plus the calibrated error.
void MixtureOfSamples(benchmark::State& state) {
  parley::Rng rng = parley::make_rng(5, 0);
  std::vector<parley::MixtureComponent> components(static_cast<std::size_t>(state.range(0)));
  for (auto& component : components) component.forecast = 30.0 + 40.0 * rng.uniform();
  parley::IntervalCalibration intervals;
  for (int p = 0; p <= 20; ++p) intervals.score_quantiles.push_back(0.03 * p);
  for (auto _ : state) benchmark::DoNotOptimize(parley::summarise_mixture(intervals, components, 0.0, 100.0));
}
BENCHMARK(MixtureOfSamples)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

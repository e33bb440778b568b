// smp on random, seeded scenarios of n actors × d issues: one turn (with the setups of the state
// before and after it), on 1 and 2 threads. The useful work grows as n³ per turn.

#include <benchmark/benchmark.h>

#include "models/smp/election.hpp"
#include "models/smp/engine.hpp"
#include "parley/rng.hpp"

namespace {

using parley::models::smp::Input;

Input random_input(std::size_t actors, std::size_t dimensions) {
  parley::Rng rng = parley::make_rng(11, actors * 100 + dimensions);
  Input input;
  input.actors = actors;
  input.dimensions = dimensions;
  for (std::size_t a = 0; a < actors; ++a) {
    input.capability.push_back(1.0 + 99.0 * rng.uniform());
    std::vector<double> raw;
    double total = 0.0;
    for (std::size_t k = 0; k < dimensions; ++k) {
      raw.push_back(0.05 + rng.uniform());
      total += raw.back();
    }
    const double share = 0.5 + 0.5 * rng.uniform();  // total salience in [0.5, 1]
    for (std::size_t k = 0; k < dimensions; ++k) {
      input.salience.push_back(raw[k] / total * share);
      input.position.push_back(static_cast<double>(rng.below(10001)) / 10000.0);
    }
  }
  return input;
}

void BM_SmpTurn(benchmark::State& state) {
  const auto actors = static_cast<std::size_t>(state.range(0));
  const auto dimensions = static_cast<std::size_t>(state.range(1));
  const Input input = random_input(actors, dimensions);
  parley::models::smp::Options options;
  options.settings.max_iterations = 1;
  options.threads = static_cast<unsigned>(state.range(2));
  std::size_t bargains = 0;
  for (auto _ : state) {
    const auto result = parley::models::smp::run(input, options);
    bargains = result.turns.front().bargains.size();
    benchmark::DoNotOptimize(result.states.back().position.data());
  }
  state.counters["bargains"] = static_cast<double>(bargains);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_SmpTurn)
    ->ArgsProduct({{10, 20, 40, 80, 160, 320, 400}, {1, 5}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same turn with issue capabilities (a parley extension): each actor's capability on one issue
// in `d` raised tenfold, so that every contest's weights are the pair's own.
void BM_SmpTurnIssueCapabilities(benchmark::State& state) {
  const auto actors = static_cast<std::size_t>(state.range(0));
  const auto dimensions = static_cast<std::size_t>(state.range(1));
  Input input = random_input(actors, dimensions);
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t k = 0; k < dimensions; ++k) {
      input.issue_capability.push_back(input.capability[a] * (k == a % dimensions ? 10.0 : 1.0));
    }
  }
  parley::models::smp::Options options;
  options.settings.max_iterations = 1;
  for (auto _ : state) {
    const auto result = parley::models::smp::run(input, options);
    benchmark::DoNotOptimize(result.states.back().position.data());
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_SmpTurnIssueCapabilities)
    ->ArgsProduct({{10, 20, 40, 80, 160, 320}, {2, 5}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One election of n options among n voters (the size of a state's risk-neutral election), with the
// coalitions' sums looped per pair (0) or per voter (1): the same results, bit for bit.
void BM_SmpElection(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto loop = state.range(1) == 0 ? parley::models::smp::CoalitionLoop::pairwise
                                        : parley::models::smp::CoalitionLoop::by_voter;
  parley::Rng rng = parley::make_rng(12, n);
  std::vector<double> weight(n);
  std::vector<double> value(n * n);
  for (double& w : weight) w = 1.0 + 99.0 * rng.uniform();
  for (double& v : value) v = rng.uniform();
  for (auto _ : state) {
    auto p = parley::models::smp::election({}, weight, value, n, 1, loop);
    benchmark::DoNotOptimize(p.data());
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_SmpElection)->ArgsProduct({{9, 16, 64, 250}, {0, 1}})->Unit(benchmark::kMicrosecond);

}  // namespace

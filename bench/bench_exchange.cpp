// One round of the exchange model on random, seeded scenarios of A actors × I issues, every actor
// with data on every issue: candidates grow as A²·I², realisations and their updates with them.

#include <benchmark/benchmark.h>

#include "models/exchange/round.hpp"
#include "parley/rng.hpp"

namespace {

using parley::models::exchange::Data;

struct Input {
  Data data;
  std::vector<double> start;
};

Input random_input(std::size_t actors, std::size_t issues) {
  parley::Rng rng = parley::make_rng(9, actors * 1000 + issues);
  Input input;
  Data& data = input.data;
  data.actors = actors;
  data.issues = issues;
  data.has.assign(actors * issues, 1);
  data.data.resize(issues);
  data.total.assign(issues, 0.0);
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t i = 0; i < issues; ++i) {
      const double salience = 0.001 + rng.uniform();
      const double power = 0.001 + rng.uniform();
      data.salience.push_back(salience);
      data.power.push_back(power);
      input.start.push_back(static_cast<double>(rng.below(101)));
    }
  }
  for (std::size_t i = 0; i < issues; ++i) {
    for (std::size_t a = 0; a < actors; ++a) {
      data.data[i].push_back(a);
      data.total[i] += data.salience[a * issues + i] * data.power[a * issues + i];
    }
  }
  return input;
}

void BM_ExchangeRound(benchmark::State& state) {
  const auto actors = static_cast<std::size_t>(state.range(0));
  const auto issues = static_cast<std::size_t>(state.range(1));
  const Input input = random_input(actors, issues);
  const parley::models::exchange::Settings settings;
  std::size_t candidates = 0;
  std::size_t exchanges = 0;
  for (auto _ : state) {
    const auto result = parley::models::exchange::play_round(input.data, settings, input.start, 1, 1);
    candidates = result.candidates;
    exchanges = result.exchanges.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["candidates"] = static_cast<double>(candidates);
  state.counters["exchanges"] = static_cast<double>(exchanges);
}

BENCHMARK(BM_ExchangeRound)
    ->Args({50, 10})
    ->Args({100, 10})
    ->Args({100, 20})
    ->Args({200, 10})
    ->Args({200, 20})
    ->Args({400, 10})
    ->Args({50, 40})
    ->Unit(benchmark::kMillisecond);

}  // namespace

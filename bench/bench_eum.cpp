// One round of the expected-utility model as the number of actors grows: the risk pass (n² expected
// utilities with the all-ones exponents), the probabilities (prefix sums over sorted voters) and
// the offer pass, for each variant's probability form and protocol.

#include <benchmark/benchmark.h>

#include "models/eum/options.hpp"
#include "models/eum/round.hpp"
#include "parley/parameters.hpp"
#include "parley/rng.hpp"

namespace {

using parley::models::eum::Actors;

struct RoundInput {
  Actors actors;
  std::vector<double> positions;
};

// n actors; positions on a grid of 101 values (as in real data, where positions repeat) or continuous.
RoundInput random_round(std::size_t n, bool grid) {
  parley::Rng rng = parley::make_rng(3, n);
  RoundInput input;
  for (std::size_t k = 0; k < n; ++k) {
    const double position = grid ? static_cast<double>(rng.below(101)) : 100.0 * rng.uniform();
    const double salience = rng.uniform();
    input.positions.push_back(position);
    input.actors.salience.push_back(salience);
    input.actors.weight.push_back((rng.uniform() + 0.01) * salience);
  }
  input.actors.delta = 100.0;
  return input;
}

void one_round(benchmark::State& state, const std::string& variant, bool grid) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const RoundInput input = random_round(n, grid);
  const auto options = parley::models::eum::resolve_options(
      parley::resolve_parameters("eum", parley::models::eum::parameter_specs(), {{"variant", variant}}));
  for (auto _ : state) {
    benchmark::DoNotOptimize(parley::models::eum::play_round(options, input.actors, input.positions));
  }
  state.SetComplexityN(static_cast<benchmark::IterationCount>(n));
}

void sizes(benchmark::internal::Benchmark* benchmark) {
  for (const int actors : {10, 100, 1000, 3000}) benchmark->Arg(actors);
  benchmark->Unit(benchmark::kMillisecond);
}

void BM_EumRoundTextbook(benchmark::State& state) {
  one_round(state, "textbook", false);
}
void BM_EumRoundScholz(benchmark::State& state) {
  one_round(state, "scholz2011", false);
}
void BM_EumRoundMasad(benchmark::State& state) {
  one_round(state, "masad2014", false);
}
void BM_EumRoundTextbookGrid(benchmark::State& state) {
  one_round(state, "textbook", true);
}

BENCHMARK(BM_EumRoundTextbook)->Apply(sizes);
BENCHMARK(BM_EumRoundScholz)->Apply(sizes);
BENCHMARK(BM_EumRoundMasad)->Apply(sizes);
BENCHMARK(BM_EumRoundTextbookGrid)->Apply(sizes);

}  // namespace

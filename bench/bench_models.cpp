// Cost of one model run as actors and issues grow. Problems are random but seeded, so every run
// measures the same work.

#include <benchmark/benchmark.h>

#include "parley/registry.hpp"
#include "parley/rng.hpp"
#include "parley/run.hpp"

namespace {

parley::Problem random_problem(std::size_t actors, std::size_t issues) {
  parley::Rng rng = parley::make_rng(1, actors * 1000 + issues);
  parley::Problem problem;
  for (std::size_t a = 0; a < actors; ++a) problem.actors.push_back("A" + std::to_string(a));
  for (std::size_t i = 0; i < issues; ++i) {
    parley::IssueProblem issue{"issue" + std::to_string(i), 0.0, 100.0, 100.0 * rng.uniform(), {}};
    for (std::size_t a = 0; a < actors; ++a) {
      issue.participants.push_back({a, 100.0 * rng.uniform(), rng.uniform(), rng.uniform() + 0.01});
    }
    problem.issues.push_back(std::move(issue));
  }
  return problem;
}

void run_model(benchmark::State& state, const std::string& name, const std::vector<std::string>& parameters) {
  const auto actors = static_cast<std::size_t>(state.range(0));
  const auto issues = static_cast<std::size_t>(state.range(1));
  const auto problem = random_problem(actors, issues);
  const auto selection = parley::select_models({name}, parameters, issues).at(0);
  const auto model = selection.info->make(selection.parameters);
  for (auto _ : state) {
    benchmark::DoNotOptimize(model->solve(problem, parley::RunContext{1}));
  }
  state.SetComplexityN(static_cast<benchmark::IterationCount>(actors * issues));
  state.counters["actors"] = static_cast<double>(actors);
  state.counters["issues"] = static_cast<double>(issues);
}

void sizes(benchmark::internal::Benchmark* benchmark) {
  for (const int actors : {10, 100, 1000, 10000}) benchmark->Args({actors, 6});
  benchmark->Args({100, 60});
  benchmark->Complexity();
}

void BM_Compromise(benchmark::State& state) {
  run_model(state, "compromise", {});
}
void BM_Mean(benchmark::State& state) {
  run_model(state, "mean", {});
}
void BM_Median(benchmark::State& state) {
  run_model(state, "median", {});
}
void BM_NashStatusQuo(benchmark::State& state) {
  run_model(state, "nash", {});
}
void BM_NashConflict(benchmark::State& state) {
  run_model(state, "nash", {"nash.disagreement=conflict"});
}

BENCHMARK(BM_Compromise)->Apply(sizes);
BENCHMARK(BM_Mean)->Apply(sizes);
BENCHMARK(BM_Median)->Apply(sizes);
BENCHMARK(BM_NashStatusQuo)->Apply(sizes);
BENCHMARK(BM_NashConflict)->Apply(sizes);

}  // namespace

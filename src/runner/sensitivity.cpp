#include "parley/sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

#include "core/parallel.hpp"
#include "core/statistics.hpp"
#include "parley/errors.hpp"
#include "parley/montecarlo.hpp"
#include "parley/run.hpp"
#include "uncertainty/sampler.hpp"

namespace parley {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// f(A_j), f(B_j) and f(A_B^g_j) for one output, over the base samples kept.
struct Columns {
  std::vector<double> a;
  std::vector<double> b;
  std::vector<std::vector<double>> ab;  // [group][j]
};

// Jansen's total and Saltelli's first-order estimators on the rows `rows` of `columns`.
void estimate(const Columns& columns, const std::vector<std::size_t>& rows, std::size_t group, double& first,
              double& total, double& variance) {
  const auto n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (const std::size_t j : rows) sum += columns.a[j] + columns.b[j];
  const double mean = sum / (2.0 * n);
  double squares = 0.0;
  for (const std::size_t j : rows) {
    squares += (columns.a[j] - mean) * (columns.a[j] - mean) + (columns.b[j] - mean) * (columns.b[j] - mean);
  }
  variance = squares / (2.0 * n - 1.0);
  double first_sum = 0.0;
  double total_sum = 0.0;
  for (const std::size_t j : rows) {
    const double ab = columns.ab[group][j];
    first_sum += columns.b[j] * (ab - columns.a[j]);
    total_sum += (columns.a[j] - ab) * (columns.a[j] - ab);
  }
  first = variance > 0.0 ? first_sum / n / variance : kNaN;
  total = variance > 0.0 ? total_sum / (2.0 * n) / variance : kNaN;
}

}  // namespace

SobolResult sobol(const SobolProblem& problem, std::size_t base_samples, std::uint64_t seed, unsigned threads,
                  std::size_t bootstrap, const SobolControl& control) {
  const std::size_t groups = problem.groups.size();
  const std::size_t outputs = problem.outputs;
  // The evaluations (a vector of outputs for each of the groups + 2 evaluations of a base sample: 40
  // bytes of header and allocation each), and the bootstrap's resamples of the base samples.
  const auto count = [](std::size_t n) { return static_cast<double>(n); };
  check_memory(count(base_samples) * (count(groups + 2) * (count(outputs) * 8.0 + 40.0) + 64.0) +
                   count(bootstrap) * (count(base_samples) * 8.0 + 48.0),
               fmt::format("{} base samples with {} bootstrap resamples", base_samples, bootstrap),
               "use fewer base samples (-n) or resamples (--bootstrap)");
  // evaluations[j] = f(A_j), f(B_j), f(A_B^1_j), ..., each a vector of outputs.
  std::vector<std::vector<std::vector<double>>> evaluations(base_samples);
  threads = checked_threads(threads);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> abandon{false};
  std::exception_ptr failure;
  std::mutex mutex;
  std::size_t done = 0;  // base samples evaluated, under `mutex`
  const auto stopped = [&] { return control.stop != nullptr && control.stop->load(); };
  const auto work = [&](unsigned thread) {
    try {
      for (std::size_t j = next++; j < base_samples && !abandon.load() && !stopped(); j = next++) {
        Rng rng_a = make_rng(seed, 2 * j);
        Rng rng_b = make_rng(seed, 2 * j + 1);
        const std::vector<double> a = problem.draw(rng_a);
        const std::vector<double> b = problem.draw(rng_b);
        auto& row = evaluations[j];
        row.push_back(problem.evaluate(a, thread));
        row.push_back(problem.evaluate(b, thread));
        for (std::size_t g = 0; g < groups; ++g) {
          std::vector<double> mixed = a;
          for (const std::size_t input : problem.groups[g]) mixed[input] = b[input];
          row.push_back(problem.evaluate(mixed, thread));
        }
        if (control.progress) {
          const std::lock_guard lock(mutex);
          control.progress(++done, base_samples);
        }
      }
    } catch (...) {
      const std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    WorkerThreads pool(threads, abandon, work);
    pool.join();
  }
  if (failure) std::rethrow_exception(failure);
  if (stopped()) throw InterruptedError(fmt::format("stopped before all {} base samples were evaluated", base_samples));

  SobolResult result;
  result.base_samples = base_samples;
  result.evaluations = base_samples * (groups + 2);
  result.variance.assign(outputs, kNaN);
  result.indices.assign(outputs, std::vector<SobolIndex>(groups));
  for (std::size_t o = 0; o < outputs; ++o) {
    // The bootstrap of one output can take a while (groups × resamples × base samples): stop between.
    if (stopped()) throw InterruptedError("stopped while the bootstrap intervals were computed");
    Columns columns;
    columns.ab.assign(groups, {});
    for (std::size_t j = 0; j < base_samples; ++j) {
      const auto& row = evaluations[j];
      const bool finite =
          std::all_of(row.begin(), row.end(), [&](const auto& values) { return std::isfinite(values[o]); });
      if (!finite) continue;
      columns.a.push_back(row[0][o]);
      columns.b.push_back(row[1][o]);
      for (std::size_t g = 0; g < groups; ++g) columns.ab[g].push_back(row[2 + g][o]);
    }
    const std::size_t kept = columns.a.size();
    if (kept < 2) {
      for (auto& index : result.indices[o]) index = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
      continue;
    }
    std::vector<std::size_t> rows(kept);
    for (std::size_t j = 0; j < kept; ++j) rows[j] = j;
    // The same bootstrap resamples for every group and output, from a stream of their own.
    std::vector<std::vector<std::size_t>> resamples(bootstrap, std::vector<std::size_t>(kept));
    for (std::size_t r = 0; r < bootstrap; ++r) {
      Rng rng = make_rng(seed ^ 0x5EB5171717ULL, r);
      for (auto& j : resamples[r]) j = static_cast<std::size_t>(rng.below(kept));
    }
    for (std::size_t g = 0; g < groups; ++g) {
      SobolIndex& index = result.indices[o][g];
      double variance = 0.0;
      estimate(columns, rows, g, index.first, index.total, variance);
      result.variance[o] = variance;
      std::vector<double> firsts;
      std::vector<double> totals;
      for (const auto& resample : resamples) {
        double first = 0.0;
        double total = 0.0;
        double v = 0.0;
        estimate(columns, resample, g, first, total, v);
        if (std::isfinite(first)) firsts.push_back(first);
        if (std::isfinite(total)) totals.push_back(total);
      }
      index.first_low = quantile(firsts, 0.025);
      index.first_high = quantile(firsts, 0.975);
      index.total_low = quantile(totals, 0.025);
      index.total_high = quantile(totals, 0.975);
    }
  }
  return result;
}

ModelSensitivity model_sensitivity(const MonteCarlo& mc, std::size_t base_samples, std::uint64_t seed, unsigned threads,
                                   std::size_t bootstrap, const SobolControl& control) {
  const auto groups = mc.sampler().groups();
  if (groups.empty()) {
    throw UsageError("the scenario's uncertainty block makes nothing uncertain: there is nothing to attribute");
  }
  SobolProblem problem;
  problem.draw = [&](Rng& rng) { return mc.sampler().draw(rng); };
  threads = checked_threads(threads);
  std::vector<MonteCarlo::Worker> workers(threads);
  problem.evaluate = [&](const std::vector<double>& values, unsigned thread) {
    return mc.forecasts_for(values, 0, workers[thread]);
  };
  for (const auto& group : groups) problem.groups.push_back(group.inputs);
  problem.outputs = mc.series().size();
  ModelSensitivity sensitivity;
  for (const auto& group : groups) sensitivity.groups.push_back(group.name);
  sensitivity.result = sobol(problem, base_samples, seed, threads, bootstrap, control);
  return sensitivity;
}

}  // namespace parley

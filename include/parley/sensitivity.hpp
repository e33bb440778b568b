#pragma once
// Variance-based sensitivity: first-order and total Sobol indices of every output, for groups of
// inputs, by Saltelli's sampling scheme with Jansen's estimators (Saltelli et al. 2010), with
// bootstrap intervals. Generic over the function; `parley sensitivity` applies it to the models.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parley/rng.hpp"

namespace parley {

struct SobolProblem {
  std::function<std::vector<double>(Rng&)> draw;  // one input vector
  // The outputs; called from `threads` threads at once, each passing its index (0 to threads − 1),
  // so that each may keep its own scratch.
  std::function<std::vector<double>(const std::vector<double>&, unsigned thread)> evaluate;
  std::vector<std::vector<std::size_t>> groups;  // input indices per group
  std::size_t outputs = 0;
};

struct SobolIndex {
  double first = 0.0;  // S_g: the share of the output's variance due to group g alone
  double first_low = 0.0;
  double first_high = 0.0;
  double total = 0.0;  // ST_g: the share due to g, alone or with others
  double total_low = 0.0;
  double total_high = 0.0;
};

struct SobolResult {
  std::size_t base_samples = 0;
  std::size_t evaluations = 0;                   // base_samples · (groups + 2)
  std::vector<double> variance;                  // per output
  std::vector<std::vector<SobolIndex>> indices;  // [output][group]; NaN when the output does not vary
};

// What a caller that shows progress or may cancel passes: `progress(done, total)` after each base
// sample (called from the computing threads, one at a time), and `stop`, checked between base samples.
struct SobolControl {
  std::function<void(std::size_t done, std::size_t total)> progress;
  const std::atomic<bool>* stop = nullptr;
};

// Rows A_j and B_j are drawn from make_rng(seed, 2j) and make_rng(seed, 2j + 1). A base sample whose
// evaluations give NaN for an output is left out of that output's estimates. `threads` 0: every core.
// The result does not depend on `threads`. Throws InterruptedError when `control.stop` is raised.
[[nodiscard]] SobolResult sobol(const SobolProblem& problem, std::size_t base_samples, std::uint64_t seed,
                                unsigned threads, std::size_t bootstrap, const SobolControl& control = {});

class MonteCarlo;

// The indices of every Monte Carlo series (each model's forecast of each issue, the headline's too)
// for the scenario's groups of uncertain inputs (one group per actor's positions, saliences,
// capability, ...).
struct ModelSensitivity {
  std::vector<std::string> groups;  // the groups' names, as the indices' second index
  SobolResult result;
};

// One model seed for every evaluation (common random numbers): a model's own randomness is not an
// input, and the indices do not depend on the order threads evaluate in. Throws UsageError when the
// scenario makes nothing uncertain, InterruptedError when `control.stop` is raised.
[[nodiscard]] ModelSensitivity model_sensitivity(const MonteCarlo& mc, std::size_t base_samples, std::uint64_t seed,
                                                 unsigned threads, std::size_t bootstrap,
                                                 const SobolControl& control = {});

}  // namespace parley

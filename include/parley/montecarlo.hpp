#pragma once
// Monte Carlo: every selected model on many perturbed copies of a scenario (the scenario's
// uncertainty block), on all cores. Sample k is drawn from make_rng(seed, k) alone, so its result is
// the same whatever the thread, process or order that computes it; summaries are computed from the
// results taken in sample order.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/statistics.hpp"
#include "parley/ensemble.hpp"
#include "parley/run.hpp"
#include "uncertainty/sampler.hpp"

namespace parley {

struct Series {
  std::string model;
  std::string issue;
};

// One exchange as the exchange model realised it: `actor_a` supplied `issue_a`, `actor_b` supplied
// `issue_b` (actor_a before actor_b in the scenario).
struct ExchangeKey {
  std::size_t actor_a = 0;
  std::size_t issue_a = 0;
  std::size_t actor_b = 0;
  std::size_t issue_b = 0;
};

struct SampleResult {
  std::uint64_t sample = 0;
  std::vector<double> forecasts;         // one per series; NaN: no forecast
  std::vector<std::uint64_t> exchanges;  // encoded ExchangeKeys realised in any round, sorted, distinct
};

class MonteCarlo {
 public:
  // Throws UsageError when request.at is before the scenario's start.
  MonteCarlo(const Scenario& scenario, const RunRequest& request);
  ~MonteCarlo();

  [[nodiscard]] const std::vector<Series>& series() const { return series_; }
  [[nodiscard]] const Problem& problem() const { return problem_; }
  [[nodiscard]] const Sampler& sampler() const { return *sampler_; }
  [[nodiscard]] Date at() const { return at_; }

  [[nodiscard]] SampleResult evaluate(std::uint64_t sample) const;
  // The models' forecasts (one per series) for given input values: for sensitivity analysis.
  [[nodiscard]] std::vector<double> forecasts_for(const std::vector<double>& values, std::uint64_t stream) const;

  // Evaluates `samples` on `threads` threads (0: all cores). Completed results reach `sink` on the
  // calling thread, in batches, in no particular order; `progress` gets the number done so far.
  // Returns early, after handing over what is done, when `stop` becomes true.
  void run(const std::vector<std::uint64_t>& samples, unsigned threads,
           const std::function<void(std::vector<SampleResult>&)>& sink,
           const std::function<void(std::size_t)>& progress, const std::atomic<bool>& stop) const;

  // The ensemble, when the request asked for it: series()'s first issues-many entries are its.
  [[nodiscard]] const std::optional<Calibration>& ensemble() const;
  // The members' forecasts of issue `issue` within a sample's forecasts (as series(), from `offset`:
  // the index of the first model's first series).
  [[nodiscard]] std::vector<double> member_forecasts(const std::vector<double>& forecasts, std::size_t issue,
                                                     std::size_t offset) const;

  [[nodiscard]] std::uint64_t encode(const ExchangeKey& key) const;
  [[nodiscard]] ExchangeKey decode(std::uint64_t code) const;

 private:
  [[nodiscard]] std::vector<double> with_headline(std::vector<double> models) const;

  struct Prepared;
  Date at_;
  std::uint64_t seed_ = 0;
  Problem problem_;
  std::unique_ptr<Sampler> sampler_;
  std::vector<Series> series_;
  std::unique_ptr<Prepared> prepared_;
};

struct SeriesSummary {
  std::size_t samples = 0;  // with a forecast
  std::size_t missing = 0;
  double mean = 0.0;
  double sd = 0.0;
  double q05 = 0.0, q25 = 0.0, q50 = 0.0, q75 = 0.0, q95 = 0.0;
};

struct ClaimResult {
  std::string claim;
  std::string model;
  std::string issue;  // for exchange claims, "ISSUE_A x ISSUE_B"
  std::size_t samples = 0;
  std::size_t holds = 0;
  // The ensemble's: P(outcome bears it out) under the samples' forecasts plus the calibrated error.
  double calibrated = std::numeric_limits<double>::quiet_NaN();
  [[nodiscard]] double probability() const {
    return samples == 0 ? std::numeric_limits<double>::quiet_NaN()
                        : static_cast<double>(holds) / static_cast<double>(samples);
  }
};

struct ExchangeFrequency {
  std::uint64_t key = 0;
  std::size_t samples = 0;  // samples in which it was realised
};

// The headline of an issue under Monte Carlo: the scenario's own uncertainty (the samples) combined
// with the calibration's error (docs/models/ensemble.md#monte-carlo).
struct HeadlineSummary {
  std::string issue;
  MixtureSummary mixture;
};

struct McSummary {
  std::size_t samples = 0;
  std::vector<HeadlineSummary> headlines;  // when the ensemble ran, per issue
  std::vector<SeriesSummary> series;       // as MonteCarlo::series()
  std::vector<ClaimResult> claims;
  std::vector<ExchangeFrequency> exchanges;  // most frequent first, then by key
};

// `results` in sample order.
[[nodiscard]] McSummary summarise(const MonteCarlo& mc, const Scenario& scenario,
                                  const std::vector<SampleResult>& results);

}  // namespace parley

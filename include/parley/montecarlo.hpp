#pragma once
// Monte Carlo: every selected model on many perturbed copies of a scenario (the scenario's
// uncertainty block), on all cores. Sample k is drawn from make_rng(seed, k) alone, so its result is
// the same whatever the thread, process or order that computes it; summaries are computed from the
// results taken in sample order.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/ensemble.hpp"
#include "parley/run.hpp"

namespace parley {

class Sampler;  // the scenario's uncertainty, drawn (inside the library)

struct Series {
  std::string model;
  std::string issue;
};

// One indicator of one selected model (e.g. exchange's realised exchanges).
struct IndicatorSeries {
  std::string model;                   // the selection's name (MODEL or MODEL@LABEL)
  const IndicatorSpec* spec = nullptr;  // the model's declaration, in the registry
  std::string name;                    // the spec's name, with "@LABEL" for a variant: names files and tables
};

struct SampleResult {
  std::uint64_t sample = 0;
  std::vector<double> forecasts;  // one per series; NaN: no forecast
  // One per indicator series: the codes of the keys that occurred (MonteCarlo::encode), sorted, distinct.
  std::vector<std::vector<std::uint64_t>> indicators;
};

class MonteCarlo {
 public:
  // Throws UsageError when request.at is before the scenario's start.
  MonteCarlo(const Scenario& scenario, const RunRequest& request);
  ~MonteCarlo();

  [[nodiscard]] const std::vector<Series>& series() const { return series_; }
  [[nodiscard]] const Problem& problem() const { return problem_; }
  [[nodiscard]] const Sampler& sampler() const { return *sampler_; }
  // Whether the scenario's uncertainty block makes anything vary (else every sample is the scenario).
  [[nodiscard]] bool uncertain() const;
  [[nodiscard]] Date at() const { return at_; }

  // What one thread keeps from sample to sample: the drawn values, the perturbed problem and the
  // models' scratch. Results never depend on what it held before.
  struct Worker {
    std::vector<double> values;
    Problem problem;
    Workspace models;
  };

  [[nodiscard]] SampleResult evaluate(std::uint64_t sample) const;
  [[nodiscard]] SampleResult evaluate(std::uint64_t sample, Worker& worker) const;
  // The models' forecasts (one per series) for given input values: for sensitivity analysis.
  [[nodiscard]] std::vector<double> forecasts_for(const std::vector<double>& values, std::uint64_t stream) const;
  [[nodiscard]] std::vector<double> forecasts_for(const std::vector<double>& values, std::uint64_t stream,
                                                  Worker& worker) const;

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

  [[nodiscard]] const std::vector<IndicatorSeries>& indicator_series() const { return indicator_series_; }
  // A key of indicator series `series` as one number: the key's parts in mixed radix (each part's
  // radix the number of actors or issues), the first part most significant; and back.
  [[nodiscard]] std::uint64_t encode(std::size_t series, const std::size_t* key) const;
  [[nodiscard]] std::vector<std::size_t> decode(std::size_t series, std::uint64_t code) const;
  // The key as actor and issue ids.
  [[nodiscard]] std::vector<std::string> key_ids(std::size_t series, std::uint64_t code) const;

 private:
  [[nodiscard]] std::vector<double> with_headline(std::vector<double> models) const;

  struct Prepared;
  Date at_;
  std::uint64_t seed_ = 0;
  Problem problem_;
  std::unique_ptr<Sampler> sampler_;
  std::vector<Series> series_;
  std::vector<IndicatorSeries> indicator_series_;
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
  std::string issue;  // Claim::subject(): for exchange claims, "ISSUE_A x ISSUE_B"
  std::size_t samples = 0;
  std::size_t holds = 0;
  // The ensemble's: P(outcome bears it out) under the samples' forecasts plus the calibrated error.
  double calibrated = std::numeric_limits<double>::quiet_NaN();
  [[nodiscard]] double probability() const {
    return samples == 0 ? std::numeric_limits<double>::quiet_NaN()
                        : static_cast<double>(holds) / static_cast<double>(samples);
  }
};

struct KeyFrequency {
  std::uint64_t key = 0;    // MonteCarlo::encode
  std::size_t samples = 0;  // samples in which it occurred
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
  // As MonteCarlo::indicator_series(): each key that occurred, most frequent first, then by code.
  std::vector<std::vector<KeyFrequency>> indicators;
};

// Folds samples, taken in sample order, into their summary without keeping them. What it keeps is
// what the summary needs to the end: each forecast (8 bytes a series and sample, for the quantiles),
// with the ensemble each headline component (16 bytes an issue and sample), and the counts of keys
// and claims.
class McSummariser {
 public:
  McSummariser(const MonteCarlo& mc, const Scenario& scenario);
  ~McSummariser();
  McSummariser(const McSummariser&) = delete;
  McSummariser& operator=(const McSummariser&) = delete;

  void add(const SampleResult& result);
  [[nodiscard]] McSummary finish();

  // Bytes kept for each sample added: what callers check against the machine's memory.
  [[nodiscard]] static double bytes_per_sample(const MonteCarlo& mc);

 private:
  struct Judged;
  const MonteCarlo& mc_;
  std::size_t samples_ = 0;
  std::vector<std::vector<double>> values_;                // per series
  std::vector<std::vector<MixtureComponent>> components_;  // per issue, with the ensemble
  std::vector<std::map<std::uint64_t, std::size_t>> keys_;  // per indicator series: samples by key
  std::vector<Judged> judged_;                             // the claims, in the summary's order
};

// `results` in sample order.
[[nodiscard]] McSummary summarise(const MonteCarlo& mc, const Scenario& scenario,
                                  const std::vector<SampleResult>& results);

}  // namespace parley

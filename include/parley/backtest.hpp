#pragma once
// Backtesting: run models on decisions whose outcomes are known and score the forecasts.
// Each case is a scenario whose issues carry an `outcome`; errors are on each issue's own scale.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/statistics.hpp"
#include "parley/run.hpp"

namespace parley {

struct BacktestCase {
  std::string name;  // e.g. the DEU proposal id
  Scenario scenario;
};

struct BacktestRequest {
  std::vector<ModelSelection> models;
  std::uint64_t seed = kDefaultSeed;  // for the models' own randomness and the bootstrap
  int bootstrap_samples = 2000;
  std::string reference = "compromise";  // the model every other is compared with, when selected
  // Also score "choose the best model on the other cases": leave one case out, pick the candidate with
  // the lowest MAE on the rest, score it on the case left out (see CrossValidation).
  bool cross_validate = false;
};

// One forecast of one issue with a known outcome.
struct IssueScore {
  std::string case_name;
  std::string issue;
  std::string model;
  double forecast = 0.0;
  double outcome = 0.0;
  [[nodiscard]] double error() const { return forecast - outcome; }
};

struct ModelScore {
  std::string model;
  std::size_t issues = 0;          // scored: an outcome and a forecast
  std::size_t no_forecast = 0;     // an outcome, but the model gave no forecast (e.g. no status quo)
  std::size_t not_applicable = 0;  // in cases the model does not apply to (one issue, multi-issue model)
  double mae = 0.0;
  double median_ae = 0.0;
  double rmse = 0.0;
  Interval mae_interval;  // bootstrap 95 %, resampling cases
  // Against the reference model, on the issues both scored: mean of |e_model| − |e_reference|
  // (negative: this model is closer to the outcomes). NaN when the reference was not run.
  std::size_t paired_issues = 0;
  double difference = 0.0;
  Interval difference_interval;
};

// Leave-one-case-out selection among the models that forecast every issue with an outcome (the
// candidates). For each case, the candidate with the lowest MAE on all other cases (ties: the first in
// request order) forecasts it; the scores below are of those forecasts, an honest estimate of how the
// rule "pick the best model on past decisions" does on a decision it has not seen.
struct CrossValidation {
  std::vector<std::string> candidates;
  std::vector<std::pair<std::string, std::string>> chosen;  // (case, model chosen for it), cases by name
  ModelScore score;  // model "cross-validated"; paired with the reference like every model
};

struct BacktestResult {
  std::size_t cases = 0;
  std::size_t issues = 0;                  // every issue of every case
  std::size_t issues_without_outcome = 0;  // skipped: nothing to score against
  std::uint64_t seed = 0;
  int bootstrap_samples = 0;
  std::string reference;
  std::vector<IssueScore> scores;                   // cases by name, then issue order, then model order
  std::vector<ModelScore> models;                   // in request order
  std::optional<CrossValidation> cross_validation;  // when requested and there are 2+ cases and a candidate
};

// Runs every model on every case (at its as_of date) and scores it. The bootstrap resamples whole
// cases (issues of one proposal are not independent), with the same resamples for every model,
// drawn from make_rng(seed, b); the result is the same whatever the order of evaluation.
[[nodiscard]] BacktestResult backtest(const std::vector<BacktestCase>& cases, const BacktestRequest& request);

}  // namespace parley

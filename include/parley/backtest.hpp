#pragma once
// Backtesting: run models on decisions whose outcomes are known and score the forecasts.
// Each case is a scenario whose issues carry an `outcome`; errors are on each issue's own scale.

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "parley/interval.hpp"
#include "parley/ensemble.hpp"
#include "parley/run.hpp"

namespace parley {

struct BacktestCase {
  std::string name;  // e.g. the DEU proposal id
  Scenario scenario;
};

// How the ensemble is scored in a backtest.
enum class EnsembleScoring {
  automatic,  // refit when any case is one the calibration was fitted on, else as shipped
  refit,      // its rule and intervals re-fitted leaving out each case scored (nested for intervals)
  shipped,    // the calibration as it is: honest only on cases it was not fitted on
};

struct BacktestRequest {
  std::vector<ModelSelection> models;
  std::uint64_t seed = kDefaultSeed;  // for the models' own randomness and the bootstrap
  int bootstrap_samples = 2000;
  std::string reference = "compromise";  // the model every other is compared with, when selected
  // Also score "choose the best model on the other cases": leave one case out, pick the candidate with
  // the lowest MAE on the rest, score it on the case left out (see CrossValidation).
  bool cross_validate = false;
  // Also score the ensemble (its members must be among `models`).
  std::optional<Calibration> ensemble;
  EnsembleScoring ensemble_scoring = EnsembleScoring::automatic;
  unsigned threads = 1;  // for refitting the ensemble; results never depend on it
};

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// One forecast of one issue with a known outcome.
struct IssueScore {
  std::string case_name;
  std::string issue;
  std::string model;
  double forecast = 0.0;
  double outcome = 0.0;
  std::array<Range, 3> intervals{{{kNoValue, kNoValue}, {kNoValue, kNoValue}, {kNoValue, kNoValue}}};  // ensemble
  [[nodiscard]] double error() const { return forecast - outcome; }
};

// One issue with an outcome and every model's forecast of it: what scores and ensembles are made of.
struct OutcomeRow {
  std::size_t case_index = 0;  // into BacktestResult::case_names
  std::string issue;
  double outcome = 0.0;
  double min = 0.0;
  double max = 100.0;
  std::vector<double> forecasts;  // one per model of the request, in its order; NaN: none, or not applicable

  [[nodiscard]] double width() const { return max - min; }
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
  // For forecasts with predictive intervals (the ensemble); NaN otherwise. Coverage: the share of
  // outcomes inside the 50, 80 and 95 % intervals; the interval score is Gneiting & Raftery's (2007),
  // (u − l) + (2/α)·(l − y)·[y < l] + (2/α)·(y − u)·[y > u] with α = 0.2, averaged.
  std::array<double, 3> coverage{kNoValue, kNoValue, kNoValue};
  double width80 = kNoValue;
  double interval_score80 = kNoValue;
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
  std::vector<std::string> case_names;              // in name order
  std::vector<OutcomeRow> rows;                     // cases by name, then issue order
  std::vector<IssueScore> scores;                   // cases by name, then issue order, then model order
  std::vector<ModelScore> models;                   // in request order
  std::optional<CrossValidation> cross_validation;  // when requested and there are 2+ cases and a candidate
  std::optional<ModelScore> ensemble;               // when requested: model "ensemble"
  EnsembleScoring ensemble_scoring = EnsembleScoring::automatic;  // as done: refit or shipped
};

// Runs every model on every case (at its as_of date) and scores it. The bootstrap resamples whole
// cases (issues of one proposal are not independent), with the same resamples for every model,
// drawn from make_rng(seed, b); the result is the same whatever the order of evaluation.
// A case whose run fails throws the error of its family (UnsolvableError, ModelError, ...), naming
// the case.
[[nodiscard]] BacktestResult backtest(const std::vector<BacktestCase>& cases, const BacktestRequest& request);

}  // namespace parley

#pragma once
// Calibration: fitting the ensemble on decisions with known outcomes. Every declared candidate rule
// is scored leaving one case out (its intervals nested: re-fitted without the case scored); the one
// with the lowest cross-validated MAE is shipped, with the interval scaling of lower interval score.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/backtest.hpp"
#include "parley/ensemble.hpp"

namespace parley {

// The candidates declared before any was scored, in order of preference on ties
// (docs/validation.md#the-ensemble-declared-candidates).
[[nodiscard]] const std::vector<EnsembleCandidate>& declared_candidates();

// Every family of rule over the models given (MODEL or MODEL@LABEL, with their MODEL.NAME=VALUE
// assignments): the first alone, mean, median, trimmed mean, choice and stack. Throws UsageError
// for an assignment not of that form.
[[nodiscard]] std::vector<EnsembleCandidate> candidates_over(const std::vector<std::string>& models,
                                                             const std::vector<std::string>& assignments);

struct CalibrateRequest {
  std::vector<EnsembleCandidate> candidates;  // in order of preference on ties
  std::uint64_t seed = kDefaultSeed;
  int bootstrap_samples = 2000;
  std::string reference = "compromise";
  unsigned threads = 1;  // for the fits; results never depend on it
  // Recorded in the calibration.
  std::string data;
  std::string data_sha256;
  std::string command;
  std::string engine;
  std::string domain;
};

struct CandidateResult {
  EnsembleCandidate candidate;
  bool eligible = false;  // it forecast every issue with an outcome
  ModelScore constant;    // out-of-sample forecasts, intervals of constant width
  ModelScore spread;      // the same forecasts, intervals scaled by the members' spread
};

struct CalibrationReport {
  BacktestResult members;  // the members' own scores
  std::vector<CandidateResult> candidates;
  std::size_t chosen = 0;
  IntervalScale scale = IntervalScale::constant;
  // The whole procedure, out of sample: for each case, the candidate with the lowest error on the
  // other cases (each of their forecasts fitted without both), scored on the case.
  ModelScore selection;
  std::vector<std::string> selected;  // per case, in name order
  Calibration calibration;
};

// The members are run once; the candidates' members must all be registered models or variants.
// Throws ConfigError when no candidate forecasts every issue, and whatever backtest throws.
[[nodiscard]] CalibrationReport calibrate(const std::vector<BacktestCase>& cases, const CalibrateRequest& request);

// The model selections that run `members`; variants' parameters resolved against the registry.
[[nodiscard]] std::vector<ModelSelection> member_selections(const std::vector<EnsembleMember>& members,
                                                            std::size_t issue_count);

// Adds to `selections` each member of `rule` that is not among them, and returns how many it
// added. Throws ConfigError when a selection has a member's name but other parameters.
std::size_t add_members(std::vector<ModelSelection>& selections, const EnsembleRule& rule, std::size_t issue_count);

}  // namespace parley

#pragma once
// parley's answer about each issue: the headline forecast (the ensemble) with its predictive
// intervals, the models that agree with it and those that do not, and flags on model results that
// say little (docs/models/ensemble.md).

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/ensemble.hpp"
#include "parley/model.hpp"
#include "parley/problem.hpp"

namespace parley {

// The name the ensemble goes by in -m, outputs and tables.
inline constexpr std::string_view kEnsembleName = "ensemble";

// A model result to distrust: degenerate (a model's own note), stopped without converging, in a
// cycle, undefined, or no forecast at all.
struct ModelFlag {
  std::string model;
  std::string code;  // the note's code, or max_rounds, cycle, undefined, no_forecast
  std::string text;  // one line, e.g. "stopped at max_rounds (10) without converging"
};

struct ModelStanding {
  std::string model;
  double forecast = 0.0;
};

struct IssueAnswer {
  std::string issue;
  double forecast = std::numeric_limits<double>::quiet_NaN();  // NaN: no member forecasts the issue
  double spread = 0.0;                                         // the members' spread (share of the scale)
  std::array<Range, 3> intervals{};                            // at kIntervalLevels
  std::vector<ModelStanding> agree;                            // models whose forecast lies inside the 50 % interval
  std::vector<ModelStanding> disagree;                         // the others with a forecast
  std::vector<ModelFlag> flags;
};

// A claim about an issue, judged on the headline: the probability that the outcome bears it out,
// from the calibrated error distribution around the forecast.
struct ClaimAnswer {
  std::string claim;
  std::string issue;
  double probability = 0.0;
  bool holds = false;  // the headline forecast itself bears it out
};

struct Answer {
  Calibration calibration;          // the rule and intervals used, with where they were fitted
  std::vector<IssueAnswer> issues;  // in problem order
  std::vector<ClaimAnswer> claims;  // in scenario order; claims about issues only
};

struct ModelRun;

// The answer from a run's model runs (the calibration's members among them; a member that did not
// run counts as having no forecast).
[[nodiscard]] Answer make_answer(const Problem& problem, const std::vector<ModelRun>& runs,
                                 const Calibration& calibration, const std::vector<Claim>& claims);

// The flags of one model's forecast of an issue (none when it is sound).
[[nodiscard]] std::vector<ModelFlag> flags_of(const std::string& model, const IssueForecast& forecast);

}  // namespace parley

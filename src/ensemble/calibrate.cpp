#include "parley/calibrate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "ensemble/fit.hpp"
#include "parley/errors.hpp"
#include "parley/registry.hpp"
#include "runner/scoring.hpp"

namespace parley {
namespace {

// Every member of every candidate, once, in order of first appearance.
std::vector<EnsembleMember> union_of_pools(const std::vector<EnsembleCandidate>& candidates) {
  std::vector<EnsembleMember> members;
  for (const auto& candidate : candidates) {
    for (const auto& member : candidate.pool) {
      const auto same = std::find_if(members.begin(), members.end(),
                                     [&](const EnsembleMember& other) { return other.name == member.name; });
      if (same == members.end()) {
        members.push_back(member);
      } else if (same->parameters != member.parameters) {
        throw ConfigError(
            fmt::format("ensemble candidate '{}': member '{}' has other parameters than in an "
                        "earlier candidate; give the variant a label of its own",
                        candidate.name, member.name));
      }
    }
  }
  return members;
}

std::vector<std::array<Range, 3>> nested_intervals(const ensemble::CrossValidated& cv, const ensemble::Data& data,
                                                   IntervalScale scale) {
  std::vector<IntervalCalibration> per_case;
  for (const auto& inner : cv.inner) per_case.push_back(ensemble::conformal(scale, ensemble::kSpreadFloor, inner));
  std::vector<std::array<Range, 3>> intervals(data.items.size());
  for (std::size_t i = 0; i < data.items.size(); ++i) {
    const auto& item = data.items[i];
    if (std::isnan(cv.forecast[i])) continue;
    intervals[i] = intervals_around(per_case[item.case_index], cv.forecast[i], cv.spread[i], item.min, item.max);
  }
  return intervals;
}

double mean_error(const std::vector<ensemble::Residual>& residuals) {
  double total = 0.0;
  for (const auto& residual : residuals) total += residual.error;
  return residuals.empty() ? std::numeric_limits<double>::infinity() : total / static_cast<double>(residuals.size());
}

}  // namespace

std::vector<ModelSelection> member_selections(const std::vector<EnsembleMember>& members, std::size_t issue_count) {
  std::vector<std::string> names;
  std::vector<std::string> assignments;
  for (const auto& member : members) {
    if (find_model(member.model()).needs_multiple_issues && issue_count < 2) continue;
    names.push_back(member.name);
    for (const auto& [name, value] : member.parameters) {
      assignments.push_back(fmt::format("{}.{}={}", member.name, name, value));
    }
  }
  if (names.empty()) return {};
  return select_models(names, assignments, issue_count);
}

std::size_t add_members(std::vector<ModelSelection>& selections, const EnsembleRule& rule, std::size_t issue_count) {
  std::size_t added = 0;
  for (auto& member : member_selections(rule.members, issue_count)) {
    const auto same = std::find_if(selections.begin(), selections.end(),
                                   [&](const ModelSelection& selection) { return selection.name == member.name; });
    if (same == selections.end()) {
      selections.push_back(std::move(member));
      ++added;
    } else if (same->parameters != member.parameters) {
      throw ConfigError(
          fmt::format("model '{}' runs with other parameters than the ensemble's member of that name; run it as "
                      "a variant {}@LABEL, or leave the ensemble out",
                      member.name, member.name));
    }
  }
  return added;
}

CalibrationReport calibrate(const std::vector<BacktestCase>& cases, const CalibrateRequest& request) {
  std::size_t most_issues = 0;
  for (const auto& backtest_case : cases) most_issues = std::max(most_issues, backtest_case.scenario.issues.size());
  BacktestRequest members;
  members.models = member_selections(union_of_pools(request.candidates), most_issues);
  members.seed = request.seed;
  members.bootstrap_samples = request.bootstrap_samples;
  members.reference = request.reference;

  CalibrationReport report;
  report.members = backtest(cases, members);
  const BacktestResult& result = report.members;
  ensemble::Data data;
  for (const auto& selection : members.models) data.members.push_back(selection.name);
  data.cases = result.case_names.size();
  data.items = result.rows;
  std::vector<double> reference;
  const auto found = std::find(data.members.begin(), data.members.end(), request.reference);
  if (found != data.members.end()) {
    for (const auto& row : result.rows)
      reference.push_back(row.forecasts[static_cast<std::size_t>(found - data.members.begin())]);
  }
  const scoring::Scorer scorer(result.rows, data.cases, reference, request.seed, request.bootstrap_samples);

  std::vector<ensemble::CrossValidated> validated;
  for (const auto& candidate : request.candidates) {
    validated.push_back(ensemble::cross_validate(candidate, data, true, request.threads));
    const ensemble::CrossValidated& cv = validated.back();
    CandidateResult entry;
    entry.candidate = candidate;
    entry.eligible = std::none_of(cv.forecast.begin(), cv.forecast.end(), [](double f) { return std::isnan(f); });
    entry.constant = scorer.score(candidate.name, cv.forecast, 0, nested_intervals(cv, data, IntervalScale::constant));
    entry.spread = scorer.score(candidate.name, cv.forecast, 0, nested_intervals(cv, data, IntervalScale::spread));
    report.candidates.push_back(std::move(entry));
  }
  bool any = false;
  for (std::size_t k = 0; k < report.candidates.size(); ++k) {
    const CandidateResult& entry = report.candidates[k];
    if (!entry.eligible) continue;
    if (!any || entry.constant.mae < report.candidates[report.chosen].constant.mae) report.chosen = k;
    any = true;
  }
  if (!any) throw ConfigError("calibrate: no candidate forecasts every issue with an outcome");
  const CandidateResult& chosen = report.candidates[report.chosen];
  report.scale = chosen.spread.interval_score80 < chosen.constant.interval_score80 ? IntervalScale::spread
                                                                                   : IntervalScale::constant;

  // The selection itself, out of sample: case c's candidate is the one with the least error on the
  // other cases, measured by the forecasts that never saw c.
  std::vector<double> selected(data.items.size(), kNoValue);
  for (std::size_t c = 0; c < data.cases; ++c) {
    std::size_t best = report.chosen;
    double best_error = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < report.candidates.size(); ++k) {
      if (!report.candidates[k].eligible) continue;
      const double error = mean_error(validated[k].inner[c]);
      if (error < best_error) {
        best = k;
        best_error = error;
      }
    }
    report.selected.push_back(report.candidates[best].candidate.name);
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      if (data.items[i].case_index == c) selected[i] = validated[best].forecast[i];
    }
  }
  report.selection = scorer.score("selection", selected, 0, {});

  Calibration& calibration = report.calibration;
  calibration.candidate = chosen.candidate;
  const std::vector<std::size_t> columns = ensemble::pool_columns(chosen.candidate, data);
  calibration.rule = ensemble::fit_rule(chosen.candidate, data, columns, std::vector<char>(data.cases, 0));
  calibration.intervals = ensemble::conformal(report.scale, ensemble::kSpreadFloor, validated[report.chosen].outer);
  const ModelScore& score = report.scale == IntervalScale::spread ? chosen.spread : chosen.constant;
  CalibrationFigures& figures = calibration.figures;
  figures.cases = data.cases;
  figures.issues = score.issues;
  figures.mae = score.mae;
  figures.median_ae = score.median_ae;
  figures.rmse = score.rmse;
  figures.reference_mae = score.mae - score.difference;
  figures.coverage = score.coverage;
  figures.width80 = score.width80;
  figures.interval_score80 = score.interval_score80;
  calibration.cases = result.case_names;
  calibration.data = request.data;
  calibration.data_sha256 = request.data_sha256;
  calibration.domain = request.domain;
  calibration.command = request.command;
  calibration.engine = request.engine;
  return report;
}

}  // namespace parley

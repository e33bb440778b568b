#include "parley/backtest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "ensemble/fit.hpp"
#include "parley/errors.hpp"
#include "runner/scoring.hpp"

namespace parley {
namespace {

// Runs every applicable model on every case, in name order, into one row per issue with an outcome.
void run_cases(const std::vector<BacktestCase>& cases, const BacktestRequest& request, BacktestResult& result) {
  const std::size_t model_count = request.models.size();
  std::vector<std::size_t> by_name(cases.size());
  std::iota(by_name.begin(), by_name.end(), std::size_t{0});
  // Cases are taken in name order, so that no figure, to the last bit, depends on the order they came in.
  std::stable_sort(by_name.begin(), by_name.end(),
                   [&](std::size_t a, std::size_t b) { return cases[a].name < cases[b].name; });
  for (std::size_t c = 0; c < by_name.size(); ++c) {
    const BacktestCase& backtest_case = cases[by_name[c]];
    const Scenario& scenario = backtest_case.scenario;
    result.case_names.push_back(backtest_case.name);
    result.issues += scenario.issues.size();
    std::size_t with_outcome = 0;
    for (const auto& issue : scenario.issues) with_outcome += issue.outcome ? 1U : 0U;
    result.issues_without_outcome += scenario.issues.size() - with_outcome;

    RunRequest run_request{.at = std::nullopt, .seed = request.seed, .models = {}};
    std::vector<std::size_t> run_models;  // index into request.models of each run
    for (std::size_t m = 0; m < model_count; ++m) {
      if (request.models[m].info->needs_multiple_issues && scenario.issues.size() < 2) {
        result.models[m].not_applicable += with_outcome;
        continue;
      }
      run_request.models.push_back(request.models[m]);
      run_models.push_back(m);
    }
    RunResult run_result;
    try {
      run_result = run(scenario, run_request);
    } catch (const Error& error) {
      rethrow_with_context(error, fmt::format("case {}: ", backtest_case.name));
    }
    for (const auto& issue : scenario.issues) {
      if (!issue.outcome) continue;
      OutcomeRow row{
          c, issue.id, *issue.outcome, issue.scale.min, issue.scale.max, std::vector<double>(model_count, kNoValue)};
      for (std::size_t r = 0; r < run_result.runs.size(); ++r) {
        for (const auto& forecast : run_result.runs[r].outcome.issues) {
          if (forecast.issue == issue.id) row.forecasts[run_models[r]] = forecast.forecast;
        }
      }
      result.rows.push_back(std::move(row));
    }
  }
}

ensemble::Data ensemble_data(const BacktestResult& result, const BacktestRequest& request) {
  ensemble::Data data;
  for (const auto& selection : request.models) data.members.push_back(selection.name);
  data.cases = result.case_names.size();
  data.items = result.rows;
  return data;
}

// Leave one case out, choose the candidate with the lowest MAE on the rest.
CrossValidation choose_on_other_cases(const BacktestResult& result, const BacktestRequest& request,
                                      const scoring::Scorer& scorer) {
  CrossValidation validation;
  EnsembleCandidate choice{"cross-validated", EnsembleFamily::choice, {}, ""};
  for (const ModelScore& score : result.models) {
    if (score.no_forecast == 0 && score.not_applicable == 0 && score.issues > 0) {
      validation.candidates.push_back(score.model);
      choice.pool.push_back({score.model, {}});
    }
  }
  if (choice.pool.empty()) return validation;
  const ensemble::CrossValidated cv = ensemble::cross_validate(choice, ensemble_data(result, request), false);
  for (std::size_t c = 0; c < result.case_names.size(); ++c) {
    const auto& weights = cv.rules[c].weights;
    const auto chosen = static_cast<std::size_t>(std::max_element(weights.begin(), weights.end()) - weights.begin());
    validation.chosen.emplace_back(result.case_names[c], choice.pool[chosen].name);
  }
  validation.score = scorer.score("cross-validated", cv.forecast, 0, {});
  return validation;
}

bool fitted_on_any(const Calibration& calibration, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return std::find(calibration.cases.begin(), calibration.cases.end(), name) != calibration.cases.end();
  });
}

// The ensemble's forecasts and intervals of every row, out of sample.
void score_ensemble(const Calibration& calibration, const BacktestRequest& request, const scoring::Scorer& scorer,
                    BacktestResult& result) {
  const ensemble::Data data = ensemble_data(result, request);
  const std::vector<std::size_t> columns = ensemble::pool_columns(calibration.candidate, data);
  result.ensemble_scoring = request.ensemble_scoring;
  if (result.ensemble_scoring == EnsembleScoring::automatic) {
    result.ensemble_scoring =
        fitted_on_any(calibration, result.case_names) ? EnsembleScoring::refit : EnsembleScoring::shipped;
  }
  std::vector<double> forecasts(result.rows.size(), kNoValue);
  std::vector<std::array<Range, 3>> intervals(result.rows.size());
  const IntervalCalibration& shipped = calibration.intervals;
  std::optional<ensemble::CrossValidated> cv;
  std::vector<IntervalCalibration> per_case;
  if (result.ensemble_scoring == EnsembleScoring::refit) {
    cv = ensemble::cross_validate(calibration.candidate, data, true, request.threads);
    for (const auto& inner : cv->inner) per_case.push_back(ensemble::conformal(shipped.scale, shipped.floor, inner));
  }
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    const OutcomeRow& row = result.rows[i];
    const std::vector<double> members = ensemble::pool_forecasts(row, columns);
    const double spread = member_spread(members, row.width());
    forecasts[i] = cv ? cv->forecast[i] : combine(calibration.rule, members);
    if (std::isnan(forecasts[i])) continue;
    intervals[i] = intervals_around(cv ? per_case[row.case_index] : shipped, forecasts[i], spread, row.min, row.max);
  }
  result.ensemble = scorer.score("ensemble", forecasts, 0, intervals);
  // The ensemble's scores lead each row's.
  std::vector<IssueScore> scores;
  std::size_t next = 0;
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    const OutcomeRow& row = result.rows[i];
    if (!std::isnan(forecasts[i])) {
      scores.push_back(
          {result.case_names[row.case_index], row.issue, "ensemble", forecasts[i], row.outcome, intervals[i]});
    }
    while (next < result.scores.size() && result.scores[next].case_name == result.case_names[row.case_index] &&
           result.scores[next].issue == row.issue) {
      scores.push_back(result.scores[next++]);
    }
  }
  result.scores = std::move(scores);
}

}  // namespace

BacktestResult backtest(const std::vector<BacktestCase>& cases, const BacktestRequest& request) {
  BacktestResult result;
  result.cases = cases.size();
  result.seed = request.seed;
  result.bootstrap_samples = request.bootstrap_samples;
  result.reference = request.reference;
  const std::size_t model_count = request.models.size();
  result.models.resize(model_count);
  for (std::size_t m = 0; m < model_count; ++m) result.models[m].model = request.models[m].name;
  run_cases(cases, request, result);

  std::vector<double> reference;
  for (std::size_t m = 0; m < model_count; ++m) {
    if (request.models[m].name != request.reference) continue;
    for (const auto& row : result.rows) reference.push_back(row.forecasts[m]);
    break;
  }
  const scoring::Scorer scorer(result.rows, result.case_names.size(), reference, request.seed,
                               request.bootstrap_samples);
  for (std::size_t m = 0; m < model_count; ++m) {
    std::vector<double> forecasts;
    for (const auto& row : result.rows) forecasts.push_back(row.forecasts[m]);
    const std::size_t not_applicable = result.models[m].not_applicable;
    result.models[m] = scorer.score(result.models[m].model, forecasts, not_applicable, {});
  }
  for (const auto& row : result.rows) {
    for (std::size_t m = 0; m < model_count; ++m) {
      if (std::isnan(row.forecasts[m])) continue;
      result.scores.push_back(
          {result.case_names[row.case_index], row.issue, result.models[m].model, row.forecasts[m], row.outcome});
    }
  }
  if (request.cross_validate && cases.size() >= 2) {
    CrossValidation validation = choose_on_other_cases(result, request, scorer);
    if (!validation.candidates.empty()) result.cross_validation = std::move(validation);
  }
  if (request.ensemble) score_ensemble(*request.ensemble, request, scorer, result);
  return result;
}

}  // namespace parley

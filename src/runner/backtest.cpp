#include "parley/backtest.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "parley/errors.hpp"
#include "parley/rng.hpp"

namespace parley {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Per model and case: the sums a case contributes, so that a bootstrap resample of cases is a
// sum over its drawn cases.
struct CaseSums {
  double absolute = 0.0;  // Σ |e|
  std::size_t count = 0;
  double difference = 0.0;  // Σ (|e| − |e_reference|) over issues both scored
  std::size_t paired = 0;
};

Interval percentile_interval(std::vector<double> values) {
  std::erase_if(values, [](double value) { return std::isnan(value); });
  return {quantile(values, 0.025), quantile(values, 0.975)};
}

std::vector<double> bootstrap(const std::vector<std::vector<std::size_t>>& resamples, const std::vector<CaseSums>& sums,
                              bool paired) {
  std::vector<double> statistics;
  statistics.reserve(resamples.size());
  for (const auto& drawn : resamples) {
    double total = 0.0;
    std::size_t count = 0;
    for (const std::size_t c : drawn) {
      total += paired ? sums[c].difference : sums[c].absolute;
      count += paired ? sums[c].paired : sums[c].count;
    }
    statistics.push_back(count == 0 ? kNaN : total / static_cast<double>(count));
  }
  return statistics;
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

  // sums[m][c]; errors[m] = every |e| of model m, for the median and RMSE, and case_errors[m][c] the
  // same per case (for cross-validation).
  std::vector<std::vector<CaseSums>> sums(model_count, std::vector<CaseSums>(cases.size()));
  std::vector<std::vector<double>> errors(model_count);
  std::vector<std::vector<std::vector<double>>> case_errors(model_count,
                                                            std::vector<std::vector<double>>(cases.size()));
  // Cases are taken in name order, so that no figure, to the last bit, depends on the order they came in.
  std::vector<std::size_t> by_name(cases.size());
  std::iota(by_name.begin(), by_name.end(), std::size_t{0});
  std::stable_sort(by_name.begin(), by_name.end(),
                   [&](std::size_t a, std::size_t b) { return cases[a].name < cases[b].name; });
  for (const std::size_t c : by_name) {
    const Scenario& scenario = cases[c].scenario;
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
      throw ModelError(fmt::format("case {}: {}", cases[c].name, error.what()));
    }
    // forecast[m][issue id], for pairing with the reference model.
    std::vector<std::map<std::string, double>> forecasts(model_count);
    for (std::size_t r = 0; r < run_result.runs.size(); ++r) {
      for (const auto& forecast : run_result.runs[r].outcome.issues) {
        forecasts[run_models[r]][forecast.issue] = forecast.forecast;
      }
    }
    const auto reference = std::find_if(result.models.begin(), result.models.end(),
                                        [&](const ModelScore& score) { return score.model == request.reference; });
    const std::size_t reference_index =
        reference == result.models.end() ? model_count : static_cast<std::size_t>(reference - result.models.begin());
    for (const auto& issue : scenario.issues) {
      if (!issue.outcome) continue;
      for (const std::size_t m : run_models) {
        const auto found = forecasts[m].find(issue.id);
        const double forecast = found == forecasts[m].end() ? kNaN : found->second;
        if (std::isnan(forecast)) {
          ++result.models[m].no_forecast;
          continue;
        }
        const IssueScore score{cases[c].name, issue.id, result.models[m].model, forecast, *issue.outcome};
        const double absolute = std::fabs(score.error());
        result.scores.push_back(score);
        errors[m].push_back(absolute);
        case_errors[m][c].push_back(absolute);
        sums[m][c].absolute += absolute;
        ++sums[m][c].count;
        if (reference_index == model_count) continue;
        const auto reference_forecast = forecasts[reference_index].find(issue.id);
        if (reference_forecast == forecasts[reference_index].end() || std::isnan(reference_forecast->second)) continue;
        sums[m][c].difference += absolute - std::fabs(reference_forecast->second - *issue.outcome);
        ++sums[m][c].paired;
      }
    }
  }

  // The same resamples of cases for every model: the comparison is paired.
  std::vector<std::vector<std::size_t>> resamples(static_cast<std::size_t>(std::max(request.bootstrap_samples, 0)));
  for (std::size_t b = 0; b < resamples.size() && !cases.empty(); ++b) {
    Rng rng = make_rng(request.seed, b);
    resamples[b].resize(cases.size());
    for (auto& drawn : resamples[b]) drawn = by_name[static_cast<std::size_t>(rng.below(cases.size()))];
  }
  const bool has_reference = std::any_of(result.models.begin(), result.models.end(),
                                         [&](const ModelScore& score) { return score.model == request.reference; });
  const auto summarise = [&](ModelScore& score, const std::vector<double>& all, const std::vector<CaseSums>& by_case) {
    score.issues = all.size();
    score.mae = mean_of(all);
    score.median_ae = median_of(all);
    score.rmse = root_mean_square(all);
    score.mae_interval = percentile_interval(bootstrap(resamples, by_case, false));
    double difference = 0.0;
    for (const std::size_t c : by_name) {
      difference += by_case[c].difference;
      score.paired_issues += by_case[c].paired;
    }
    if (has_reference && score.paired_issues > 0) {
      score.difference = difference / static_cast<double>(score.paired_issues);
      score.difference_interval = percentile_interval(bootstrap(resamples, by_case, true));
    } else {
      score.difference = kNaN;
      score.difference_interval = {kNaN, kNaN};
    }
  };
  for (std::size_t m = 0; m < model_count; ++m) summarise(result.models[m], errors[m], sums[m]);

  if (!request.cross_validate || cases.size() < 2) return result;
  std::vector<std::size_t> candidates;
  for (std::size_t m = 0; m < model_count; ++m) {
    const ModelScore& score = result.models[m];
    if (score.no_forecast == 0 && score.not_applicable == 0 && score.issues > 0) candidates.push_back(m);
  }
  if (candidates.empty()) return result;
  CrossValidation validation;
  for (const std::size_t m : candidates) validation.candidates.push_back(result.models[m].model);
  std::vector<double> totals(model_count, 0.0);
  std::vector<std::size_t> counts(model_count, 0);
  for (const std::size_t m : candidates) {
    for (const std::size_t c : by_name) {
      totals[m] += sums[m][c].absolute;
      counts[m] += sums[m][c].count;
    }
  }
  std::vector<double> all;
  std::vector<CaseSums> by_case(cases.size());
  for (const std::size_t c : by_name) {
    std::size_t best = candidates.front();
    double best_mae = std::numeric_limits<double>::infinity();
    for (const std::size_t m : candidates) {
      const std::size_t rest = counts[m] - sums[m][c].count;
      const double mae = rest == 0 ? kNaN : (totals[m] - sums[m][c].absolute) / static_cast<double>(rest);
      if (mae < best_mae) {
        best = m;
        best_mae = mae;
      }
    }
    validation.chosen.emplace_back(cases[c].name, result.models[best].model);
    by_case[c] = sums[best][c];
    all.insert(all.end(), case_errors[best][c].begin(), case_errors[best][c].end());
  }
  validation.score.model = "cross-validated";
  summarise(validation.score, all, by_case);
  result.cross_validation = std::move(validation);
  return result;
}

}  // namespace parley

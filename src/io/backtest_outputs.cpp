#include "parley/io/backtest_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/sha256.hpp"
#include "parley/text.hpp"
#include "io/csv.hpp"
#include "parley/io/files.hpp"
#include "parley/io/manifest.hpp"

namespace parley::io {

using Json = nlohmann::ordered_json;

std::string BacktestOrigin::sha256() const {
  return sha256_hex(text);
}

std::string backtest_summary_csv(const BacktestResult& result) {
  std::string out;
  const std::string versus = "_vs_" + result.reference;
  append_csv_row(
      out, {"model", "issues", "mae", "median_ae", "rmse", "mae_low", "mae_high", "no_forecast", "not_applicable",
            "paired_issues", "difference" + versus, "difference_low" + versus, "difference_high" + versus, "coverage50",
            "coverage80", "coverage95", "width80", "interval_score80"});
  std::vector<const ModelScore*> rows;
  if (result.ensemble) rows.push_back(&*result.ensemble);
  for (const auto& score : result.models) rows.push_back(&score);
  if (result.cross_validation) rows.push_back(&result.cross_validation->score);
  for (const ModelScore* score : rows) {
    append_csv_row(out,
                   {score->model, std::to_string(score->issues), csv_number(score->mae), csv_number(score->median_ae),
                    csv_number(score->rmse), csv_number(score->mae_interval.low), csv_number(score->mae_interval.high),
                    std::to_string(score->no_forecast), std::to_string(score->not_applicable),
                    std::to_string(score->paired_issues), csv_number(score->difference),
                    csv_number(score->difference_interval.low), csv_number(score->difference_interval.high),
                    csv_number(score->coverage[0]), csv_number(score->coverage[1]), csv_number(score->coverage[2]),
                    csv_number(score->width80), csv_number(score->interval_score80)});
  }
  return out;
}

std::string backtest_cv_csv(const CrossValidation& validation) {
  std::string out;
  append_csv_row(out, {"proposal", "chosen"});
  for (const auto& [name, model] : validation.chosen) append_csv_row(out, {name, model});
  return out;
}

std::string backtest_issues_csv(const BacktestResult& result) {
  std::string out;
  append_csv_row(out, {"proposal", "issue", "model", "forecast", "outcome", "error", "low50", "high50", "low80",
                       "high80", "low95", "high95"});
  for (const auto& score : result.scores) {
    std::vector<std::string> row{
        score.case_name,          score.issue, score.model, csv_number(score.forecast), csv_number(score.outcome),
        csv_number(score.error())};
    for (const auto& interval : score.intervals) {
      row.push_back(csv_number(interval.low));
      row.push_back(csv_number(interval.high));
    }
    append_csv_row(out, row);
  }
  return out;
}

Json backtest_json(const BacktestResult& result, const BacktestRequest& request, const BacktestOrigin& origin) {
  Manifest manifest;
  manifest.source_key = "inputs";
  manifest.source = Json{{"files", origin.inputs}, {"format", origin.format}, {"sha256", origin.sha256()}};
  manifest.seed = result.seed;
  manifest.before_models = Json{{"bootstrap_samples", result.bootstrap_samples},
                                {"reference_model", result.reference},
                                {"cases", result.cases},
                                {"issues", result.issues},
                                {"issues_without_outcome", result.issues_without_outcome}};
  for (const auto& selection : request.models) manifest.models.emplace_back(selection.name, selection.parameters);
  if (request.ensemble) {
    manifest.after_models["ensemble"] =
        Json{{"rule", request.ensemble->candidate.name},
             {"calibration", request.ensemble->data},
             {"calibration_sha256", request.ensemble->data_sha256},
             {"scoring", result.ensemble_scoring == EnsembleScoring::refit ? "refit" : "shipped"}};
  }
  manifest.outputs = {"backtest.json", "backtest_summary.csv", "backtest_issues.csv"};
  if (result.cross_validation) {
    manifest.after_outputs["cross_validation"] = Json{{"candidates", result.cross_validation->candidates}};
    manifest.outputs.emplace_back("backtest_cv.csv");
  }
  return manifest_json(manifest);
}

namespace {

std::string number(double value, int decimals) {
  return std::isnan(value) ? "-" : fmt::format("{:.{}f}", value, decimals);
}

std::string score_row(const ModelScore& score, std::size_t width) {
  const std::string interval =
      fmt::format("[{}, {}]", number(score.mae_interval.low, 2), number(score.mae_interval.high, 2));
  std::string versus = "-";
  if (!std::isnan(score.difference)) {
    versus = fmt::format("{:+.3f} [{:+.2f}, {:+.2f}]", score.difference, score.difference_interval.low,
                         score.difference_interval.high);
    if (score.paired_issues != score.issues) versus += fmt::format(" on {} issues", score.paired_issues);
  }
  return fmt::format("{:<{}}{:>7}{:>9}{:>11}{:>9}   {:<17}  {}\n", score.model, width, score.issues,
                     number(score.mae, 3), number(score.median_ae, 3), number(score.rmse, 3), interval, versus);
}

}  // namespace

std::string backtest_table(const BacktestResult& result) {
  std::size_t width = 12;  // the model column fits the longest name (variants: MODEL@LABEL)
  for (const auto& score : result.models) width = std::max(width, score.model.size() + 1);
  if (result.cross_validation) width = std::max(width, result.cross_validation->score.model.size() + 1);
  std::string out = fmt::format("{:<{}}{:>7}{:>9}{:>11}{:>9}   {:<17}  {}\n", "model", width, "issues", "MAE",
                                "median AE", "RMSE", "MAE 95% CI", fmt::format("MAE - {} [95% CI]", result.reference));
  if (result.ensemble) out += score_row(*result.ensemble, width);
  for (const auto& score : result.models) out += score_row(score, width);
  if (result.cross_validation) out += score_row(result.cross_validation->score, width);
  for (const auto& score : result.models) {
    if (score.no_forecast > 0) {
      out += fmt::format("{}: no forecast on {} with an outcome; scored on the rest\n", score.model,
                         plural(score.no_forecast, "issue"));
    }
    if (score.not_applicable > 0) {
      out += fmt::format("{}: not applicable to {} (single-issue cases)\n", score.model,
                         plural(score.not_applicable, "issue"));
    }
  }
  if (result.ensemble) {
    const ModelScore& score = *result.ensemble;
    out += fmt::format(
        "ensemble: {}; intervals cover {:.1f} / {:.1f} / {:.1f} % of outcomes at 50 / 80 / 95 %, the 80 % interval "
        "{:.1f} wide on average, interval score {:.2f}\n",
        result.ensemble_scoring == EnsembleScoring::refit
            ? "scored out of sample: refitted leaving out each case it scores (intervals nested)"
            : "the shipped calibration as it is (it was fitted on none of these cases)",
        100.0 * score.coverage[0], 100.0 * score.coverage[1], 100.0 * score.coverage[2], score.width80,
        score.interval_score80);
  }
  if (result.cross_validation) {
    const CrossValidation& validation = *result.cross_validation;
    std::string picks;
    for (const auto& candidate : validation.candidates) {
      const auto times = std::count_if(validation.chosen.begin(), validation.chosen.end(),
                                       [&](const auto& choice) { return choice.second == candidate; });
      if (times > 0) picks += fmt::format("{}{} {}", picks.empty() ? "" : ", ", candidate, times);
    }
    out += fmt::format(
        "cross-validated: each case forecast by the candidate with the lowest MAE on the other {} cases; "
        "candidates (models that forecast every issue): {}; chosen: {}\n",
        validation.chosen.size() - 1, join(validation.candidates), picks);
  }
  return out;
}

void write_backtest_outputs(const std::filesystem::path& directory, const BacktestResult& result,
                            const BacktestRequest& request, const BacktestOrigin& origin) {
  make_output_directory(directory);
  write_text_file(directory / "backtest_summary.csv", backtest_summary_csv(result));
  write_text_file(directory / "backtest_issues.csv", backtest_issues_csv(result));
  if (result.cross_validation)
    write_text_file(directory / "backtest_cv.csv", backtest_cv_csv(*result.cross_validation));
  // The manifest last: the files it lists are whole.
  const Json manifest = backtest_json(result, request, origin);
  remove_stale_outputs(directory, manifest["outputs"].get<std::vector<std::string>>());
  write_text_file(directory / "backtest.json", manifest.dump(2) + "\n");
}

}  // namespace parley::io

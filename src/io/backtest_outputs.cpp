#include "io/backtest_outputs.hpp"

#include "core/sha256.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"
#include "io/run_outputs.hpp"
#include "parley/version.hpp"

namespace parley::io {

using Json = nlohmann::ordered_json;

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
  Json root;
  root["engine"] = Json{{"name", "parley"}, {"version", kVersion}};
  root["inputs"] = Json{{"files", origin.inputs}, {"format", origin.format}, {"sha256", sha256_hex(origin.text)}};
  root["seed"] = result.seed;
  root["bootstrap_samples"] = result.bootstrap_samples;
  root["reference_model"] = result.reference;
  root["cases"] = result.cases;
  root["issues"] = result.issues;
  root["issues_without_outcome"] = result.issues_without_outcome;
  root["models"] = Json::array();
  for (const auto& selection : request.models) {
    root["models"].push_back(Json{{"name", selection.name}, {"parameters", parameters_json(selection.parameters)}});
  }
  if (request.ensemble) {
    root["ensemble"] = Json{{"rule", request.ensemble->candidate.name},
                            {"calibration", request.ensemble->data},
                            {"calibration_sha256", request.ensemble->data_sha256},
                            {"scoring", result.ensemble_scoring == EnsembleScoring::refit ? "refit" : "shipped"}};
  }
  root["outputs"] = Json::array({"backtest.json", "backtest_summary.csv", "backtest_issues.csv"});
  if (result.cross_validation) {
    root["cross_validation"] = Json{{"candidates", result.cross_validation->candidates}};
    root["outputs"].push_back("backtest_cv.csv");
  }
  return root;
}

void write_backtest_outputs(const std::filesystem::path& directory, const BacktestResult& result,
                            const BacktestRequest& request, const BacktestOrigin& origin) {
  make_output_directory(directory);
  write_text_file(directory / "backtest.json", backtest_json(result, request, origin).dump(2) + "\n");
  write_text_file(directory / "backtest_summary.csv", backtest_summary_csv(result));
  write_text_file(directory / "backtest_issues.csv", backtest_issues_csv(result));
  if (result.cross_validation)
    write_text_file(directory / "backtest_cv.csv", backtest_cv_csv(*result.cross_validation));
}

}  // namespace parley::io

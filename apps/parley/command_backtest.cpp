// `parley backtest INPUT... [--from FORMAT] [-m MODEL]... [-p MODEL.NAME=VALUE]... [-o DIR]`:
// run models on decisions with known outcomes and report how far each model's forecasts fall.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "backtest_cases.hpp"
#include "cli_common.hpp"
#include "core/suggest.hpp"
#include "io/backtest_outputs.hpp"
#include "parley/backtest.hpp"
#include "parley/errors.hpp"

namespace parley::cli {
namespace {

struct BacktestOptions {
  DecisionOptions decisions;
  std::vector<std::string> models;
  std::vector<std::string> parameters;
  std::string output = "parley-backtest";
  bool quiet = false;
  bool cross_validate = false;
  std::string calibration;
  std::string ensemble_scoring = "auto";
};

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

std::string summary_table(const BacktestResult& result) {
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

class BacktestCommand final : public Command {
 public:
  explicit BacktestCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("backtest", "Score models against decisions whose outcomes are known");
    add_decision_options(app_, options_.decisions);
    app_->add_option("-m,--model", options_.models, "Model to score (repeatable); default: every registered model")
        ->allow_extra_args(false);
    app_->add_option("-p,--param", options_.parameters, "Model parameter as MODEL.NAME=VALUE (repeatable)")
        ->allow_extra_args(false);
    app_->add_option("-o,--output", options_.output, "Output folder")->capture_default_str();
    app_->add_flag("-q,--quiet", options_.quiet, "Do not print the summary table");
    add_calibration_option(app_, options_.calibration);
    app_->add_option("--ensemble-scoring", options_.ensemble_scoring,
                     "How the ensemble is scored: refit (leaving out each case scored), shipped (as calibrated), or "
                     "auto (refit when the calibration was fitted on any of the cases)")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "refit", "shipped"}));
    app_->add_flag("--cross-validate", options_.cross_validate,
                   "Also score choosing the best model on the other cases (leave one case out); use MODEL@LABEL "
                   "to offer variants of one model");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    io::BacktestOrigin origin;
    const std::vector<BacktestCase> cases =
        load_backtest_cases(options_.decisions.inputs, options_.decisions.from, origin);

    BacktestRequest request;
    request.seed = parse_seed_option(options_.decisions.seed);
    request.bootstrap_samples = options_.decisions.bootstrap;
    request.threads = threads_or_every_core(options_.decisions.threads);
    const Calibration calibration = load_calibration(options_.calibration);
    ModelPlan plan = plan_models(options_.models, options_.parameters, most_issues(cases), calibration);
    if (!plan.note.empty()) std::cerr << "note: " << plan.note << '\n';
    request.models = std::move(plan.models);
    if (plan.ensemble) request.ensemble = calibration;
    request.ensemble_scoring = options_.ensemble_scoring == "refit"     ? EnsembleScoring::refit
                               : options_.ensemble_scoring == "shipped" ? EnsembleScoring::shipped
                                                                        : EnsembleScoring::automatic;
    request.cross_validate = options_.cross_validate;
    const BacktestResult result = backtest(cases, request);
    io::write_backtest_outputs(options_.output, result, request, origin);
    if (!options_.quiet) {
      std::cout << fmt::format("backtest of {}: {}, {} with an outcome ({} without, skipped)\n",
                               plural(result.cases, "case"), plural(result.issues, "issue"),
                               result.issues - result.issues_without_outcome, result.issues_without_outcome);
      std::cout << fmt::format(
          "errors are |forecast - outcome| on each issue's scale; intervals resample whole "
          "cases ({} resamples, seed {})\n\n",
          result.bootstrap_samples, result.seed);
      std::cout << summary_table(result);
      std::cout << fmt::format("\nwrote {}/backtest.json, backtest_summary.csv, backtest_issues.csv{}\n",
                               options_.output, result.cross_validation ? ", backtest_cv.csv" : "");
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  BacktestOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_backtest_command(CLI::App& parent) {
  return std::make_unique<BacktestCommand>(parent);
}

}  // namespace parley::cli

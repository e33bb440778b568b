// `parley backtest INPUT... [--from FORMAT] [-m MODEL]... [-p MODEL.NAME=VALUE]... [-o DIR]`:
// run models on decisions with known outcomes and report how far each model's forecasts fall.

#include <fmt/format.h>

#include <iostream>

#include "backtest_cases.hpp"
#include "cli_common.hpp"
#include "parley/backtest.hpp"
#include "parley/errors.hpp"
#include "parley/io/backtest_outputs.hpp"
#include "parley/run.hpp"

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
    request.threads = checked_threads(options_.decisions.threads);
    const Calibration calibration = load_calibration(options_.calibration);
    ModelPlan plan = plan_models(options_.models, options_.parameters, most_issues(cases), calibration);
    if (!plan.note.empty()) std::cerr << label("note") << ": " << plan.note << '\n';
    request.models = std::move(plan.models);
    if (plan.ensemble) request.ensemble = calibration;
    request.ensemble_scoring = options_.ensemble_scoring == "refit"     ? EnsembleScoring::refit
                               : options_.ensemble_scoring == "shipped" ? EnsembleScoring::shipped
                                                                        : EnsembleScoring::automatic;
    request.cross_validate = options_.cross_validate;
    const BacktestResult result = backtest(cases, request);
    io::write_backtest_outputs(options_.output, result, request, origin);
    write_run_report(options_.output);
    if (!options_.quiet) {
      std::cout << fmt::format("backtest of {}: {}, {} with an outcome ({} without, skipped)\n",
                               plural(result.cases, "case"), plural(result.issues, "issue"),
                               result.issues - result.issues_without_outcome, result.issues_without_outcome);
      std::cout << fmt::format(
          "errors are |forecast - outcome| on each issue's scale; intervals resample whole "
          "cases ({} resamples, seed {})\n\n",
          result.bootstrap_samples, result.seed);
      std::cout << io::backtest_table(result);
      std::cout << fmt::format("\nwrote {}/backtest.json, backtest_summary.csv, backtest_issues.csv{}, report.html\n",
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

// `parley calibrate INPUT... [--from FORMAT] [-m MODEL]... [-p MODEL.NAME=VALUE]... [-o FILE]`: fit the
// ensemble — parley's headline forecast and its intervals — on decisions with known outcomes.

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "backtest_cases.hpp"
#include "cli_common.hpp"
#include "parley/calibrate.hpp"
#include "parley/errors.hpp"
#include "parley/io/calibration_json.hpp"
#include "parley/io/calibration_report.hpp"
#include "parley/io/files.hpp"
#include "parley/run.hpp"
#include "parley/version.hpp"

namespace parley::cli {
namespace {

struct CalibrateOptions {
  DecisionOptions decisions;
  std::vector<std::string> models;
  std::vector<std::string> parameters;
  std::string output = "calibration.json";
  bool quiet = false;
};

class CalibrateCommand final : public Command {
 public:
  explicit CalibrateCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "calibrate", "Fit the ensemble (the headline forecast and its intervals) on decisions with known outcomes");
    add_decision_options(app_, options_.decisions);
    app_->add_option("-m,--model", options_.models,
                     "Offer these models (repeatable; MODEL@LABEL for variants) to every family of rule, instead of "
                     "the declared candidates")
        ->allow_extra_args(false);
    app_->add_option("-p,--param", options_.parameters, "Parameter of an offered model, as MODEL.NAME=VALUE")
        ->allow_extra_args(false);
    app_->add_option("-o,--output", options_.output, "The calibration file to write")->capture_default_str();
    app_->add_flag("-q,--quiet", options_.quiet, "Do not print the table of candidates");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    io::BacktestOrigin origin;
    const std::vector<BacktestCase> cases =
        load_backtest_cases(options_.decisions.inputs, options_.decisions.from, origin);
    if (cases.size() < 3) {
      throw UsageError(fmt::format("calibrate needs at least 3 cases to leave one out and still fit; {} has {}",
                                   fmt::join(options_.decisions.inputs, " "), cases.size()));
    }
    if (options_.models.empty() && !options_.parameters.empty()) {
      throw UsageError("-p sets parameters of the models given with -m; give the models too");
    }
    CalibrateRequest request;
    request.candidates =
        options_.models.empty() ? declared_candidates() : candidates_over(options_.models, options_.parameters);
    request.seed = parse_seed_option(options_.decisions.seed);
    request.bootstrap_samples = options_.decisions.bootstrap;
    request.threads = checked_threads(options_.decisions.threads);
    std::vector<std::string> names;
    for (const auto& input : options_.decisions.inputs)
      names.push_back(std::filesystem::path(input).filename().string());
    request.data = fmt::format("{}", fmt::join(names, ", "));
    request.data_sha256 = origin.sha256();
    request.domain = options_.decisions.from == "deu3"
                         ? "EU legislative bargaining: the DEU III development set (the Commission, the Parliament "
                           "and the member states on proposals of the Union)"
                         : fmt::format("the decisions in {}", request.data);
    request.command = command_line();
    request.engine = fmt::format("parley {} (commit {})", kVersion, kCommit);
    const CalibrationReport report = calibrate(cases, request);
    io::write_text_file(options_.output, io::write_calibration_json(report.calibration));
    if (!options_.quiet)
      std::cout << io::calibration_report(report, request) << fmt::format("\nwrote {}\n", options_.output);
    return 0;
  }

 private:
  [[nodiscard]] std::string command_line() const {
    std::string line = "parley calibrate";
    for (const auto& input : options_.decisions.inputs) line += " " + input;
    if (!options_.decisions.from.empty()) line += " --from " + options_.decisions.from;
    for (const auto& model : options_.models) line += " -m " + model;
    for (const auto& parameter : options_.parameters) line += " -p " + parameter;
    if (options_.decisions.seed != std::to_string(kDefaultSeed)) line += " --seed " + options_.decisions.seed;
    if (options_.decisions.bootstrap != 2000) line += fmt::format(" --bootstrap {}", options_.decisions.bootstrap);
    return line + " -o " + options_.output;
  }

  CLI::App* app_ = nullptr;
  CalibrateOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_calibrate_command(CLI::App& parent) {
  return std::make_unique<CalibrateCommand>(parent);
}

}  // namespace parley::cli

// `parley calibrate INPUT... [--from FORMAT] [-m MODEL]... [-p MODEL.NAME=VALUE]... [-o FILE]`: fit the
// ensemble — parley's headline forecast and its intervals — on decisions with known outcomes.

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#include "backtest_cases.hpp"
#include "cli_common.hpp"
#include "core/sha256.hpp"
#include "io/calibration_json.hpp"
#include "io/files.hpp"
#include "parley/calibrate.hpp"
#include "parley/errors.hpp"
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

std::string number(double value, int decimals) {
  return std::isfinite(value) ? fmt::format("{:.{}f}", value, decimals) : "-";
}

std::string percent(double share) {
  return std::isfinite(share) ? fmt::format("{:.1f}", 100.0 * share) : "-";
}

// The declared families over the models given with -m (and their variants' -p).
std::vector<EnsembleCandidate> candidates_over(const std::vector<std::string>& models,
                                               const std::vector<std::string>& parameters) {
  std::vector<EnsembleMember> pool;
  for (const auto& name : models) {
    EnsembleMember member{name, {}};
    for (const auto& assignment : parameters) {
      const auto dot = assignment.find('.');
      const auto equals = assignment.find('=');
      if (dot == std::string::npos || equals == std::string::npos || dot > equals) {
        throw UsageError(fmt::format("-p {}: write a parameter as MODEL.NAME=VALUE", assignment));
      }
      if (assignment.substr(0, dot) != name) continue;
      member.parameters.emplace_back(assignment.substr(dot + 1, equals - dot - 1), assignment.substr(equals + 1));
    }
    pool.push_back(std::move(member));
  }
  return {
      {pool.front().name, EnsembleFamily::single, {pool.front()}, "the first model given alone"},
      {"mean", EnsembleFamily::mean, pool, "the plain mean of the models given"},
      {"median", EnsembleFamily::median, pool, "the median of the models given"},
      {"trimmed", EnsembleFamily::trimmed, pool, "the models' mean, 20 % trimmed at each end"},
      {"choice", EnsembleFamily::choice, pool, "the model with the lowest error on past decisions"},
      {"stack", EnsembleFamily::stack, pool, "the models weighted for the least absolute error on past decisions"},
  };
}

std::string candidate_table(const CalibrationReport& report, const std::string& reference) {
  std::size_t width = 12;
  for (const auto& entry : report.candidates) width = std::max(width, entry.candidate.name.size() + 2);
  std::string out = fmt::format("{:<{}}{:>8}{:>8}{:>8}   {:<26}{:>6}{:>6}{:>6}{:>8}{:>8}  |{:>6}{:>8}{:>8}\n",
                                "candidate", width, "MAE", "medAE", "RMSE", fmt::format("MAE - {} [95% CI]", reference),
                                "cov50", "cov80", "cov95", "width80", "IS80", "cov80", "width80", "IS80");
  for (std::size_t k = 0; k < report.candidates.size(); ++k) {
    const CandidateResult& entry = report.candidates[k];
    const ModelScore& c = entry.constant;
    const ModelScore& s = entry.spread;
    const std::string versus = std::isfinite(c.difference)
                                   ? fmt::format("{:+.3f} [{:+.2f}, {:+.2f}]", c.difference, c.difference_interval.low,
                                                 c.difference_interval.high)
                                   : "-";
    out +=
        fmt::format("{:<{}}{:>8}{:>8}{:>8}   {:<26}{:>6}{:>6}{:>6}{:>8}{:>8}  |{:>6}{:>8}{:>8}{}\n",
                    (k == report.chosen ? "* " : "  ") + entry.candidate.name, width, number(c.mae, 3),
                    number(c.median_ae, 2), number(c.rmse, 2), versus, percent(c.coverage[0]), percent(c.coverage[1]),
                    percent(c.coverage[2]), number(c.width80, 1), number(c.interval_score80, 2), percent(s.coverage[1]),
                    number(s.width80, 1), number(s.interval_score80, 2), entry.eligible ? "" : "  (misses issues)");
  }
  return out;
}

std::string weights_line(const Calibration& calibration) {
  const EnsembleRule& rule = calibration.rule;
  if (rule.combination != Combination::weighted) {
    std::vector<std::string> names;
    for (const auto& member : rule.members) names.push_back(member.name);
    return fmt::format("{} of {}", rule.combination == Combination::median ? "median" : "trimmed mean",
                       fmt::join(names, ", "));
  }
  std::string out;
  for (std::size_t m = 0; m < rule.members.size(); ++m) {
    if (rule.weights[m] <= 0.0) continue;
    out += fmt::format("{}{} {:.3f}", out.empty() ? "" : ", ", rule.members[m].name, rule.weights[m]);
  }
  return out;
}

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
    request.threads = threads_or_every_core(options_.decisions.threads);
    std::vector<std::string> names;
    for (const auto& input : options_.decisions.inputs)
      names.push_back(std::filesystem::path(input).filename().string());
    request.data = fmt::format("{}", fmt::join(names, ", "));
    request.data_sha256 = sha256_hex(origin.text);
    request.domain = options_.decisions.from == "deu3"
                         ? "EU legislative bargaining: the DEU III development set (the Commission, the Parliament "
                           "and the member states on proposals of the Union)"
                         : fmt::format("the decisions in {}", request.data);
    request.command = command_line();
    request.engine = fmt::format("parley {} (commit {})", kVersion, kCommit);
    const CalibrationReport report = calibrate(cases, request);
    io::write_text_file(options_.output, io::write_calibration_json(report.calibration));
    if (!options_.quiet) print(report, request);
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

  void print(const CalibrationReport& report, const CalibrateRequest& request) const {
    const Calibration& calibration = report.calibration;
    const CalibrationFigures& figures = calibration.figures;
    std::cout << fmt::format(
        "calibration on {}: {}, {} with an outcome\n"
        "each candidate scored leaving one case out; its intervals from the errors of the other cases' "
        "forecasts, each fitted without both (nested)\n"
        "left: intervals of constant width; right (|): scaled by the members' spread; '*' the one chosen "
        "(lowest MAE)\n\n",
        request.data, plural(report.members.cases, "case"), plural(figures.issues, "issue"));
    std::cout << candidate_table(report, request.reference);
    std::cout << fmt::format(
        "\nchosen: {} — {}\n  rule fitted on all {}: {}\n  intervals: {} (lower interval score at 80 %); "
        "half-widths {} / {} / {} at 50 / 80 / 95 %{}\n",
        calibration.candidate.name, calibration.candidate.description, plural(figures.cases, "case"),
        weights_line(calibration),
        calibration.intervals.scale == IntervalScale::spread ? "scaled by the members' spread" : "constant width",
        number(calibration.intervals.quantiles[0], 3), number(calibration.intervals.quantiles[1], 3),
        number(calibration.intervals.quantiles[2], 3),
        calibration.intervals.scale == IntervalScale::spread ? " (times spread + floor, shares of the scale)"
                                                             : " (shares of the scale)");
    std::cout << fmt::format(
        "  out of sample: MAE {:.3f} ({} {:.3f}), coverage {} / {} / {} %, 80 % interval width {:.1f}, "
        "interval score {:.2f}\n",
        figures.mae, request.reference, figures.reference_mae, percent(figures.coverage[0]),
        percent(figures.coverage[1]), percent(figures.coverage[2]), figures.width80, figures.interval_score80);
    std::cout << fmt::format(
        "the choice itself, made inside each fold on the other cases and scored on the case left out: MAE {:.3f} "
        "({:+.3f} against {} [{:+.2f}, {:+.2f}])\n",
        report.selection.mae, report.selection.difference, request.reference, report.selection.difference_interval.low,
        report.selection.difference_interval.high);
    std::cout << fmt::format("\nwrote {}\n", options_.output);
  }

  CLI::App* app_ = nullptr;
  CalibrateOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_calibrate_command(CLI::App& parent) {
  return std::make_unique<CalibrateCommand>(parent);
}

}  // namespace parley::cli

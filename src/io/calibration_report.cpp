#include "parley/io/calibration_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "parley/text.hpp"

namespace parley::io {

namespace {

std::string number(double value, int decimals) {
  return std::isfinite(value) ? fmt::format("{:.{}f}", value, decimals) : "-";
}

std::string percent(double share) {
  return std::isfinite(share) ? fmt::format("{:.1f}", 100.0 * share) : "-";
}

}  // namespace

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

std::string calibration_report(const CalibrationReport& report, const CalibrateRequest& request) {
  std::string out;
  const Calibration& calibration = report.calibration;
  const CalibrationFigures& figures = calibration.figures;
  out += fmt::format(
      "calibration on {}: {}, {} with an outcome\n"
      "each candidate scored leaving one case out; its intervals from the errors of the other cases' "
      "forecasts, each fitted without both (nested)\n"
      "left: intervals of constant width; right (|): scaled by the members' spread; '*' the one chosen "
      "(lowest MAE)\n\n",
      request.data, plural(report.members.cases, "case"), plural(figures.issues, "issue"));
  out += candidate_table(report, request.reference);
  out += fmt::format(
      "\nchosen: {} — {}\n  rule fitted on all {}: {}\n  intervals: {} (lower interval score at 80 %); "
      "half-widths {} / {} / {} at 50 / 80 / 95 %{}\n",
      calibration.candidate.name, calibration.candidate.description, plural(figures.cases, "case"),
      weights_line(calibration),
      calibration.intervals.scale == IntervalScale::spread ? "scaled by the members' spread" : "constant width",
      number(calibration.intervals.quantiles[0], 3), number(calibration.intervals.quantiles[1], 3),
      number(calibration.intervals.quantiles[2], 3),
      calibration.intervals.scale == IntervalScale::spread ? " (times spread + floor, shares of the scale)"
                                                           : " (shares of the scale)");
  out += fmt::format(
      "  out of sample: MAE {:.3f} ({} {:.3f}), coverage {} / {} / {} %, 80 % interval width {:.1f}, "
      "interval score {:.2f}\n",
      figures.mae, request.reference, figures.reference_mae, percent(figures.coverage[0]),
      percent(figures.coverage[1]), percent(figures.coverage[2]), figures.width80, figures.interval_score80);
  out += fmt::format(
      "the choice itself, made inside each fold on the other cases and scored on the case left out: MAE {:.3f} "
      "({:+.3f} against {} [{:+.2f}, {:+.2f}])\n",
      report.selection.mae, report.selection.difference, request.reference, report.selection.difference_interval.low,
      report.selection.difference_interval.high);
  return out;
}

}  // namespace parley::io

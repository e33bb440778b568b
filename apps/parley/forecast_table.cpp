#include "forecast_table.hpp"

#include <fmt/format.h>

#include <cmath>

namespace parley::cli {
namespace {

constexpr int kLineWidth = 41;

// A number line from min to max: '|' marks the status quo, '#' the forecast, '=' the 80 % interval.
std::string number_line(double value, const Issue& issue, const Range* interval = nullptr) {
  std::string line(kLineWidth, '-');
  const auto column = [&](double x) {
    const double share = (x - issue.scale.min) / (issue.scale.max - issue.scale.min);
    return static_cast<std::size_t>(std::lround(share * (kLineWidth - 1)));
  };
  if (interval != nullptr) {
    for (std::size_t c = column(interval->low); c <= column(interval->high) && c < line.size(); ++c) line[c] = '=';
  }
  if (issue.status_quo) line[column(*issue.status_quo)] = '|';
  if (std::isfinite(value)) line[column(value)] = '#';
  return "[" + line + "]";
}

std::string pole(double value, const std::string& meaning) {
  return meaning.empty() ? fmt::format("{}", value) : fmt::format("{} = {}", value, meaning);
}

std::string range(const Range& r) {
  return fmt::format("[{:.1f}–{:.1f}]", r.low, r.high);
}

std::string standings(const std::vector<ModelStanding>& models) {
  std::string out;
  for (const auto& model : models)
    out += fmt::format("{}{} {:.1f}", out.empty() ? "" : ", ", model.model, model.forecast);
  return out.empty() ? "none" : out;
}

// The answer first: per issue the headline with its intervals, who agrees, and what to distrust.
std::string answer_block(const RunResult& result, const Answer& answer) {
  std::string out =
      fmt::format("parley's answer: the ensemble ({}: {}), with 80 % intervals calibrated on real decisions\n",
                  answer.calibration.candidate.name, answer.calibration.candidate.description);
  for (std::size_t i = 0; i < result.scenario.issues.size() && i < answer.issues.size(); ++i) {
    const Issue& issue = result.scenario.issues[i];
    const IssueAnswer& item = answer.issues[i];
    out += fmt::format("\n{}: {}\n", issue.id, issue.question);
    if (std::isnan(item.forecast)) {
      out += "  parley forecast: none (no model of the ensemble forecasts this issue)\n";
    } else {
      out += fmt::format("  parley forecast {:.1f} {} (80 %)   50 % {} · 95 % {}\n", item.forecast,
                         range(item.intervals[1]), range(item.intervals[0]), range(item.intervals[2]));
      out += fmt::format("  {}\n", number_line(item.forecast, issue, &item.intervals[1]));
    }
    out +=
        fmt::format("  {}  …  {}\n", pole(issue.scale.min, issue.scale.low), pole(issue.scale.max, issue.scale.high));
    out += fmt::format("  agree (inside the 50 % interval): {}\n", standings(item.agree));
    out += fmt::format("  disagree: {}\n", standings(item.disagree));
    for (const auto& flag : item.flags) out += fmt::format("  ! {}: {}\n", flag.model, flag.text);
  }
  out += fmt::format(
      "\nThe ensemble was fitted on {}; a scenario from another domain, such as a security crisis, lies outside "
      "it, so read its intervals as the least uncertainty there is.\n",
      answer.calibration.domain);
  return out;
}

}  // namespace

std::string forecast_table(const RunResult& result) {
  std::string out = fmt::format("{} — as of {}\n\n", result.scenario.title, result.at.to_string());
  if (result.answer) out += answer_block(result, *result.answer) + "\nEach model's forecast:\n";
  std::size_t width = 12;  // fits the longest model name (variants: MODEL@LABEL)
  for (const auto& model_run : result.runs) width = std::max(width, model_run.model.size() + 1);
  for (std::size_t i = 0; i < result.scenario.issues.size(); ++i) {
    const Issue& issue = result.scenario.issues[i];
    out += fmt::format("\n{}: {}\n", issue.id, issue.question);
    out += fmt::format("  scale  {}  …  {}\n", pole(issue.scale.min, issue.scale.low),
                       pole(issue.scale.max, issue.scale.high));
    if (issue.status_quo)
      out += fmt::format("  {:<{}}{:>7.1f}  {}\n", "status quo", width, *issue.status_quo, "('|' on the line)");
    if (result.answer && i < result.answer->issues.size() && std::isfinite(result.answer->issues[i].forecast)) {
      const IssueAnswer& item = result.answer->issues[i];
      out += fmt::format("  {:<{}}{:>7.1f}  {}  ('=' its 80 % interval)\n", kEnsembleName, width, item.forecast,
                         number_line(item.forecast, issue, &item.intervals[1]));
    }
    for (const auto& model_run : result.runs) {
      for (const auto& forecast : model_run.outcome.issues) {
        if (forecast.issue != issue.id) continue;
        if (!std::isfinite(forecast.forecast)) {
          out += fmt::format("  {:<{}}{:>7}  ({})\n", model_run.model, width, "-", to_string(forecast.reason));
          continue;
        }
        std::string marks;  // what to distrust in this result, where it stands
        for (const auto& flag : flags_of(model_run.model, forecast)) marks += "  ! " + flag.code;
        out += fmt::format("  {:<{}}{:>7.1f}  {}{}\n", model_run.model, width, forecast.forecast,
                           number_line(forecast.forecast, issue), marks);
      }
    }
  }
  return out;
}

}  // namespace parley::cli

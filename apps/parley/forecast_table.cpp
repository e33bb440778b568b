#include "forecast_table.hpp"

#include <fmt/format.h>

#include <cmath>

namespace parley::cli {
namespace {

constexpr int kLineWidth = 41;

// A number line from min to max: '|' marks the status quo, '#' the forecast.
std::string number_line(double value, const Issue& issue) {
  std::string line(kLineWidth, '-');
  const auto column = [&](double x) {
    const double share = (x - issue.scale.min) / (issue.scale.max - issue.scale.min);
    return static_cast<std::size_t>(std::lround(share * (kLineWidth - 1)));
  };
  if (issue.status_quo) line[column(*issue.status_quo)] = '|';
  if (std::isfinite(value)) line[column(value)] = '#';
  return "[" + line + "]";
}

}  // namespace

std::string forecast_table(const RunResult& result) {
  std::string out = fmt::format("{} — as of {}\n", result.scenario.title, result.at.to_string());
  std::size_t width = 12;  // fits the longest model name (variants: MODEL@LABEL)
  for (const auto& model_run : result.runs) width = std::max(width, model_run.model.size() + 1);
  for (const auto& issue : result.scenario.issues) {
    out += fmt::format("\n{}: {}\n", issue.id, issue.question);
    const auto pole = [](double value, const std::string& meaning) {
      return meaning.empty() ? fmt::format("{}", value) : fmt::format("{} = {}", value, meaning);
    };
    out += fmt::format("  scale  {}  …  {}\n", pole(issue.scale.min, issue.scale.low),
                       pole(issue.scale.max, issue.scale.high));
    if (issue.status_quo)
      out += fmt::format("  {:<{}}{:>7.1f}  {}\n", "status quo", width, *issue.status_quo, "('|' on the line)");
    for (const auto& model_run : result.runs) {
      for (const auto& forecast : model_run.outcome.issues) {
        if (forecast.issue != issue.id) continue;
        if (!std::isfinite(forecast.forecast)) {
          out += fmt::format("  {:<{}}{:>7}  ({})\n", model_run.model, width, "-", to_string(forecast.reason));
          continue;
        }
        out += fmt::format("  {:<{}}{:>7.1f}  {}\n", model_run.model, width, forecast.forecast,
                           number_line(forecast.forecast, issue));
      }
    }
  }
  return out;
}

}  // namespace parley::cli

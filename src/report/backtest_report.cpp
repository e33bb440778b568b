#include "report/backtest_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "core/statistics.hpp"
#include "parley/errors.hpp"
#include "parley/io/files.hpp"
#include "parley/text.hpp"
#include "report/charts.hpp"
#include "report/page.hpp"
#include "report/rows.hpp"
#include "report/svg.hpp"

namespace parley::report {
namespace {

using Json = nlohmann::json;

std::string cell(const Row& row, const std::string& key, const char* format = "{:.1f}") {
  const auto value = number_of(row, key);
  return value ? fmt::format(fmt::runtime(format), *value) : std::string("–");
}

std::string percent(const Row& row, const std::string& key) {
  const auto value = number_of(row, key);
  return value ? fmt::format("{:.0f} %", 100.0 * *value) : std::string("–");
}

}  // namespace

std::string build_backtest_report(const std::filesystem::path& directory) {
  const Json manifest = Json::parse(io::read_text_file(directory / "backtest.json"), nullptr, false);
  if (manifest.is_discarded()) {
    throw InputNotFoundError(fmt::format("{}: backtest.json is not JSON", (directory / "backtest.json").string()));
  }
  const std::vector<Row> summary = read_csv(directory / "backtest_summary.csv");
  const std::vector<Row> issues = read_csv(directory / "backtest_issues.csv");
  std::string files;
  if (manifest.contains("inputs") && manifest["inputs"].contains("files")) {
    std::vector<std::string> names;
    for (const auto& file : manifest["inputs"]["files"]) names.push_back(file.get<std::string>());
    files = join(names);
  }
  const std::string reference = manifest.value("reference_model", std::string("compromise"));
  std::string out =
      page_head("parley backtest") +
      fmt::format(
          "<h1>How the models did on decisions whose outcomes are known</h1>\n"
          "<p class=\"meta\">{} ({}) · {} cases, {} issues ({} without an outcome, not scored) · seed {} · reference "
          "model {}</p>\n",
          escape(files), escape(manifest["inputs"].value("format", std::string{})), manifest.value("cases", 0),
          manifest.value("issues", 0), manifest.value("issues_without_outcome", 0), manifest.value("seed", 0ULL),
          escape(reference));

  // Per model: the errors with their bootstrap intervals, a chart of the mean absolute error.
  out +=
      "<h2>Errors by model</h2>\n<p class=\"note\">Absolute errors on each issue's 0–100 scale; the mean with "
      "its 95 % bootstrap interval, and the difference from the reference model on the same issues (negative: "
      "better).</p>\n";
  std::vector<Bar> bars;
  double largest = 0.0;
  out +=
      "<div class=\"wide\"><table><tr><th>model</th><th>issues</th><th>mean abs. error [95 %]</th><th>median</th>"
      "<th>RMSE</th><th>vs " +
      escape(reference) + " [95 %]</th></tr>\n";
  for (const Row& row : summary) {
    out += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} [{}, {}]</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{} [{}, {}]</td></tr>\n",
        escape(row.at("model")), escape(row.at("issues")), cell(row, "mae"), cell(row, "mae_low"),
        cell(row, "mae_high"), cell(row, "median_ae"), cell(row, "rmse"),
        cell(row, "difference_vs_" + reference, "{:+.1f}"), cell(row, "difference_low_vs_" + reference, "{:+.1f}"),
        cell(row, "difference_high_vs_" + reference, "{:+.1f}"));
    if (const auto mae = number_of(row, "mae")) {
      const double high = number_of(row, "mae_high").value_or(*mae);
      bars.push_back({row.at("model"), *mae, number_of(row, "mae_low").value_or(*mae), high});
      largest = std::max(largest, high);
    }
  }
  out += "</table></div>\n";
  if (!bars.empty()) {
    out += "<figure>" +
           bar_chart("mean absolute error by model", bars, std::max(10.0, std::ceil(largest / 10.0) * 10.0)) +
           "</figure>\n";
  }

  // The spread of each model's errors over the issues.
  std::map<std::string, std::vector<double>> errors;
  std::vector<std::string> order;
  for (const Row& row : issues) {
    const auto error = number_of(row, "error");
    if (!error) continue;
    const std::string& model = row.at("model");
    if (!errors.contains(model)) order.push_back(model);
    errors[model].push_back(std::fabs(*error));
  }
  if (!order.empty()) {
    std::vector<Band> spreads;
    for (const auto& model : order) {
      const auto& values = errors[model];
      double sum = 0.0;
      for (const double value : values) sum += value;
      spreads.push_back({model, quantile(values, 0.05), quantile(values, 0.25), quantile(values, 0.5),
                         quantile(values, 0.75), quantile(values, 0.95), sum / static_cast<double>(values.size())});
    }
    out +=
        "<h2>Errors by issue</h2>\n<p class=\"note\">How each model's absolute errors spread over the issues "
        "(backtest_issues.csv has every one).</p>\n<figure>" +
        distribution_chart("absolute error over the issues", 0.0, 100.0, spreads) + "</figure>\n";
  }

  // Calibration: how often the intervals held the outcome, against how often they should.
  std::string calibration;
  for (const Row& row : summary) {
    if (!number_of(row, "coverage80")) continue;
    calibration += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}"
        "</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        escape(row.at("model")), percent(row, "coverage50"), percent(row, "coverage80"), percent(row, "coverage95"),
        cell(row, "width80"), cell(row, "interval_score80"));
  }
  if (!calibration.empty()) {
    out +=
        "<h2>Calibration</h2>\n<p class=\"note\">The share of outcomes inside each interval; a calibrated "
        "forecast holds 50 %, 80 % and 95 % of them. Its 80 % interval's mean width and interval score (lower "
        "is better).</p>\n<table><tr><th>model</th><th>50 % held</th><th>80 % held</th><th>95 % held</th>"
        "<th>80 % width</th><th>interval score</th></tr>\n" +
        calibration + "</table>\n";
  }
  out += page_foot(fmt::format("from the files of {}; nothing in this page is fetched from elsewhere.",
                               escape(directory.filename().string())));
  return out;
}

}  // namespace parley::report

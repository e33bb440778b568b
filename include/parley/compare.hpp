#pragma once
// Two runs side by side: a what-if against its base, one date against another, one scenario against
// another. Each side is an output folder of `parley run` (forecast.csv) or `parley mc`
// (mc_summary.csv), or one holding both; per issue and model, the two forecasts and their difference,
// and the Monte Carlo distributions side by side where both sides have them.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace parley::report {

struct Distribution {
  double mean = 0.0, q05 = 0.0, q25 = 0.0, q50 = 0.0, q75 = 0.0, q95 = 0.0;
};

struct ComparedForecast {
  std::string issue;
  std::string model;
  std::optional<double> a, b;                // forecast.csv's forecast
  std::optional<Distribution> mc_a, mc_b;    // mc_summary.csv's

  [[nodiscard]] std::optional<double> difference() const;     // b − a
  [[nodiscard]] std::optional<double> mean_difference() const;  // of the Monte Carlo means
};

struct ComparedIssue {
  std::string id;
  std::string question;
  double min = 0.0;
  double max = 100.0;
};

struct Comparison {
  std::string a, b;  // what each side is: its folder, scenario and what-ifs, in a line
  std::vector<ComparedIssue> issues;
  std::vector<ComparedForecast> forecasts;  // by issue (in the order of `issues`), then model
};

// Reads the two folders. Throws InputNotFoundError when either is not an output folder (no run.json
// or scenario.json, or neither forecast.csv nor mc_summary.csv).
[[nodiscard]] Comparison compare_folders(const std::filesystem::path& a, const std::filesystem::path& b);

// The comparison as a text table (the terminal's), as CSV (compare.csv: issue, model, a, b,
// difference, then each side's mean and quantiles and the difference of the means) and as one
// self-contained HTML page (compare.html).
[[nodiscard]] std::string comparison_table(const Comparison& comparison);
[[nodiscard]] std::string comparison_csv(const Comparison& comparison);
[[nodiscard]] std::string comparison_html(const Comparison& comparison);

// Writes DIRECTORY/compare.csv and DIRECTORY/compare.html. Throws OutputError.
void write_comparison(const Comparison& comparison, const std::filesystem::path& directory);

}  // namespace parley::report

// Runs the default scenario from C++ through the public API: its headline forecasts with their 80 %
// intervals, then one model's forecasts (docs/api.md).
#include <cstdio>

#include "parley/io/calibration_json.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/run.hpp"

int main() {
  const auto* file = parley::io::find_embedded("pakistan-2023");
  const parley::Scenario scenario = parley::io::read_scenario_yaml(file->text, "pakistan-2023.yaml", {}).scenario;
  const parley::Calibration& calibration = parley::io::shipped_calibration();
  parley::RunRequest request;  // the date is the scenario's as_of, the seed parley's default
  request.models = parley::plan_models({}, {}, scenario.issues.size(), calibration).models;
  request.ensemble = calibration;
  const parley::RunResult result = parley::run(scenario, request);
  for (const auto& issue : result.answer->issues) {
    std::printf("%-16s %5.1f [%5.1f, %5.1f]\n", issue.issue.c_str(), issue.forecast, issue.intervals[1].low,
                issue.intervals[1].high);
  }
  for (const auto& forecast : result.runs.front().outcome.issues) {
    std::printf("%s %s %.2f\n", result.runs.front().model.c_str(), forecast.issue.c_str(), forecast.forecast);
  }
}

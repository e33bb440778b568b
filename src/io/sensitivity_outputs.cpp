#include "parley/io/sensitivity_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "io/csv.hpp"
#include "parley/io/files.hpp"
#include "parley/timeline.hpp"

namespace parley::io {

std::string sensitivity_csv(const MonteCarlo& mc, const ModelSensitivity& sensitivity) {
  std::string csv;
  append_csv_row(csv, {"model", "issue", "input", "first", "first_low", "first_high", "total", "total_low",
                       "total_high", "variance"});
  const auto& series = mc.series();
  for (std::size_t o = 0; o < series.size(); ++o) {
    for (std::size_t g = 0; g < sensitivity.groups.size(); ++g) {
      const SobolIndex& index = sensitivity.result.indices[o][g];
      append_csv_row(csv, {series[o].model, series[o].issue, sensitivity.groups[g], csv_number(index.first),
                           csv_number(index.first_low), csv_number(index.first_high), csv_number(index.total),
                           csv_number(index.total_low), csv_number(index.total_high),
                           csv_number(sensitivity.result.variance[o])});
    }
  }
  return csv;
}

void write_sensitivity_outputs(const std::filesystem::path& directory, const MonteCarlo& mc,
                               const ModelSensitivity& sensitivity, const Scenario& scenario,
                               const RunRequest& request, const ScenarioOrigin& origin, std::size_t bootstrap) {
  make_output_directory(directory);
  write_text_file(directory / "sensitivity.csv", sensitivity_csv(mc, sensitivity));
  Manifest manifest;
  manifest.source = scenario_source(origin, scenario.title);
  manifest.at = mc.at();
  manifest.seed = request.seed;
  manifest.before_models = nlohmann::ordered_json{{"base_samples", sensitivity.result.base_samples},
                                                  {"evaluations", sensitivity.result.evaluations},
                                                  {"bootstrap", bootstrap}};
  for (const auto& selection : request.models) manifest.models.emplace_back(selection.name, selection.parameters);
  manifest.outputs = {"run.json", "scenario.json", "sensitivity.csv"};
  write_scenario_json(directory, scenario_at(scenario, mc.at()), scenario.events);
  remove_stale_outputs(directory, manifest.outputs);
  write_manifest(directory / "run.json", manifest);  // last: the files it lists are whole
}

std::string sensitivity_table(const MonteCarlo& mc, const ModelSensitivity& sensitivity, std::size_t top) {
  const SobolResult& result = sensitivity.result;
  std::string out = fmt::format(
      "Sobol indices from {} base samples ({} model runs): the share of each forecast's variance "
      "due to an input, alone (first) or with others (total)\n",
      result.base_samples, result.evaluations);
  for (std::size_t o = 0; o < mc.series().size(); ++o) {
    const Series& series = mc.series()[o];
    std::vector<std::size_t> order(sensitivity.groups.size());
    for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
    const auto& indices = result.indices[o];
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const double x = std::isnan(indices[a].total) ? -1.0 : indices[a].total;
      const double y = std::isnan(indices[b].total) ? -1.0 : indices[b].total;
      return x > y;
    });
    if (std::isnan(indices.front().total)) {
      out += fmt::format("\n{} / {}: the forecast does not vary\n", series.issue, series.model);
      continue;
    }
    out += fmt::format("\n{} / {}:\n", series.issue, series.model);
    for (std::size_t k = 0; k < std::min(top, order.size()); ++k) {
      const SobolIndex& index = indices[order[k]];
      out += fmt::format("  {:<24} total {:.2f} [{:.2f}, {:.2f}]  first {:.2f}\n", sensitivity.groups[order[k]], index.total,
                         index.total_low, index.total_high, index.first);
    }
  }
  return out;
}

}  // namespace parley::io

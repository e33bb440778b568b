#pragma once
// The files of `parley sensitivity` (docs/output-format.md#sensitivity): run.json, scenario.json,
// sensitivity.csv; and the drivers printed on the terminal.

#include <filesystem>
#include <string>
#include <vector>

#include "parley/io/manifest.hpp"
#include "parley/montecarlo.hpp"
#include "parley/sensitivity.hpp"

namespace parley::io {

[[nodiscard]] std::string sensitivity_csv(const MonteCarlo& mc, const ModelSensitivity& sensitivity);

void write_sensitivity_outputs(const std::filesystem::path& directory, const MonteCarlo& mc,
                               const ModelSensitivity& sensitivity, const Scenario& scenario,
                               const RunRequest& request, const ScenarioOrigin& origin, std::size_t bootstrap);

// Per series, the `top` inputs with the largest total index.
[[nodiscard]] std::string sensitivity_table(const MonteCarlo& mc, const ModelSensitivity& sensitivity, std::size_t top);

}  // namespace parley::io

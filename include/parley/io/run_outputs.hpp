#pragma once
// The files of a run's output folder (docs/output-format.md): run.json, forecast.csv,
// trajectories.csv and one CSV per model-specific table.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/io/manifest.hpp"
#include "parley/run.hpp"

namespace parley::io {

// The file of a model's table: NAME.csv, or NAME@LABEL.csv for the variant MODEL@LABEL.
[[nodiscard]] std::string table_file(const std::string& model, const std::string& table);
[[nodiscard]] std::string table_csv(const Table& table);
[[nodiscard]] std::string forecast_csv(const RunResult& result);
[[nodiscard]] std::string trajectories_csv(const RunResult& result);
[[nodiscard]] nlohmann::ordered_json run_json(const RunResult& result, const ScenarioOrigin& origin);

// Writes every file into `directory` (created if needed); throws OutputError when it cannot.
void write_run_outputs(const std::filesystem::path& directory, const RunResult& result, const ScenarioOrigin& origin);

}  // namespace parley::io

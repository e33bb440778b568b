#pragma once
// The manifest of every output folder (run.json; backtest.json), assembled in one place: the answer
// when there is one, the engine, what ran on what — scenario or input files, date, seed, models with
// every parameter — and what was written. Each command adds its own fields where they belong.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/date.hpp"
#include "parley/parameters.hpp"
#include "parley/scenario.hpp"

namespace parley::io {

// Where the scenario came from.
struct ScenarioOrigin {
  std::string name;  // embedded name or file path as given
  std::string text;  // the bytes that were read (hashed)
  std::vector<std::string> what_if;  // the changes applied over it (--set, --patch), as written
};

struct Manifest {
  std::optional<nlohmann::ordered_json> answer;  // leads, when the ensemble ran
  std::string source_key = "scenario";           // "scenario", or "inputs" for a backtest's files
  nlohmann::ordered_json source;                 // e.g. scenario_source()
  std::optional<Date> at;
  std::uint64_t seed = 0;
  nlohmann::ordered_json before_models = nlohmann::ordered_json::object();  // e.g. samples
  std::vector<std::pair<std::string, ParameterValues>> models;             // name as run, parameters
  nlohmann::ordered_json after_models = nlohmann::ordered_json::object();   // e.g. store, ensemble
  std::vector<std::string> outputs;                                          // the files written
  nlohmann::ordered_json after_outputs = nlohmann::ordered_json::object();  // e.g. cross_validation
  std::optional<nlohmann::ordered_json> timings;                            // seconds; last
};

// A scenario as a manifest names it: as given, its title, and the SHA-256 of the bytes read.
[[nodiscard]] nlohmann::ordered_json scenario_source(const ScenarioOrigin& origin, const std::string& title);

// A model's parameter values as a JSON object, in alphabetical order.
[[nodiscard]] nlohmann::ordered_json parameters_json(const ParameterValues& values);

[[nodiscard]] nlohmann::ordered_json manifest_json(const Manifest& manifest);

// A folder belongs to the run that writes it last: the files an earlier run's manifest (run.json or
// backtest.json in `directory`) lists that `outputs` does not, and its report.html, are removed, so
// that no file of an earlier run is read as this one's. Files no manifest lists are left alone, as is
// anything that is not a plain file name. Call after writing the new files, before the new manifest.
void remove_stale_outputs(const std::filesystem::path& directory, const std::vector<std::string>& outputs);

// Writes the manifest to `path` (e.g. DIR/run.json). Throws OutputError.
void write_manifest(const std::filesystem::path& path, const Manifest& manifest);

// Writes DIR/scenario.json: the scenario as it stood at the run's date (`at_date`) with its whole
// timeline of events, for the report. Throws OutputError.
void write_scenario_json(const std::filesystem::path& directory, const Scenario& at_date,
                         const std::vector<Event>& timeline);

}  // namespace parley::io

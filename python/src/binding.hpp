#pragma once
// The Python module `parley._parley`: the engine's public API (include/parley) behind functions of
// plain values — JSON texts and CSV texts — that the package python/parley turns into dicts and
// pandas DataFrames. Every table comes as the exact text the CLI writes to its file, so a DataFrame
// read from it holds the CLI's numbers bit for bit.

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "parley/errors.hpp"
#include "parley/io/manifest.hpp"
#include "parley/run.hpp"

namespace parley::python {

namespace py = pybind11;

// A run's ask, as the package sends it (JSON): {"text", "file", "origin", "strict", "what_if", "models",
// "params", "imported_params", "at", "seed", "threads"}.
struct Prepared {
  Scenario scenario;
  io::ScenarioOrigin origin;
  std::vector<Diagnostic> warnings;
  RunRequest request;
  std::string note;  // why the ensemble is left out of a default selection ("" when it is not)
};

// Reads the scenario, applies the what-ifs and plans the models as `parley run` does. `origin`: the
// bytes of the file the scenario came from, for the manifest's hash, when they are not its text (an
// imported file's). Throws parley's errors (ScenarioError, UsageError, ConfigError, ...).
[[nodiscard]] Prepared prepare(const std::string& spec, const std::optional<std::string>& origin);

// JSON as text for Python: text that is not UTF-8 (a file's bytes quoted in a message) is replaced,
// never thrown on.
[[nodiscard]] inline std::string json_text(const nlohmann::ordered_json& json) {
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Diagnostics as JSON: [{"file", "line", "column", "path", "message"}, ...].
[[nodiscard]] nlohmann::ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics);

// One table of a run or a Monte Carlo: its key (the file name without .csv), its file, the CSV text
// and the columns that hold ids or words (read as text whatever they look like).
struct TableText {
  std::string key;
  std::string file;
  std::string csv;
  std::vector<std::string> text_columns;
};

// A finished run, kept on the C++ side so that its tables are written out only when asked for.
class RunHandle {
 public:
  explicit RunHandle(Prepared prepared);
  [[nodiscard]] std::vector<TableText> tables() const;
  [[nodiscard]] std::string manifest() const;  // run.json's text
  [[nodiscard]] std::string warnings() const;  // JSON
  [[nodiscard]] const std::string& note() const { return note_; }
  // Writes the run folder as `parley run -o FOLDER` does, report.html too when `report`.
  void write(const std::string& folder, bool report) const;

 private:
  io::ScenarioOrigin origin_;
  std::vector<Diagnostic> warnings_;
  std::string note_;
  RunResult result_;
};

void define_compute(py::module_& module);

}  // namespace parley::python

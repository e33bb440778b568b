#pragma once
// Importers: other tools' data files turned into parley scenarios. One registry, so that
// `parley import FORMAT`, `parley run --from FORMAT` and `parley backtest --from FORMAT` all know
// the same formats.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/scenario.hpp"

namespace parley::io {

struct ImportedScenario {
  std::string name;  // a file-name-safe name, e.g. the DEU proposal id
  Scenario scenario;
  // What the file says about how to run it, which a scenario file does not hold: model parameters
  // as MODEL.NAME=VALUE (e.g. KTAB's ModelParameters) and the run's seed (KTAB's prngSeed).
  std::vector<std::string> parameters;
  std::optional<std::uint64_t> seed;
};

struct ImportFormat {
  std::string name;
  std::string summary;
  bool many = false;  // one file holds many scenarios (a data set), not one
  // Reads `text` (the contents of `file`). Throws ScenarioError naming file, line, column and key.
  std::function<std::vector<ImportedScenario>(std::string_view text, const std::string& file)> read;
};

[[nodiscard]] const std::vector<ImportFormat>& import_formats();

// Throws UsageError, with the known formats, when `name` is not one.
[[nodiscard]] const ImportFormat& find_import_format(std::string_view name);

// Reads a file in `format`; every scenario read is validated. Throws InputNotFoundError, ScenarioError.
[[nodiscard]] std::vector<ImportedScenario> import_file(const ImportFormat& format, const std::string& path);
// The same for a file's text already read (`path` names it in messages).
[[nodiscard]] std::vector<ImportedScenario> import_text(const ImportFormat& format, std::string_view text,
                                                        const std::string& path);

}  // namespace parley::io

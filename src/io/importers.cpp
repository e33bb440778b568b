#include "parley/io/importers.hpp"

#include <fmt/format.h>

#include <set>

#include "io/bdm_csv.hpp"
#include "io/decide.hpp"
#include "io/deu3.hpp"
#include "io/ktab.hpp"
#include "io/text.hpp"
#include "parley/errors.hpp"
#include "parley/io/files.hpp"
#include "parley/text.hpp"
#include "parley/validate.hpp"

namespace parley::io {

const std::vector<ImportFormat>& import_formats() {
  static const std::vector<ImportFormat> formats{
      bdm_csv_format(),
      decide_format(),
      deu3_format(),
      ktab_format(),
  };
  return formats;
}

const ImportFormat& find_import_format(std::string_view name) {
  std::vector<std::string> names;
  for (const auto& format : import_formats()) {
    if (format.name == name) return format;
    names.push_back(format.name);
  }
  throw UsageError(
      fmt::format("unknown input format '{}'{}; known formats: {}", name, did_you_mean(name, names), join(names)));
}

std::vector<ImportedScenario> import_file(const ImportFormat& format, const std::string& path) {
  return import_text(format, read_text_file(path), path);
}

std::vector<ImportedScenario> import_text(const ImportFormat& format, std::string_view text, const std::string& path) {
  check_utf8(text, path);
  std::vector<ImportedScenario> scenarios = format.read(text, path);
  // Names become file names: two that an importer made equal ("x.y" and "x_y" are both x_y) are told
  // apart by a suffix, the first keeping its name, so that no scenario overwrites another.
  std::set<std::string> taken;
  for (auto& imported : scenarios) {
    std::string name = imported.name;
    for (int k = 2; taken.contains(name); ++k) name = fmt::format("{}-{}", imported.name, k);
    imported.name = name;
    taken.insert(name);
  }
  // An importer's scenario that fails validation is a defect of the importer, but say where it came from.
  for (const auto& imported : scenarios) {
    ValidationReport report = validate(imported.scenario, Locator{}, {});
    for (auto& diagnostic : report.errors) {
      diagnostic.location.file = path;
      diagnostic.path = fmt::format("{} (imported as {}): {}", format.name, imported.name, diagnostic.path);
    }
    throw_if_invalid(std::move(report));
  }
  return scenarios;
}

}  // namespace parley::io

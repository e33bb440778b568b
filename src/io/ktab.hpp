#pragma once
// KTAB's SMP scenario files, CSV and XML (docs/importers.md#ktab; spec docs/models/smp.md §11).

#include <string>
#include <string_view>
#include <vector>

#include "parley/io/importers.hpp"

namespace parley::io {

// Reads a KTAB SMP scenario: XML when the first character (after a byte-order mark and
// whitespace) is '<', otherwise KTAB's CSV layout. One scenario with one issue per dimension
// (scale 0-100), saliences divided by 100; the XML's model parameters, seed and ideal
// accommodation become smp parameters and the run's seed. Throws ScenarioError with file, line,
// column and field.
[[nodiscard]] std::vector<ImportedScenario> read_ktab(std::string_view text, const std::string& file);

[[nodiscard]] ImportFormat ktab_format();

}  // namespace parley::io

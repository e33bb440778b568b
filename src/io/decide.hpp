#pragma once
// Decide's input files (the `decide-exchange-model` package): `#A` actors, `#P` issues, `#M` scale
// points, `#D` actor–issue data, tab- or `;`-separated (docs/importers.md#decide).

#include <string>
#include <string_view>
#include <vector>

#include "parley/io/importers.hpp"

namespace parley::io {

// One scenario: actors in `#A` order, issues in `#P` order (both merged when repeated), each issue's
// scale from the lowest to the highest of its `#M` points (0–100 without any), and a stance per
// `#D` record with the power as the stance's capability. Throws ScenarioError with every problem
// found, each at file, line, column and field.
[[nodiscard]] std::vector<ImportedScenario> read_decide(std::string_view text, const std::string& file);

[[nodiscard]] ImportFormat decide_format();

}  // namespace parley::io

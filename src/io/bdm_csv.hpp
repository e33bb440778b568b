#pragma once
// BDM-style actor tables, as the expected-utility replications read them: one issue, one row per
// actor with a capability, a position and a salience (docs/importers.md#bdm-csv).

#include <string>
#include <string_view>
#include <vector>

#include "parley/io/importers.hpp"

namespace parley::io {

// Header `Actor,Capability,Position,Salience` or `Stakeholder,Resources,Position,Salience` (any
// case, any order; `,`, `;` or tab). Salience on 0–1, or on 0–100 when any value exceeds 1 (then
// divided by 100). One scenario with one issue, `issue`, whose scale is the range of the positions.
// Throws ScenarioError with every problem found, each at file, line, column and column name.
[[nodiscard]] std::vector<ImportedScenario> read_bdm_csv(std::string_view text, const std::string& file);

[[nodiscard]] ImportFormat bdm_csv_format();

}  // namespace parley::io

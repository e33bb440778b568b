#pragma once
// The DEU data on EU legislative decisions (DEU III, Arregui & Perarnaud 2021; Thomson et al.
// 2006, 2012): one tab-separated row per issue, actors' positions and saliences, the reference
// point and the outcome. Format: ../shared/golden/deu3/README.md and docs/importers.md.

#include <string>
#include <string_view>
#include <vector>

#include "parley/io/importers.hpp"

namespace parley::io {

// One scenario per proposal, in the order of first appearance: its issues (0–100 scales, status
// quo = `rp`, outcome = `out`), the actors with a position on any of them (capability from the
// capability row, salience = s/100; an empty salience beside a position means 0), dated by
// `intro`. Throws ScenarioError with every problem found, each at its file, line, column and column name.
[[nodiscard]] std::vector<ImportedScenario> read_deu3(std::string_view text, const std::string& file);

[[nodiscard]] ImportFormat deu3_format();

}  // namespace parley::io

#pragma once
// The key tables of docs/scenario-format.md, made from the scenario schema (`parley scenarios
// --keys PART`; scripts/generate-docs.sh writes them and a test keeps the docs equal).

#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

// The parts of a scenario that have a table: top, source, actor, stance, issue, scale, relation,
// event, effect, uncertainty, override, claim.
[[nodiscard]] const std::vector<std::string>& scenario_parts();

// The Markdown table of one part's keys: key, required, type, meaning. Throws UsageError naming the
// parts for an unknown one.
[[nodiscard]] std::string scenario_key_table(std::string_view part);

}  // namespace parley::io

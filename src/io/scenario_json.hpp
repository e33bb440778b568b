#pragma once
// The scenario as JSON (`parley show --format json`), with the same keys as the YAML format.

#include <nlohmann/json.hpp>

#include "parley/scenario.hpp"

namespace parley::io {

[[nodiscard]] nlohmann::ordered_json scenario_to_json(const Scenario& scenario);

}  // namespace parley::io

#pragma once
// The scenario as JSON (`parley show --format json`), with the same keys as the YAML format.

#include <nlohmann/json.hpp>

#include "parley/scenario.hpp"

namespace parley::io {

[[nodiscard]] nlohmann::ordered_json scenario_to_json(const Scenario& scenario);

// The same without the keys computed from others (a claim's `kind`): the scenario as its format holds
// it, so that reading this JSON's text as a scenario gives an equal one (the Python binding's dicts).
[[nodiscard]] nlohmann::ordered_json scenario_data(const Scenario& scenario);

// The claims of a scenario.json as scenario_to_json wrote them (for the report); sources are not read.
[[nodiscard]] std::vector<Claim> claims_from_json(const nlohmann::json& claims);

}  // namespace parley::io

#pragma once
// Reading and writing scenarios as YAML (the format of docs/scenario-format.md).

#include <string>
#include <string_view>
#include <vector>

#include "parley/errors.hpp"
#include "parley/scenario.hpp"
#include "parley/validate.hpp"

namespace parley::io {

struct LoadedScenario {
  Scenario scenario;
  std::vector<Diagnostic> warnings;
};

// Parses and validates a scenario. `file` names it in messages. Throws ScenarioError carrying
// every problem found (syntax, structure and meaning), each with line, column and key path.
[[nodiscard]] LoadedScenario read_scenario_yaml(std::string_view text, const std::string& file,
                                                const ValidationOptions& options);

// Writes a scenario back to YAML; reading the result gives an equal scenario.
[[nodiscard]] std::string write_scenario_yaml(const Scenario& scenario);

}  // namespace parley::io

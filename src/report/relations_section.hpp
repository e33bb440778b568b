#pragma once
// The report's section on the scenario's relations: each directed affinity at the run's date, and what
// the run's models make of them — which read them, how, and the pairs they keep apart.

#include <nlohmann/json.hpp>
#include <string>

namespace parley::report {

// "" when the scenario has no relations. `run` is run.json (its models and their parameters),
// `scenario` scenario.json (the scenario at the run's date).
[[nodiscard]] std::string relations_section(const nlohmann::json& run, const nlohmann::json& scenario);

}  // namespace parley::report

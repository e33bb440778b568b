#pragma once
// The report's first section: parley's answer (run.json's `answer` block) — per issue the headline
// forecast with its intervals, the models that agree and disagree, and flags on model results.

#include <nlohmann/json.hpp>
#include <string>

namespace parley::report {

// "" when the run has no answer (the ensemble was not run).
[[nodiscard]] std::string answer_section(const nlohmann::json& answer, const nlohmann::json& scenario);

// One sentence on where the ensemble was fitted and what that means here.
[[nodiscard]] std::string domain_sentence(const nlohmann::json& answer);

}  // namespace parley::report

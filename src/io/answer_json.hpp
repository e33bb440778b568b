#pragma once
// The answer block of run.json (docs/output-format.md#runjson): the headline per issue, first.

#include <nlohmann/json.hpp>

#include "parley/answer.hpp"

namespace parley::io {

// Percentages as keys ("50", "80", "95") of [low, high] pairs.
[[nodiscard]] nlohmann::ordered_json intervals_json(const std::array<Range, 3>& intervals);

[[nodiscard]] nlohmann::ordered_json answer_json(const Answer& answer);

}  // namespace parley::io

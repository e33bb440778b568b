#pragma once
// Scenarios compiled into the binary (scenarios/*.yaml). pakistan-2023 is the default.

#include <string_view>
#include <vector>

namespace parley::io {

inline constexpr std::string_view kDefaultScenario = "pakistan-2023";

struct EmbeddedScenario {
  std::string_view name;  // the file name without .yaml
  std::string_view text;
};

[[nodiscard]] const std::vector<EmbeddedScenario>& embedded_scenarios();
[[nodiscard]] const EmbeddedScenario* find_embedded(std::string_view name);

}  // namespace parley::io

#pragma once
#include "parley/model.hpp"

namespace parley::models {

// The asymmetric Nash bargaining solution with a disagreement point (Nash 1950; Kalai 1977).
[[nodiscard]] ModelInfo nash_info();

}  // namespace parley::models

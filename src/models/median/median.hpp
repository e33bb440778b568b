#pragma once
#include "parley/model.hpp"

namespace parley::models {

// Baseline: the weighted median of positions (the "median voter").
[[nodiscard]] ModelInfo median_info();

}  // namespace parley::models

#pragma once
#include "parley/model.hpp"

namespace parley::models {

// Stokman & van Oosten's exchange of voting positions, equal-gain variant, as Decide computes it
// (docs/models/exchange.md).
[[nodiscard]] ModelInfo exchange_info();

}  // namespace parley::models

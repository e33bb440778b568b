#pragma once
#include "parley/model.hpp"

namespace parley::models {

// Baseline: the plain (or salience-weighted) mean of positions.
[[nodiscard]] ModelInfo mean_info();

}  // namespace parley::models

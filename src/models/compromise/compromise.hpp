#pragma once
#include "parley/model.hpp"

namespace parley::models {

// The compromise model (Achen 2006): the capability×salience weighted mean of positions.
[[nodiscard]] ModelInfo compromise_info();

}  // namespace parley::models

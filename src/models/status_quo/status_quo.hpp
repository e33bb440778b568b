#pragma once
#include "parley/model.hpp"

namespace parley::models {

// The no-change baseline: the issue settles where it stands (its status quo, or reference point).
[[nodiscard]] ModelInfo status_quo_info();

}  // namespace parley::models

#pragma once
#include "parley/model.hpp"

namespace parley::models {

// KTAB's spatial model of politics over several issues at once (docs/models/smp.md).
[[nodiscard]] ModelInfo smp_info();

}  // namespace parley::models

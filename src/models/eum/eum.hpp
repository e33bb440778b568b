#pragma once
#include "parley/model.hpp"

namespace parley::models {

// Bueno de Mesquita's expected-utility model, with the Scholz et al. (2011) and Masad (2014)
// replications as variants (docs/models/eum.md).
[[nodiscard]] ModelInfo eum_info();

}  // namespace parley::models

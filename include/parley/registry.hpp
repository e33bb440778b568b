#pragma once
// The one list of models. Adding a model adds one line to src/models/registry.cpp.

#include <string_view>
#include <vector>

#include "parley/model.hpp"

namespace parley {

[[nodiscard]] const std::vector<ModelInfo>& model_registry();

// Throws ConfigError naming the registered models when `name` is not one of them.
[[nodiscard]] const ModelInfo& find_model(std::string_view name);

}  // namespace parley

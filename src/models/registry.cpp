#include "parley/registry.hpp"

#include <fmt/format.h>

#include "parley/text.hpp"
#include "models/compromise/compromise.hpp"
#include "models/eum/eum.hpp"
#include "models/exchange/exchange.hpp"
#include "models/mean/mean.hpp"
#include "models/median/median.hpp"
#include "models/nash/nash.hpp"
#include "models/smp/smp.hpp"
#include "models/status_quo/status_quo.hpp"
#include "parley/errors.hpp"

namespace parley {

const std::vector<ModelInfo>& model_registry() {
  // Built once, never modified: the registry is a constant, not mutable global state.
  static const std::vector<ModelInfo> registry{
      models::compromise_info(),
      models::mean_info(),
      models::median_info(),
      models::nash_info(),
      models::eum_info(),
      models::exchange_info(),
      models::smp_info(),
      models::status_quo_info(),
  };
  return registry;
}

const ModelInfo& find_model(std::string_view name) {
  std::vector<std::string> names;
  for (const auto& info : model_registry()) {
    if (info.name == name) return info;
    names.push_back(info.name);
  }
  throw ConfigError(
      fmt::format("unknown model '{}'{}; registered models: {}", name, did_you_mean(name, names), join(names)));
}

}  // namespace parley

#include "core/scenario_schema.hpp"

#include <fmt/format.h>

#include "parley/text.hpp"

namespace parley::schema {

std::string not_an_actor_kind(std::string_view value) {
  std::vector<std::string> kinds;
  for (const auto& entry : kActorKindNames) kinds.emplace_back(entry.name);
  return fmt::format("'{}' is not an actor kind (one of: {}){}", value, join(kinds), did_you_mean(value, kinds));
}

std::string not_a_distribution(std::string_view value) {
  return fmt::format("unknown distribution '{}'; use beta or normal", value);
}

std::string not_a_presence_change(std::string_view value) {
  return fmt::format("'{}' is not a presence change (write enter or leave)", value);
}

}  // namespace parley::schema

#include "parley/scenario.hpp"

#include <algorithm>

#include "core/scenario_schema.hpp"

namespace parley {
namespace {

template <typename Range>
auto find_by_id(Range& range, std::string_view id) -> decltype(&*range.begin()) {
  const auto found = std::find_if(range.begin(), range.end(), [&](const auto& item) { return item.id == id; });
  return found == range.end() ? nullptr : &*found;
}

}  // namespace

SourceRef SourceRef::parse(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) return {text, ""};
  return {text.substr(0, colon), text.substr(colon + 1)};
}

std::string SourceRef::to_string() const {
  return locator.empty() ? id : id + ":" + locator;
}

double Change::apply(double current) const {
  switch (operation) {
    case Operation::set:
      return value;
    case Operation::add:
      return current + value;
    case Operation::scale:
      return current * value;
  }
  return current;
}

const Stance* Actor::stance_on(std::string_view issue) const {
  for (const auto& entry : stances) {
    if (entry.issue == issue) return &entry.stance;
  }
  return nullptr;
}

Stance* Actor::stance_on(std::string_view issue) {
  return const_cast<Stance*>(std::as_const(*this).stance_on(issue));
}

const Actor* Scenario::find_actor(std::string_view id) const {
  return find_by_id(actors, id);
}
Actor* Scenario::find_actor(std::string_view id) {
  return find_by_id(actors, id);
}
const Issue* Scenario::find_issue(std::string_view id) const {
  return find_by_id(issues, id);
}
const Source* Scenario::find_source(std::string_view id) const {
  return find_by_id(sources, id);
}

// The names of the enums' values are declared once, in the schema.
std::string_view to_string(ActorKind kind) {
  return enum_name(kind);
}

std::optional<ActorKind> parse_actor_kind(std::string_view text) {
  return enum_value<ActorKind>(text);
}

std::string_view to_string(Operation operation) {
  return enum_name(operation);
}

std::string_view to_string(Presence presence) {
  return enum_name(presence);
}

}  // namespace parley

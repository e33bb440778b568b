#include "support/scenarios.hpp"

namespace parley::test {

Scenario two_actor_scenario(double position_sd) {
  Scenario scenario;
  scenario.title = "t";
  scenario.as_of = Date::parse("2023-01-01").value();
  scenario.issues.push_back({.id = "x", .question = "x"});
  for (const char* id : {"A", "B"}) {
    scenario.actors.push_back({.id = id, .name = id, .capability = 1.0});
    scenario.actors.back().stances.push_back({"x", {.position = id[0] == 'A' ? 10.0 : 90.0, .salience = 0.5}});
  }
  if (position_sd > 0.0) scenario.uncertainty.defaults.position = position_sd;
  return scenario;
}

}  // namespace parley::test

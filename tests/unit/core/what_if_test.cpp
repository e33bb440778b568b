#include "parley/what_if.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

Scenario small_scenario() {
  Scenario scenario;
  scenario.title = "t";
  scenario.as_of = *Date::parse("2023-01-01");
  scenario.issues.push_back({.id = "x", .question = "?", .scale = {0.0, 100.0, "low", "high"}, .status_quo = 40.0});
  Actor actor;
  actor.id = "A";
  actor.name = "A";
  actor.capability = 0.5;
  actor.stances.push_back({"x", {.position = 10.0, .salience = 0.4}});
  scenario.actors.push_back(actor);
  return scenario;
}

TEST(WhatIf, ParsesTheThreeOperations) {
  const WhatIf set = parse_what_if(" actors.A.capability = 0.25 ");
  EXPECT_EQ(set.text, "actors.A.capability = 0.25");
  EXPECT_EQ(set.path, (std::vector<std::string>{"actors", "A", "capability"}));
  EXPECT_EQ(set.operation, Operation::set);
  EXPECT_EQ(set.value, "0.25");
  EXPECT_EQ(parse_what_if("actors.A.capability+=1").operation, Operation::add);
  EXPECT_EQ(parse_what_if("actors.A.capability*=2").operation, Operation::scale);
  EXPECT_THROW((void)parse_what_if("actors..capability=1"), UsageError);
  EXPECT_THROW((void)parse_what_if("actors.A.capability="), UsageError);
  EXPECT_THROW((void)parse_what_if("=1"), UsageError);
}

TEST(WhatIf, AppliesInOrderOverTheStart) {
  Scenario scenario = small_scenario();
  apply_what_ifs(scenario, {parse_what_if("actors.A.capability*=4"), parse_what_if("actors.A.capability+=1"),
                            parse_what_if("actors.A.stances.x.position=90"),
                            parse_what_if("actors.A.stances.x.capability=2"), parse_what_if("issues.x.status_quo+=5")});
  EXPECT_EQ(scenario.actors[0].capability, 3.0);
  EXPECT_EQ(scenario.actors[0].stances[0].stance.position, 90.0);
  EXPECT_EQ(scenario.actors[0].stances[0].stance.capability, 2.0);
  EXPECT_EQ(scenario.issues[0].status_quo, 45.0);
}

TEST(WhatIf, APatchFileSkipsCommentsAndLocatesEveryBadLine) {
  const auto changes = read_what_if_patch("# c\r\nactors.A.capability=1\r\n\r\n", "p.txt");
  ASSERT_EQ(changes.size(), 1U);
  EXPECT_EQ(changes[0].value, "1");
  EXPECT_EQ(changes[0].origin, "p.txt:2:");
  try {
    (void)read_what_if_patch("nothing\nactors.A.capability=1\n  x=\n", "p.txt");
    FAIL() << "no error";
  } catch (const ScenarioError& error) {
    ASSERT_EQ(error.diagnostics().size(), 2U);
    EXPECT_EQ(error.diagnostics()[0].location.line, 1);
    EXPECT_EQ(error.diagnostics()[1].location.line, 3);
    EXPECT_EQ(error.diagnostics()[1].location.column, 3);
  }
}

}  // namespace
}  // namespace parley

// BDM-style actor tables: both header forms, line endings, the salience scale, and bad rows
// reported at line, column and column name.

#include "io/bdm_csv.hpp"

#include <gtest/gtest.h>

#include "parley/errors.hpp"

namespace parley::io {
namespace {

std::string first_error(const std::string& text) {
  try {
    (void)read_bdm_csv(text, "t.csv");
  } catch (const ScenarioError& error) {
    return error.diagnostics().front().to_string();
  }
  return "no error";
}

TEST(BdmCsv, ActorTableWithSaliencesOnZeroToOne) {
  const auto scenarios =
      read_bdm_csv("Actor,Capability,Position,Salience\nNL,0.08,4,0.8\nBelgium,0.08,7,0.4\n", "t.csv");
  ASSERT_EQ(scenarios.size(), 1u);
  const Scenario& scenario = scenarios[0].scenario;
  ASSERT_EQ(scenario.actors.size(), 2u);
  ASSERT_EQ(scenario.issues.size(), 1u);
  EXPECT_EQ(scenario.issues[0].scale.min, 4.0);
  EXPECT_EQ(scenario.issues[0].scale.max, 7.0);
  EXPECT_EQ(scenario.actors[1].capability, 0.08);
  EXPECT_EQ(scenario.actors[1].stances[0].stance.salience, 0.4);
  EXPECT_EQ(scenario.actors[1].stances[0].stance.position, 7.0);
}

TEST(BdmCsv, StakeholderTableCrOnlyWithPercentSaliences) {
  const auto scenarios =
      read_bdm_csv("Stakeholder,Resources,Position,Salience\rZeming,80,25,50\rLi Peng,90,15,80\r", "china.csv");
  const Scenario& scenario = scenarios[0].scenario;
  ASSERT_EQ(scenario.actors.size(), 2u);
  EXPECT_EQ(scenario.actors[1].id, "Li_Peng");
  EXPECT_EQ(scenario.actors[1].name, "Li Peng");
  EXPECT_EQ(scenario.actors[0].stances[0].stance.salience, 0.5);
  EXPECT_EQ(scenario.actors[1].capability, 90.0);
  EXPECT_EQ(scenarios[0].name, "china");
}

TEST(BdmCsv, CrlfSemicolonsAndAnyColumnOrder) {
  const auto scenarios = read_bdm_csv("position;actor;salience;capability\r\n10;A;1;2\r\n30;B;0.5;1\r\n", "t.csv");
  const Scenario& scenario = scenarios[0].scenario;
  ASSERT_EQ(scenario.actors.size(), 2u);
  EXPECT_EQ(scenario.actors[0].capability, 2.0);
  EXPECT_EQ(scenario.actors[1].stances[0].stance.position, 30.0);
}

TEST(BdmCsv, AllPositionsEqualStillHasAScale) {
  const auto scenarios = read_bdm_csv("Actor,Capability,Position,Salience\nA,1,5,0.5\nB,1,5,0.5\n", "t.csv");
  EXPECT_LT(scenarios[0].scenario.issues[0].scale.min, scenarios[0].scenario.issues[0].scale.max);
}

TEST(BdmCsv, BadInputsAreLocated) {
  EXPECT_EQ(first_error("Actor,Capability,Position,Salience\nA,x,5,0.5\n"),
            "t.csv:2:3: Capability: the capability 'x' is not a number");
  EXPECT_EQ(first_error("Actor,Capability,Position,Salience\nA,-1,5,0.5\n"),
            "t.csv:2:3: Capability: the capability -1 is negative");
  EXPECT_EQ(first_error("Actor,Capability,Position,Salience\nA,1,5\n"),
            "t.csv:2:6: Salience: the row ends before the salience column");
  EXPECT_EQ(first_error("Actor,Capability,Position,Salience\nA,1,5,50\nB,1,6,150\n"),
            "t.csv:3:7: Salience: the salience 150 is above 100 (saliences are read on 0-100 because some exceed 1)");
  EXPECT_EQ(first_error("Actor,Capability,Position,Salience\nA,1,5,0.5\nA,1,6,0.5\n"),
            "t.csv:3:1: Actor: the actor 'A' appears twice (first on line 2)");
  EXPECT_EQ(first_error("Actor,Capabilty,Position,Salience\n"),
            "t.csv:1:7: Capabilty: unknown column 'Capabilty' (did you mean 'capability'?); expected Actor (or "
            "Stakeholder), Capability (or Resources), Position, Salience");
  EXPECT_EQ(first_error("Actor,Position,Salience\nA,5,0.5\n"),
            "t.csv:1:1: capability: the header has no capability column");
  EXPECT_EQ(first_error("Actor,Capability,Position,Salience\n"), "t.csv:1:1: the table has no actor rows");
  EXPECT_EQ(first_error("Actor,Capability,Position,Salience\n,1,5,0.5\n"),
            "t.csv:2:1: Actor: the actor's name is empty");
}

}  // namespace
}  // namespace parley::io

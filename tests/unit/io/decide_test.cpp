// Decide input files: both delimiters, quoting, merged blocks, scales from #M points, and bad
// records reported at line, column and field.

#include "io/decide.hpp"

#include <gtest/gtest.h>

#include "parley/errors.hpp"

namespace parley::io {
namespace {

std::vector<std::string> errors_of(const std::string& text) {
  std::vector<std::string> messages;
  try {
    (void)read_decide(text, "d.csv");
  } catch (const ScenarioError& error) {
    for (const auto& diagnostic : error.diagnostics()) messages.push_back(diagnostic.to_string());
  }
  return messages;
}

TEST(Decide, TabFileWithQuotesAndScalePoints) {
  const std::string text =
      "'#A'\t'NL'\t'Netherlands'\t''\n"
      "'#A'\t'EU 28'\t'European Union'\n"
      "'#P'\t'toll'\t'How high is the toll?'\n"
      "'#M'\t'toll'\t0.5\t'low'\n"
      "'#M'\t'toll'\t7\t'high'\n"
      "'#P'\t'ring'\t''\n"
      "'#D'\t'NL'\t'toll'\t3.0\t0.7\t1.0\n"
      "'#D'\t'EU 28'\t'toll'\t6\t0.2\t0.5\t'a comment'\n"
      "'#D'\t'EU 28'\t'ring'\t40\t0.9\t0.5\n";
  const auto scenarios = read_decide(text, "d.csv");
  ASSERT_EQ(scenarios.size(), 1u);
  const Scenario& scenario = scenarios[0].scenario;
  ASSERT_EQ(scenario.issues.size(), 2u);
  EXPECT_EQ(scenario.issues[0].scale.min, 0.5);
  EXPECT_EQ(scenario.issues[0].scale.max, 7.0);
  EXPECT_EQ(scenario.issues[0].scale.low, "low");
  EXPECT_EQ(scenario.issues[1].scale.max, 100.0);  // no #M: 0–100
  EXPECT_EQ(scenario.issues[1].question, "ring");  // an empty description: the id
  ASSERT_EQ(scenario.actors.size(), 2u);
  EXPECT_EQ(scenario.actors[1].id, "EU_28");
  EXPECT_EQ(scenario.actors[1].name, "European Union");
  ASSERT_EQ(scenario.actors[1].stances.size(), 2u);
  EXPECT_EQ(scenario.actors[1].stances[0].stance.capability, 0.5);
  EXPECT_EQ(scenario.actors[1].stances[0].stance.salience, 0.2);
  EXPECT_EQ(scenario.actors[1].stances[1].stance.position, 40.0);
}

TEST(Decide, SemicolonFileWithRepeatedBlocksAndDataFirst) {
  const std::string text =
      "#D;A;x;10;0.5;0.5;;\n"
      "#A;A;Alpha;;\n#A;B;Beta;;\n#P;x;X;;\n#P;y;Y;;\n"
      "#A;A;Alpha again;;\n#P;x;X again;;\n"
      "#D;B;x;90;0.5;0.5\n#D;A;y;20;1;1\n#D;A;y;30;1;1\n";
  const Scenario scenario = read_decide(text, "d.csv")[0].scenario;
  ASSERT_EQ(scenario.actors.size(), 2u);  // merged, not doubled
  ASSERT_EQ(scenario.issues.size(), 2u);
  EXPECT_EQ(scenario.actors[0].name, "Alpha");
  ASSERT_EQ(scenario.actors[0].stances.size(), 2u);
  EXPECT_EQ(scenario.actors[0].stances[1].stance.position, 30.0);  // a repeated #D overwrites
}

TEST(Decide, BadRecordsAreLocated) {
  const std::string header = "#A;A;Alpha\n#P;x;X\n#M;x;0\n#M;x;100\n";
  EXPECT_EQ(errors_of(header + "#D;A;x;160;0.5;0.5\n"),
            std::vector<std::string>{
                "d.csv:5:8: #D position: the position 160 of 'A' on 'x' is outside the issue's scale [0, 100]"});
  EXPECT_EQ(errors_of(header + "#D;A;x;50;0.5;-0.247\n"),
            std::vector<std::string>{"d.csv:5:15: #D power: the power -0.247 is outside [0, 1]"});
  EXPECT_EQ(errors_of(header + "#D;A;x;fifty;0.5;0.5\n"),
            std::vector<std::string>{"d.csv:5:8: #D position: 'fifty' is not a number"});
  EXPECT_EQ(errors_of(header + "#D;B;x;50;0.5;0.5\n"),
            std::vector<std::string>{"d.csv:5:4: #D actor: unknown actor 'B': no #A record declares it"});
  EXPECT_EQ(errors_of(header + "#D;A;z;50;0.5;0.5\n"),
            std::vector<std::string>{"d.csv:5:6: #D issue: unknown issue 'z': no #P record declares it"});
  EXPECT_EQ(errors_of(header + "#D;A;x;50;0.5\n"),
            std::vector<std::string>{"d.csv:5:14: #D power: the record has no #D power field"});
  EXPECT_EQ(errors_of("#A;A;Alpha\n#P;x;X\n#M;x;5\n#D;A;x;5;1;1\n"),
            std::vector<std::string>{"d.csv:3:1: #M: the scale of issue 'x' is empty: its #M points span [5, 5]"});
  // What the file lacks is reported where it ends.
  EXPECT_EQ(errors_of("#A;A;Alpha\n#/;a comment\n"),
            std::vector<std::string>{
                "d.csv:2:1: #P: the file declares no issue: add '#P' records ('#P', id, question)"});
  EXPECT_EQ(errors_of("#Q;what\n"),
            std::vector<std::string>{
                "d.csv:1:1: type: unknown record type '#Q'; expected #A, #P, #M, #D or a comment (#/, #0, #O)"});
}

}  // namespace
}  // namespace parley::io

// Reading, writing and validating scenarios: round trips, scripts, located errors.

#include <gtest/gtest.h>

#include "parley/io/embedded.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

constexpr const char* kSmall = R"(parley: 1
title: "Küçük senaryo — Русский — اردو"
as_of: 2023-01-05
sources:
  - {id: s, citation: "A source"}
actors:
  - id: A
    name: "پاکستان"
    kind: state
    capability: 1
    sources: [s]
    stances:
      x: {position: 10, salience: 0.5, sources: ["s:p1"], rationale: "Причина"}
  - id: B
    name: Türkiye
    kind: faction
    capability: 0.25
    sources: [s]
    stances:
      x: {position: 90, salience: 1, capability: 2, sources: [s], rationale: r}
issues:
  - id: x
    question: "Which way?"
    scale: {min: 0, max: 100, low: "left: west", high: "right # east"}
    status_quo: 50
    outcome: 62.5
)";

io::LoadedScenario read(const std::string& text, bool strict = false) {
  return io::read_scenario_yaml(text, "test.yaml", {.strict = strict});
}

std::vector<std::string> errors_of(const std::string& text, bool strict = false) {
  try {
    (void)read(text, strict);
  } catch (const ScenarioError& error) {
    std::vector<std::string> lines;
    for (const auto& diagnostic : error.diagnostics()) lines.push_back(diagnostic.to_string());
    return lines;
  }
  return {};
}

}  // namespace

TEST(ScenarioYaml, ReadsEveryField) {
  const Scenario scenario = read(kSmall, true).scenario;
  ASSERT_EQ(scenario.actors.size(), 2u);
  EXPECT_EQ(scenario.actors[0].name, "پاکستان");
  EXPECT_EQ(scenario.actors[1].kind, ActorKind::faction);
  EXPECT_EQ(scenario.actors[1].stance_on("x")->capability, 2.0);
  EXPECT_EQ(scenario.actors[0].stance_on("x")->sources[0], (SourceRef{"s", "p1"}));
  EXPECT_EQ(scenario.issues[0].scale.high, "right # east");
  EXPECT_EQ(scenario.issues[0].status_quo, 50.0);
  EXPECT_EQ(scenario.issues[0].outcome, 62.5);
  EXPECT_FALSE(scenario.start);
  EXPECT_EQ(scenario.start_date(), scenario.as_of);
}

TEST(ScenarioYaml, RoundTripKeepsEverythingIncludingScripts) {
  const Scenario original = read(kSmall).scenario;
  const std::string written = io::write_scenario_yaml(original);
  EXPECT_NE(written.find("پاکستان"), std::string::npos);
  EXPECT_NE(written.find("Русский"), std::string::npos);
  EXPECT_EQ(read(written).scenario, original);
}

TEST(ScenarioYaml, EmbeddedScenariosAreStrictAndRoundTrip) {
  ASSERT_NE(io::find_embedded(io::kDefaultScenario), nullptr);
  for (const auto& embedded : io::embedded_scenarios()) {
    const auto loaded = io::read_scenario_yaml(embedded.text, std::string(embedded.name), {.strict = true});
    EXPECT_TRUE(loaded.warnings.empty()) << loaded.warnings.front().to_string();
    const std::string written = io::write_scenario_yaml(loaded.scenario);
    EXPECT_EQ(read(written, true).scenario, loaded.scenario) << embedded.name;
  }
}

TEST(ScenarioJson, UsesTheYamlKeys) {
  const auto json = io::scenario_to_json(read(kSmall).scenario);
  EXPECT_EQ(json["actors"][0]["name"], "پاکستان");
  EXPECT_EQ(json["actors"][1]["stances"]["x"]["capability"], 2.0);
  EXPECT_EQ(json["issues"][0]["scale"]["max"], 100.0);
  EXPECT_EQ(json["actors"][0]["stances"]["x"]["sources"][0], "s:p1");
}

TEST(ScenarioYaml, ReportsSeveralErrorsInOnePass) {
  std::string text = kSmall;
  text.replace(text.find("salience: 0.5"), 13, "salience: 1.5");
  text.replace(text.find("position: 90"), 12, "position: 190");
  const auto errors = errors_of(text);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "test.yaml:13:35: actors[0].stances.x.salience: 1.5 is outside [0, 1]");
  EXPECT_EQ(errors[1], "test.yaml:20:21: actors[1].stances.x.position: 190 is outside [0, 100]");
}

TEST(ScenarioYaml, UnsourcedItemsWarnOrFailInStrictMode) {
  std::string text = kSmall;
  text.replace(text.find(", sources: [s], rationale: r"), 28, "");
  const auto loaded = read(text);
  ASSERT_EQ(loaded.warnings.size(), 1u);
  EXPECT_NE(loaded.warnings[0].message.find("actors[1].stances.x cites no source"), std::string::npos);
  const auto errors = errors_of(text, true);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "test.yaml:20:7: actors[1].stances.x: cites no source (required in strict mode)");
}

TEST(ScenarioYaml, SyntaxErrorsAreLocated) {
  const auto errors = errors_of("parley: 1\ntitle: [unclosed\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("test.yaml:", 0), 0u);
  EXPECT_NE(errors[0].find("YAML syntax error"), std::string::npos);
}

}  // namespace parley

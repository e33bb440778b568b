// The scenario schema drives the reader, both writers and the docs: a scenario with every key set
// goes through YAML and back unchanged, JSON names the same keys, and each part's keys are listed
// once, in file order.

#include "core/scenario_schema.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "parley/io/scenario_json.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

Scenario every_key_set() {
  Scenario scenario;
  scenario.title = "Every key";
  scenario.description = "all of them";
  scenario.start = Date::parse("2022-01-01");
  scenario.as_of = Date::parse("2023-01-01").value();
  scenario.sources.push_back({"s", "A citation", "https://example.org", Date::parse("2023-01-02"), "a note"});
  Actor a{.id = "A", .name = "Alpha", .kind = ActorKind::armed_group, .capability = 2.5, .present = true,
          .description = "d", .sources = {SourceRef::parse("s:p1")}, .rationale = "r"};
  a.stances.push_back({"x", {.position = 10, .salience = 0.5, .capability = 3.0, .sources = {SourceRef::parse("s")},
                             .rationale = "why"}});
  a.stances.push_back({"y", {.position = 60, .salience = 0.25}});
  Actor b{.id = "B", .name = "Beta", .kind = ActorKind::faction, .capability = 1.0, .present = false};
  b.stances.push_back({"x", {.position = 90, .salience = 0.75}});
  b.stances.push_back({"y", {.position = 20, .salience = 0.5}});
  scenario.actors = {a, b};
  // Built field by field: GCC 12 warns falsely about braced temporaries holding strings.
  Issue x;
  x.id = "x";
  x.question = "X?";
  x.scale.low = "none";
  x.scale.high = "all";
  x.status_quo = 40.0;
  x.outcome = 55.0;
  x.description = "dx";
  x.sources = {SourceRef::parse("s")};
  x.rationale = "rx";
  Issue y;
  y.id = "y";
  y.question = "Y?";
  scenario.issues = {x, y};
  scenario.relations.push_back({"A", "B", -0.5, {SourceRef::parse("s")}, "enemies"});
  Event event{.date = Date::parse("2022-06-01").value(), .approximate = true, .title = "B arrives",
              .description = "de", .sources = {SourceRef::parse("s")}};
  event.effects.push_back({.actor = "B", .presence = Presence::enter});
  event.effects.push_back({.actor = "A", .issue = "x", .position = Change{Operation::add, 5},
                           .salience = Change{Operation::scale, 1.2}, .capability = Change{Operation::set, 2}});
  scenario.events.push_back(event);
  scenario.uncertainty.defaults = {.position = 5, .salience = 0.1, .capability = 0.3, .dropout = 0.05};
  scenario.uncertainty.salience_distribution = SalienceDistribution::normal;
  scenario.uncertainty.overrides.push_back({"A", "x", {.position = 8}});
  Claim within{.id = "c1", .text = "t", .kind = ClaimKind::within, .issue = "x", .model = "compromise", .low = 30,
               .high = 60, .sources = {SourceRef::parse("s")}, .rationale = "r"};
  Claim above{.id = "c2", .text = "t", .kind = ClaimKind::above, .issue = "y", .low = 10};
  Claim below{.id = "c3", .text = "t", .kind = ClaimKind::below, .issue = "y", .high = 90};
  Claim trade{.id = "c4", .text = "t", .kind = ClaimKind::exchange, .actors = {"A", "B"}, .issues = {"x", "y"}};
  scenario.claims = {within, above, below, trade};
  return scenario;
}

TEST(ScenarioSchema, EveryKeyGoesThroughYamlAndBack) {
  const Scenario scenario = every_key_set();
  const std::string yaml = io::write_scenario_yaml(scenario);
  const io::LoadedScenario read = io::read_scenario_yaml(yaml, "t.yaml", {});
  EXPECT_EQ(read.scenario, scenario) << yaml;
  EXPECT_EQ(io::write_scenario_yaml(read.scenario), yaml);
}

TEST(ScenarioSchema, JsonNamesTheKeysYamlDoes) {
  const Scenario scenario = every_key_set();
  const nlohmann::json json = io::scenario_to_json(scenario);
  for (const auto& name : schema::key_names<Scenario>()) EXPECT_TRUE(json.contains(name)) << name;
  for (const auto& name : schema::key_names<Actor>()) {  // `present` only where it is not the default (B)
    EXPECT_TRUE(json["actors"][0].contains(name) || json["actors"][1].contains(name)) << name;
  }
  for (const auto& name : schema::key_names<Issue>()) EXPECT_TRUE(json["issues"][0].contains(name)) << name;
  for (const auto& name : schema::key_names<Stance>()) {
    EXPECT_TRUE(json["actors"][0]["stances"]["x"].contains(name)) << name;
  }
  EXPECT_EQ(json["claims"][3]["kind"], "exchange");  // JSON's own key, for readers of scenario.json
}

TEST(ScenarioSchema, EachPartListsItsKeysOnceInFileOrder) {
  EXPECT_EQ(schema::key_names<Stance>(),
            (std::vector<std::string>{"position", "salience", "capability", "sources", "rationale"}));
  EXPECT_EQ(schema::key_names<Claim>(), (std::vector<std::string>{"id", "text", "issue", "model", "within", "above",
                                                                  "below", "exchange", "sources", "rationale"}));
  EXPECT_EQ(schema::key_names<NoiseOverride>(),
            (std::vector<std::string>{"actor", "issue", "position", "salience", "capability", "dropout"}));
  for (const auto& names : {schema::key_names<Scenario>(), schema::key_names<Actor>(), schema::key_names<Issue>(),
                            schema::key_names<Event>(), schema::key_names<Effect>(), schema::key_names<Uncertainty>()}) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      for (std::size_t j = i + 1; j < names.size(); ++j) EXPECT_NE(names[i], names[j]);
    }
  }
}

TEST(ScenarioSchema, EnumNamesComeFromOneTable) {
  EXPECT_EQ(to_string(ActorKind::armed_group), "armed_group");
  EXPECT_EQ(parse_actor_kind("faction"), ActorKind::faction);
  EXPECT_FALSE(parse_actor_kind("Faction").has_value());
  EXPECT_EQ(to_string(Operation::scale), "scale");
  EXPECT_EQ(to_string(Presence::leave), "leave");
  EXPECT_EQ(to_string(SalienceDistribution::normal), "normal");
  EXPECT_EQ(schema::not_an_actor_kind("stat"),
            "'stat' is not an actor kind (one of: state, government, armed_group, organisation, faction) (did you "
            "mean 'state'?)");
}

}  // namespace
}  // namespace parley

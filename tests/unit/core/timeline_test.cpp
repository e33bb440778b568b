#include "parley/timeline.hpp"

#include <gtest/gtest.h>

#include "parley/io/embedded.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/problem.hpp"
#include "parley/validate.hpp"

#include <cmath>

namespace parley {
namespace {

Scenario pakistan() {
  const auto* embedded = io::find_embedded("pakistan-2023");
  return io::read_scenario_yaml(embedded->text, "pakistan-2023.yaml", {.strict = true}).scenario;
}

double position(const Scenario& scenario, const std::string& actor, const std::string& issue) {
  return scenario.find_actor(actor)->stance_on(issue)->position;
}

double salience(const Scenario& scenario, const std::string& actor, const std::string& issue) {
  return scenario.find_actor(actor)->stance_on(issue)->salience;
}

}  // namespace

TEST(Timeline, EventsApplyInDateOrder) {
  const Scenario scenario = pakistan();
  const auto ordered = events_in_order(scenario);
  ASSERT_EQ(ordered.size(), 6u);
  for (std::size_t i = 1; i < ordered.size(); ++i) EXPECT_LE(ordered[i - 1]->date, ordered[i]->date);
}

TEST(Timeline, TheSeedsValuesHoldAtAsOf) {
  // SCENARIO-pakistan-2023.md gives the values at as_of; the file gives them at start.
  const Scenario at = scenario_at(pakistan(), Date{2023, 1, 5});
  EXPECT_EQ(position(at, "PAK", "pak_alignment"), 50.0);
  EXPECT_EQ(salience(at, "USA", "us_airspace"), 0.95);
  EXPECT_EQ(salience(at, "AFG", "us_airspace"), 0.8);
  EXPECT_EQ(salience(at, "PAK", "ttp_campaign"), 0.95);
  EXPECT_EQ(position(at, "USA", "ct_cooperation"), 85.0);
  EXPECT_EQ(salience(at, "USA", "ttp_campaign"), 0.35);
  EXPECT_TRUE(at.find_actor("PTI")->present);
  EXPECT_TRUE(at.events.empty());
  EXPECT_EQ(at.start, (Date{2023, 1, 5}));
}

TEST(Timeline, EarlierDatesShowTheEarlierSystem) {
  const Scenario scenario = pakistan();
  const Scenario early = scenario_at(scenario, Date{2022, 1, 1});
  EXPECT_FALSE(early.find_actor("PTI")->present);
  EXPECT_NE(position(early, "PAK", "pak_alignment"), 50.0);
  const Problem problem = make_problem(early);
  EXPECT_EQ(std::count(problem.actors.begin(), problem.actors.end(), "PTI"), 0);
  const Scenario start = scenario_at(scenario, scenario.start_date());
  EXPECT_EQ(start.actors, scenario.actors);
}

// The problem carries the relations between present actors, by their index among them.
TEST(Timeline, TheProblemKeepsTheRelationsOfPresentActors) {
  Scenario scenario = pakistan();
  scenario.relations.push_back({"PTI", "PAK", -0.5, {}, ""});  // PTI is absent early on
  const Problem early = make_problem(scenario_at(scenario, Date{2022, 1, 1}));
  EXPECT_EQ(early.affinities.size(), scenario.relations.size() - 1);
  const Problem problem = make_problem(scenario_at(scenario, scenario.as_of));
  ASSERT_EQ(problem.affinities.size(), scenario.relations.size());
  const Affinity& first = problem.affinities.front();
  EXPECT_EQ(problem.actors[first.from], scenario.relations.front().from);
  EXPECT_EQ(problem.actors[first.to], scenario.relations.front().to);
  EXPECT_EQ(first.value, scenario.relations.front().affinity);
}

TEST(Timeline, ApplyEffectChangesOnlyWhatItNames) {
  Scenario scenario = pakistan();
  const Scenario before = scenario;
  Effect effect{"USA", "cpec", Change{Operation::add, 5.0}, Change{Operation::scale, 0.5}, std::nullopt, std::nullopt};
  ASSERT_TRUE(apply_effect(scenario, effect));
  EXPECT_EQ(position(scenario, "USA", "cpec"), position(before, "USA", "cpec") + 5.0);
  EXPECT_EQ(salience(scenario, "USA", "cpec"), salience(before, "USA", "cpec") * 0.5);
  EXPECT_EQ(scenario.find_actor("USA")->capability, before.find_actor("USA")->capability);
  Effect capability{"USA", std::nullopt, std::nullopt, std::nullopt, Change{Operation::set, 0.2}, std::nullopt};
  ASSERT_TRUE(apply_effect(scenario, capability));
  EXPECT_EQ(scenario.find_actor("USA")->capability, 0.2);
  EXPECT_FALSE(apply_effect(scenario,
                            Effect{"NOBODY", std::nullopt, std::nullopt, std::nullopt, std::nullopt, Presence::leave}));
}

}  // namespace parley

namespace parley {
namespace {

Event dated(Date date, std::vector<Effect> effects) {
  Event event;
  event.date = date;
  event.title = "a change";
  event.effects = std::move(effects);
  return event;
}

Effect status_quo_change(const std::string& issue, Operation operation, double value) {
  Effect effect;
  effect.issue = issue;
  effect.status_quo = Change{operation, value};
  return effect;
}

Effect affinity_change(const std::string& from, const std::string& toward, Operation operation, double value) {
  Effect effect;
  effect.actor = from;
  effect.toward = toward;
  effect.affinity = Change{operation, value};
  return effect;
}

double affinity(const Scenario& scenario, const std::string& from, const std::string& to) {
  for (const auto& relation : scenario.relations) {
    if (relation.from == from && relation.to == to) return relation.affinity;
  }
  return std::nan("");
}

std::vector<std::string> errors_of(const Scenario& scenario) {
  std::vector<std::string> messages;
  for (const auto& error : validate(scenario, Locator{}, {}).errors) messages.push_back(error.path + ": " + error.message);
  return messages;
}

}  // namespace

// An interim deal: an event sets an issue's status quo; a thaw: an event changes a relation, or
// makes one the scenario did not have.
TEST(Timeline, EventsChangeStatusQuoAndRelations) {
  Scenario scenario = pakistan();
  scenario.events.push_back(dated(Date{2023, 3, 1}, {status_quo_change("us_airspace", Operation::set, 50.0),
                                                     affinity_change("TTP", "PAK", Operation::add, 0.5),
                                                     affinity_change("CHN", "TTP", Operation::set, -0.3)}));
  EXPECT_TRUE(errors_of(scenario).empty()) << errors_of(scenario).front();
  const Scenario before = scenario_at(scenario, Date{2023, 2, 1});
  const Scenario after = scenario_at(scenario, Date{2023, 4, 1});
  EXPECT_EQ(before.find_issue("us_airspace")->status_quo, 35.0);
  EXPECT_EQ(after.find_issue("us_airspace")->status_quo, 50.0);
  EXPECT_EQ(affinity(before, "TTP", "PAK"), -0.9);
  EXPECT_EQ(affinity(after, "TTP", "PAK"), -0.9 + 0.5);
  EXPECT_TRUE(std::isnan(affinity(before, "CHN", "TTP")));
  EXPECT_EQ(affinity(after, "CHN", "TTP"), -0.3);
  // Written and read back, the effects are the same.
  const Scenario read = io::read_scenario_yaml(io::write_scenario_yaml(scenario), "round-trip.yaml", {}).scenario;
  EXPECT_EQ(read.events, scenario.events);
}

TEST(Timeline, StatusQuoAndRelationEffectsAreChecked) {
  const auto first_error = [](std::vector<Effect> effects) {
    Scenario scenario = pakistan();
    scenario.events.push_back(dated(Date{2023, 3, 1}, std::move(effects)));
    const auto errors = errors_of(scenario);
    return errors.empty() ? std::string("no error") : errors.front();
  };
  Effect no_issue = status_quo_change("us_airspace", Operation::set, 50.0);
  no_issue.issue.reset();
  EXPECT_NE(first_error({no_issue}).find("a change of status quo needs an 'issue'"), std::string::npos);
  EXPECT_NE(first_error({status_quo_change("us_airspace", Operation::add, 70.0)}).find("35 + 70 = 105 is outside"),
            std::string::npos);
  EXPECT_NE(first_error({affinity_change("TTP", "PAK", Operation::set, 2.0)}).find("2 is outside [-1, 1]"),
            std::string::npos);
  Effect no_toward = affinity_change("TTP", "PAK", Operation::set, 0.0);
  no_toward.toward.reset();
  EXPECT_NE(first_error({no_toward}).find("needs 'toward'"), std::string::npos);
  EXPECT_NE(first_error({affinity_change("TTP", "TTP", Operation::set, 0.0)}).find("the actor itself"),
            std::string::npos);
  EXPECT_NE(first_error({affinity_change("TTP", "NOBODY", Operation::set, 0.0)}).find("unknown actor 'NOBODY'"),
            std::string::npos);
  Effect nothing;
  nothing.issue = "us_airspace";
  EXPECT_NE(first_error({nothing}).find("the effect changes nothing"), std::string::npos);
}

}  // namespace parley

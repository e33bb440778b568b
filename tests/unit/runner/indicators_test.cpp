// Monte Carlo's indicators: a model's keys become codes and back, the exchange model's keys are the
// trades of its table, and claims are judged by the keys whatever model declares them.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "parley/montecarlo.hpp"
#include "parley/problem.hpp"
#include "parley/registry.hpp"
#include "parley/run.hpp"

namespace parley {
namespace {

Scenario three_actors() {
  Scenario scenario;
  scenario.title = "t";
  scenario.as_of = Date::parse("2023-01-01").value();
  for (const char* id : {"A", "B", "C"}) scenario.actors.push_back({.id = id, .name = id, .capability = 1.0});
  for (const char* id : {"x", "y", "z"}) scenario.issues.push_back({.id = id, .question = id});
  const double positions[3][3] = {{0, 100, 40}, {100, 0, 60}, {50, 50, 10}};
  const double saliences[3][3] = {{0.9, 0.2, 0.5}, {0.2, 0.9, 0.4}, {0.5, 0.5, 0.8}};
  for (std::size_t a = 0; a < 3; ++a) {
    for (std::size_t i = 0; i < 3; ++i) {
      scenario.actors[a].stances.push_back(
          {scenario.issues[i].id, {.position = positions[a][i], .salience = saliences[a][i]}});
    }
  }
  return scenario;
}

TEST(Indicators, CodesAndKeysGoBothWays) {
  const Scenario scenario = three_actors();
  RunRequest request;
  request.models = select_models({"exchange"}, {}, 3);
  const MonteCarlo mc(scenario, request);
  ASSERT_EQ(mc.indicator_series().size(), 1u);
  EXPECT_EQ(mc.indicator_series()[0].model, "exchange");
  for (std::size_t a = 0; a < 3; ++a) {
    for (std::size_t p = 0; p < 3; ++p) {
      const std::size_t key[] = {a, p, 2 - a, 2 - p};
      const std::uint64_t code = mc.encode(0, key);
      EXPECT_EQ(mc.decode(0, code), (std::vector<std::size_t>{a, p, 2 - a, 2 - p}));
    }
  }
  const std::size_t key[] = {1, 2, 2, 0};
  EXPECT_EQ(mc.key_ids(0, mc.encode(0, key)), (std::vector<std::string>{"B", "z", "C", "x"}));
}

// The keys the exchange model reports are exactly its table's trades, the actor first in the
// scenario first.
TEST(Indicators, ExchangeKeysAreTheTradesOfItsTable) {
  const Scenario scenario = three_actors();
  RunRequest request;
  request.models = select_models({"exchange"}, {}, 3);
  const RunResult result = run(scenario, request);
  const ModelOutcome& outcome = result.runs[0].outcome;
  ASSERT_EQ(outcome.indicators.size(), 1u);
  const Indicator& indicator = outcome.indicators[0];
  std::set<std::vector<std::string>> from_keys;
  for (std::size_t at = 0; at + 4 <= indicator.keys.size(); at += 4) {
    const auto* k = indicator.keys.data() + at;
    EXPECT_LT(k[0], k[2]);
    from_keys.insert({result.problem.actors[k[0]], result.problem.issues[k[1]].id, result.problem.actors[k[2]],
                      result.problem.issues[k[3]].id});
  }
  std::set<std::vector<std::string>> from_table;
  const Table& table = outcome.tables[0];
  for (const auto& row : table.rows) {
    std::vector<std::string> key{row[3].text(), row[4].text(), row[9].text(), row[10].text()};
    if (key[0] > key[2]) {
      std::swap(key[0], key[2]);
      std::swap(key[1], key[3]);
    }
    from_table.insert(key);
  }
  EXPECT_FALSE(from_keys.empty());
  EXPECT_EQ(from_keys, from_table);

  // Inside Monte Carlo the model skips its tables but still reports its keys.
  const auto model = request.models[0].info->make(request.models[0].parameters);
  const ModelOutcome quiet = model->solve(result.problem, RunContext{request.seed, 1, false});
  EXPECT_TRUE(quiet.tables.empty());
  ASSERT_EQ(quiet.indicators.size(), 1u);
  EXPECT_EQ(quiet.indicators[0].keys, indicator.keys);
}

TEST(Indicators, ClaimsAreJudgedByTheKeysThatOccur) {
  Scenario scenario = three_actors();
  Claim claim;
  claim.id = "trade";
  claim.kind = ClaimKind::exchange;
  claim.actors = {"B", "A"};
  claim.issues = {"y", "x"};
  scenario.claims.push_back(claim);
  RunRequest request;
  request.models = select_models({"exchange", "compromise"}, {}, 3);
  const MonteCarlo mc(scenario, request);
  std::vector<SampleResult> results{mc.evaluate(0), mc.evaluate(1)};
  const McSummary summary = summarise(mc, scenario, results);
  ASSERT_EQ(summary.claims.size(), 1u);  // compromise has no indicator that answers it
  EXPECT_EQ(summary.claims[0].model, "exchange");
  EXPECT_EQ(summary.claims[0].issue, "y x x");
  EXPECT_EQ(summary.claims[0].samples, 2u);
  std::size_t expected = 0;
  for (const auto& result : results) {
    bool found = false;
    for (const auto code : result.indicators[0]) found = found || claim.bears_out(mc.key_ids(0, code));
    expected += found ? 1U : 0U;
  }
  EXPECT_EQ(summary.claims[0].holds, expected);
}

TEST(Claim, ATradeBearsAnExchangeClaimOutWhicheverSideGivesWhat) {
  Claim claim;
  claim.kind = ClaimKind::exchange;
  claim.actors = {"A", "B"};
  claim.issues = {"x", "y"};
  EXPECT_TRUE(claim.bears_out({"A", "x", "B", "y"}));
  EXPECT_TRUE(claim.bears_out({"A", "y", "B", "x"}));
  EXPECT_TRUE(claim.bears_out({"B", "x", "A", "y"}));
  EXPECT_FALSE(claim.bears_out({"A", "x", "C", "y"}));
  EXPECT_FALSE(claim.bears_out({"A", "x", "B", "z"}));
  EXPECT_EQ(claim.subject(), "x x y");
  EXPECT_EQ(claim.trade_text(), "A and B trade x for y");
  claim.kind = ClaimKind::within;
  EXPECT_FALSE(claim.bears_out({"A", "x", "B", "y"}));
}

}  // namespace
}  // namespace parley

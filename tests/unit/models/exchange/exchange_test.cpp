// The exchange model on small hand-checked cases: candidate creation, the equal-gain rates, the
// MDS-crossing adjustment, validity, realisation and the partial adjustment of the next start.

#include <gtest/gtest.h>

#include <cmath>

#include "models/exchange/round.hpp"
#include "parley/registry.hpp"
#include "parley/rng.hpp"
#include "parley/run.hpp"

namespace parley::models::exchange {
namespace {

// actors × issues, all taking part, with the given [actor][issue] values.
Data make_data(std::size_t actors, std::size_t issues, const std::vector<double>& salience,
               const std::vector<double>& power) {
  Data data;
  data.actors = actors;
  data.issues = issues;
  data.has.assign(actors * issues, 1);
  data.salience = salience;
  data.power = power;
  data.data.resize(issues);
  data.total.assign(issues, 0.0);
  for (std::size_t i = 0; i < issues; ++i) {
    for (std::size_t a = 0; a < actors; ++a) {
      data.data[i].push_back(a);
      data.total[i] += salience[a * issues + i] * power[a * issues + i];
    }
  }
  return data;
}

TEST(ExchangeRound, TwoActorsTradeAtEqualGain) {
  // A cares about issue 0 (s 0.9) more than issue 1 (0.3); B the other way round. A sits at 0 on
  // both, B at 100 on both: A (side I) demands issue 0 and supplies issue 1.
  const Data data = make_data(2, 2, {0.9, 0.3, 0.3, 0.9}, {1.0, 1.0, 1.0, 1.0});
  const std::vector<double> start{0.0, 0.0, 100.0, 100.0};
  const RoundResult result = play_round(data, Settings{}, start, 1, 1);
  EXPECT_EQ(result.candidates, 1u);
  ASSERT_EQ(result.exchanges.size(), 1u);
  const ExchangeRecord& e = result.exchanges[0];
  EXPECT_EQ(e.i.actor, 0u);
  EXPECT_EQ(e.i.supply, 1u);
  EXPECT_EQ(e.j.actor, 1u);
  EXPECT_EQ(e.j.supply, 0u);
  // D = 1.2 on both. Step A: rp = 100·0.3·1/1.2 = 25, rq = (0.3 + 0.9)/(0.9 + 0.3)·25 = 25,
  // m_I = 25·1.2/(1·0.3) = 100 ≤ Δq = 100, so no overshoot; G = |25·0.3 − 25·0.9| = 15.
  // Crossing: A supplies issue 1 moving 0 → 100; the MDS there moves from 75 to 100 and B
  // (the demander) sits at 100, never strictly between: no adjustment. B moves 100 → 0 on issue 0.
  EXPECT_NEAR(e.gain, 15.0, 1e-12);
  EXPECT_NEAR(e.i.move, 100.0, 1e-12);
  EXPECT_NEAR(e.j.move, -100.0, 1e-12);
  EXPECT_NEAR(result.start_forecast[0], 25.0, 1e-12);
  EXPECT_NEAR(result.voting_forecast[0], 0.0, 1e-12);
  EXPECT_NEAR(result.voting_forecast[1], 100.0, 1e-12);
  // Next start: x0 + w·(y − x0), w = 0.4·(1 − s) + 0.1 with s the supplier's salience on the issue.
  EXPECT_NEAR(result.next[data.at(0, 1)], 0.0 + (0.4 * 0.7 + 0.1) * 100.0, 1e-12);
  EXPECT_NEAR(result.next[data.at(1, 0)], 100.0 - (0.4 * 0.7 + 0.1) * 100.0, 1e-12);
  EXPECT_EQ(result.next[data.at(0, 0)], 0.0);  // not supplied: unchanged
}

TEST(ExchangeRound, SameSidesOfTheMdsNoCandidate) {
  // Both actors left of the MDS on both issues cannot trade.
  const Data data = make_data(3, 2, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, {1.0, 1.0, 1.0, 1.0, 1.0, 1.0});
  const std::vector<double> start{10.0, 10.0, 20.0, 20.0, 100.0, 100.0};
  const RoundResult result = play_round(data, Settings{}, start, 1, 1);
  // Actor 2 is right on both (group a), actors 0 and 1 left on both (group d): two candidates, but
  // equal relative saliences give zero gain, so neither is valid.
  EXPECT_EQ(result.candidates, 2u);
  EXPECT_TRUE(result.exchanges.empty());
  EXPECT_EQ(result.next, start);
}

TEST(ExchangeRound, ZeroSalienceTakesNoPartInTrades) {
  const Data data = make_data(2, 2, {0.9, 0.0, 0.3, 0.9}, {1.0, 1.0, 1.0, 1.0});
  const std::vector<double> start{0.0, 0.0, 100.0, 100.0};
  const RoundResult result = play_round(data, Settings{}, start, 1, 1);
  EXPECT_EQ(result.candidates, 0u);
}

TEST(ExchangeModel, NeedsTwoIssuesAndRunsItsRounds) {
  Problem problem;
  problem.actors = {"A", "B"};
  problem.issues.push_back({"x", 0.0, 10.0, std::nullopt, {{0, 0.0, 0.9, 1.0}, {1, 10.0, 0.3, 1.0}}});
  problem.issues.push_back({"y", 0.0, 100.0, std::nullopt, {{0, 0.0, 0.3, 1.0}, {1, 100.0, 0.9, 1.0}}});
  const auto selection = select_models({"exchange"}, {"exchange.rounds=3"}, 2).at(0);
  const ModelOutcome outcome = selection.info->make(selection.parameters)->solve(problem, RunContext{1});
  ASSERT_EQ(outcome.issues.size(), 2u);
  EXPECT_EQ(outcome.issues[0].rounds, 3);
  EXPECT_EQ(outcome.issues[0].positions.size(), 4u);
  EXPECT_EQ(outcome.issues[0].votes.size(), 4u);
  // Issue x is on 0–10: B's move from 10 to 0 is reported on that scale.
  ASSERT_EQ(outcome.tables.size(), 2u);
  EXPECT_EQ(outcome.tables[0].name, "exchanges");
  ASSERT_FALSE(outcome.tables[0].rows.empty());
  const auto& first = outcome.tables[0].rows[0];
  EXPECT_EQ(first[9], "B");
  EXPECT_EQ(first[10], "x");
  EXPECT_EQ(first[13], "-10");
  EXPECT_EQ(outcome.tables[1].name, "exchange_rounds");
}

// Relations (parley's extension): a pair whose affinity is below min_affinity does not trade, in
// either direction of the relation; -1 lets every pair trade, as Decide does.
TEST(ExchangeModel, HostileActorsDoNotTrade) {
  Problem problem;
  problem.actors = {"A", "B"};
  problem.issues.push_back({"x", 0.0, 100.0, std::nullopt, {{0, 0.0, 0.9, 1.0}, {1, 100.0, 0.3, 1.0}}});
  problem.issues.push_back({"y", 0.0, 100.0, std::nullopt, {{0, 0.0, 0.3, 1.0}, {1, 100.0, 0.9, 1.0}}});
  const auto realised = [&](const std::vector<std::string>& parameters) {
    const auto selection = select_models({"exchange"}, parameters, 2).at(0);
    const ModelOutcome outcome = selection.info->make(selection.parameters)->solve(problem, RunContext{1});
    return outcome.tables.at(0).rows.size();
  };
  EXPECT_GT(realised({}), 0u);
  problem.affinities = {{1, 0, -0.9}};  // B for A: war
  EXPECT_EQ(realised({}), 0u);
  EXPECT_GT(realised({"exchange.min_affinity=-1"}), 0u);
  problem.affinities = {{0, 1, -0.5}};  // cool, not hostile: above the default -0.7
  EXPECT_GT(realised({}), 0u);
  EXPECT_EQ(realised({"exchange.min_affinity=-0.4"}), 0u);
}

}  // namespace
}  // namespace parley::models::exchange

namespace parley::models::exchange {
namespace {

// Property: the indexed selection realises exactly the exchanges of §3.9 as written (re-sort the
// whole list, update every pending candidate), in the same order, ties included.
TEST(ExchangeSelection, FastEqualsLiteral) {
  for (std::uint64_t trial = 0; trial < 12; ++trial) {
    Rng rng = make_rng(21, trial);
    const std::size_t actors = 4 + rng.below(10);
    const std::size_t issues = 2 + rng.below(4);
    std::vector<double> salience(actors * issues);
    std::vector<double> power(actors * issues);
    std::vector<double> start(actors * issues);
    for (std::size_t k = 0; k < salience.size(); ++k) {
      // Coarse grids make equal gains common, so the tie order is exercised.
      salience[k] = 0.1 * static_cast<double>(1 + rng.below(10));
      power[k] = trial % 2 == 0 ? 0.5 : 0.1 * static_cast<double>(1 + rng.below(10));
      start[k] = 25.0 * static_cast<double>(rng.below(5));
    }
    const Data data = make_data(actors, issues, salience, power);
    for (const Semantics semantics : {Semantics::intended, Semantics::upstream}) {
      Settings fast{.semantics = semantics};
      Settings literal = fast;
      literal.literal_selection = true;
      std::vector<double> a = start;
      std::vector<double> b = start;
      for (std::uint64_t round = 1; round <= 4; ++round) {
        const RoundResult x = play_round(data, fast, a, 1, round);
        const RoundResult y = play_round(data, literal, b, 1, round);
        ASSERT_EQ(x.exchanges.size(), y.exchanges.size()) << "trial " << trial << " round " << round;
        for (std::size_t k = 0; k < x.exchanges.size(); ++k) {
          EXPECT_EQ(x.exchanges[k].gain, y.exchanges[k].gain) << "trial " << trial << " exchange " << k;
          EXPECT_EQ(x.exchanges[k].i.actor, y.exchanges[k].i.actor);
          EXPECT_EQ(x.exchanges[k].j.actor, y.exchanges[k].j.actor);
          EXPECT_EQ(x.exchanges[k].i.supply, y.exchanges[k].i.supply);
          EXPECT_EQ(x.exchanges[k].i.vote, y.exchanges[k].i.vote);
          EXPECT_EQ(x.exchanges[k].j.vote, y.exchanges[k].j.vote);
        }
        EXPECT_EQ(x.next, y.next);
        a = x.next;
        b = y.next;
      }
    }
  }
}

}  // namespace
}  // namespace parley::models::exchange

// The expected-utility model's pieces: win probabilities (fast form against the sum over voters),
// utilities, variants and switches, the flat-danger rule and the stopping rule.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "models/eum/options.hpp"
#include "models/eum/probability.hpp"
#include "models/eum/round.hpp"
#include "parley/registry.hpp"
#include "parley/rng.hpp"

namespace parley::models::eum {
namespace {

// P_ij straight from spec (c): a sum over all voters (and, for all_pairs, over all pairs).
double naive_probability(Probability kind, const std::vector<double>& x, const std::vector<double>& w,
                         const std::vector<double>& r, double delta, std::size_t i, std::size_t j) {
  if (x[i] == x[j]) return 0.0;
  const std::size_t n = x.size();
  const auto y = [&](std::size_t k, std::size_t a) {
    const double distance = std::fabs(x[k] - x[a]);
    return kind == Probability::linear ? distance : std::pow(distance / delta, r[k]);
  };
  double for_i = 0.0;
  double both = 0.0;
  double net = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    const double g = w[k] * (y(k, j) - y(k, i));
    for_i += std::max(0.0, g);
    both += std::fabs(g);
    net += g;
  }
  if (kind == Probability::all_pairs) {
    double z = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = 0; b < n; ++b) z += std::fabs(w[k] * (y(k, b) - y(k, a)));
      }
    }
    return for_i / z;
  }
  if (both == 0.0) return 0.0;
  return kind == Probability::linear ? std::max(0.0, net) / both : for_i / both;
}

TEST(EumProbability, FastFormEqualsTheSumOverVoters) {
  Rng rng = make_rng(11, 0);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t n = 2 + rng.below(12);
    std::vector<double> x(n);
    std::vector<double> w(n);
    std::vector<double> r(n);
    for (std::size_t k = 0; k < n; ++k) {
      // Half the trials on a coarse grid, so that positions (and midpoints) coincide.
      x[k] = trial % 2 == 0 ? 10.0 * static_cast<double>(rng.below(6)) : 100.0 * rng.uniform();
      w[k] = rng.uniform() * (rng.below(5) == 0 ? 0.0 : 1.0);
      r[k] = trial % 3 == 0 ? 1.0 : 0.5 + 1.5 * rng.uniform();  // all 1: the linear fast path
    }
    const auto [low, high] = std::minmax_element(x.begin(), x.end());
    const double delta = *high > *low ? *high - *low : 1.0;
    for (const Probability kind : {Probability::all_pairs, Probability::pairwise, Probability::linear}) {
      const WinProbabilities p(kind, x, w, r, delta);
      std::vector<double> from_i(n);
      std::vector<double> to_i(n);
      for (std::size_t i = 0; i < n; ++i) {
        p.row(i, from_i, to_i);
        for (std::size_t j = 0; j < n; ++j) {
          const double expected = naive_probability(kind, x, w, r, delta, i, j);
          EXPECT_NEAR(p(i, j), expected, 1e-12 * std::max(1.0, expected)) << "trial " << trial;
          EXPECT_EQ(from_i[j], p(i, j)) << "row() must equal operator() to the bit";
          EXPECT_EQ(to_i[j], p(j, i)) << "row() must equal operator() to the bit";
        }
      }
    }
  }
}

TEST(EumProbability, ActorsAtOnePositionAreInterchangeable) {
  // Ties between counterparts must be exact: equal positions give bit-identical probabilities.
  const std::vector<double> x{4, 7, 10, 10, 4};
  const std::vector<double> w{0.1, 0.3, 0.2, 0.25, 0.05};
  const std::vector<double> r{1.2, 0.7, 1.9, 0.5, 1.0};
  const WinProbabilities p(Probability::all_pairs, x, w, r, 6.0);
  EXPECT_EQ(p(1, 2), p(1, 3));
  EXPECT_EQ(p(2, 1), p(3, 1));
  EXPECT_EQ(p(0, 2), p(4, 3));
  EXPECT_EQ(p(2, 3), 0.0);
}

TEST(EumUtilities, BasicUtilitiesAtTheEnds) {
  const Utilities same = basic_utilities(0.0, 1.0);
  EXPECT_DOUBLE_EQ(same.success, 0.0);
  EXPECT_DOUBLE_EQ(same.failure, 0.0);
  EXPECT_DOUBLE_EQ(same.status_quo, 0.0);
  const Utilities far = basic_utilities(1.0, 1.0);
  EXPECT_DOUBLE_EQ(far.success, 2.0);
  EXPECT_DOUBLE_EQ(far.failure, -2.0);
  const Utilities risky = basic_utilities(0.5, 2.0);  // 2 - 4·0.25² and 2 - 4·0.75²
  EXPECT_DOUBLE_EQ(risky.success, 1.75);
  EXPECT_DOUBLE_EQ(risky.failure, -0.25);
  EXPECT_DOUBLE_EQ(risky.status_quo, 1.0);
}

ParameterValues values(const std::vector<std::pair<std::string, std::string>>& assignments) {
  return resolve_parameters("eum", parameter_specs(), assignments);
}

TEST(EumOptions, VariantsSetTheirSwitchesAndSwitchesOverride) {
  const Options textbook = resolve_options(values({}));
  EXPECT_EQ(textbook.probability, Probability::pairwise);
  EXPECT_TRUE(textbook.capitulation);
  EXPECT_EQ(textbook.compromise_choice, CompromiseChoice::nearest);
  EXPECT_FALSE(textbook.flat_danger_fails);
  const Options scholz = resolve_options(values({{"variant", "scholz2011"}}));
  EXPECT_EQ(scholz.probability, Probability::all_pairs);
  EXPECT_FALSE(scholz.capitulation);
  EXPECT_EQ(scholz.compromise_choice, CompromiseChoice::position_value);
  EXPECT_TRUE(scholz.flat_danger_fails);
  EXPECT_EQ(scholz.range, Range::positions);
  const Options masad = resolve_options(values({{"variant", "masad2014"}}));
  EXPECT_EQ(masad.protocol, Protocol::challenger);
  EXPECT_EQ(masad.probability, Probability::linear);
  EXPECT_TRUE(masad.q_sign_slip);
  EXPECT_EQ(masad.range, Range::scale);
  const Options mixed = resolve_options(values({{"variant", "scholz2011"}, {"capitulation", "intended"}}));
  EXPECT_TRUE(mixed.capitulation);
  EXPECT_EQ(mixed.probability, Probability::all_pairs);
}

TEST(EumRound, FlatDangerFailsOrIsNeutral) {
  // Two actors, mirror images: each faces the same danger.
  Actors actors{{0.5, 0.5}, {0.5, 0.5}, 100.0};
  const std::vector<double> x{0.0, 100.0};
  Options options = resolve_options(values({{"variant", "scholz2011"}}));
  const Round failed = play_round(options, actors, x);
  EXPECT_TRUE(failed.flat_danger);
  EXPECT_TRUE(failed.undefined);
  options.flat_danger_fails = false;
  const Round neutral = play_round(options, actors, x);
  EXPECT_TRUE(neutral.flat_danger);
  EXPECT_FALSE(neutral.undefined);
  EXPECT_EQ(neutral.risk, (std::vector<double>{1.0, 1.0}));
}

// The whole model through the registry, on one issue.
IssueForecast solve(const std::vector<double>& positions, const std::vector<double>& capabilities,
                    const std::vector<double>& saliences,
                    const std::vector<std::pair<std::string, std::string>>& assignments,
                    std::vector<Table>* tables = nullptr) {
  Problem problem;
  IssueProblem issue{"x", 0.0, 100.0, std::nullopt, {}};
  for (std::size_t k = 0; k < positions.size(); ++k) {
    problem.actors.push_back("a" + std::to_string(k));
    issue.participants.push_back({k, positions[k], saliences[k], capabilities[k]});
  }
  problem.issues.push_back(issue);
  const ModelInfo& info = find_model("eum");
  const auto model = info.make(resolve_parameters("eum", info.parameters, assignments));
  ModelOutcome outcome = model->solve(problem, RunContext{1});
  if (tables != nullptr) *tables = outcome.tables;
  return outcome.issues.at(0);
}

TEST(EumModel, AllAtOnePositionIsSettled) {
  const auto forecast = solve({40, 40, 40}, {1, 2, 3}, {0.5, 0.5, 0.5}, {});
  EXPECT_EQ(forecast.reason, StopReason::converged);
  EXPECT_EQ(forecast.rounds, 0);
  EXPECT_EQ(forecast.forecast, 40.0);
}

TEST(EumModel, NoWeightNoForecast) {
  const auto forecast = solve({10, 60}, {1, 2}, {0, 0}, {});
  EXPECT_EQ(forecast.reason, StopReason::no_weight);
  EXPECT_TRUE(std::isnan(forecast.forecast));
}

TEST(EumModel, ConvergesAndRecordsEveryRound) {
  std::vector<Table> tables;
  const auto forecast =
      solve({0, 20, 45, 80, 100}, {0.3, 0.1, 0.2, 0.25, 0.15}, {0.9, 0.4, 0.6, 0.8, 0.3}, {}, &tables);
  ASSERT_EQ(forecast.positions.size(), static_cast<std::size_t>(forecast.rounds) + 1);
  ASSERT_EQ(forecast.risk.size(), forecast.positions.size());
  EXPECT_TRUE(forecast.risk[0].empty());
  for (std::size_t t = 1; t < forecast.risk.size(); ++t) {
    for (const double r : forecast.risk[t]) {
      EXPECT_GE(r, 0.5 - 1e-12);
      EXPECT_LE(r, 2.0 + 1e-12);
    }
  }
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].name, "eum_moves");
  EXPECT_EQ(tables[1].name, "eum_rounds");
  EXPECT_EQ(tables[1].rows.size(), forecast.positions.size());
}

TEST(EumModel, StopRoundsRunsExactlyMaxRounds) {
  // Two entrenched camps and a few movers: Scholz's variant settles within a couple of rounds.
  const std::vector<double> x{0, 0, 30, 55, 100, 100};
  const std::vector<double> c{0.3, 0.2, 0.05, 0.05, 0.25, 0.15};
  const std::vector<double> s{1.0, 0.9, 0.3, 0.5, 1.0, 0.9};
  const auto settled = solve(x, c, s, {{"variant", "scholz2011"}});
  ASSERT_EQ(settled.reason, StopReason::converged);
  ASSERT_LT(settled.rounds, 7);
  const auto forecast = solve(x, c, s, {{"variant", "scholz2011"}, {"stop", "rounds"}, {"max_rounds", "7"}});
  EXPECT_EQ(forecast.rounds, 7);
  EXPECT_EQ(forecast.positions.size(), 8u);
  EXPECT_EQ(forecast.reason, StopReason::converged);
  EXPECT_EQ(forecast.forecast, settled.forecast);
}

TEST(EumModel, SameInputSameOutput) {
  const std::vector<std::pair<std::string, std::string>> scholz{{"variant", "scholz2011"}};
  const auto a = solve({0, 20, 45, 80, 100}, {0.3, 0.1, 0.2, 0.25, 0.15}, {0.9, 0.4, 0.6, 0.8, 0.3}, scholz);
  const auto b = solve({0, 20, 45, 80, 100}, {0.3, 0.1, 0.2, 0.25, 0.15}, {0.9, 0.4, 0.6, 0.8, 0.3}, scholz);
  EXPECT_EQ(a.positions, b.positions);
  EXPECT_EQ(a.risk, b.risk);
}

}  // namespace
}  // namespace parley::models::eum

namespace parley::models::eum {
namespace {

TEST(EumModel, OffersAreWrittenOnlyWhenAskedAndMarkTheMoves) {
  for (const char* variant : {"textbook", "scholz2011", "masad2014"}) {
    std::vector<Table> without;
    (void)solve({0, 20, 45, 80, 100}, {0.3, 0.1, 0.2, 0.25, 0.15}, {0.9, 0.4, 0.6, 0.8, 0.3},
                {{"variant", variant}, {"stop", "rounds"}, {"max_rounds", "3"}}, &without);
    EXPECT_EQ(without.size(), 2u) << variant;
    std::vector<Table> with;
    (void)solve({0, 20, 45, 80, 100}, {0.3, 0.1, 0.2, 0.25, 0.15}, {0.9, 0.4, 0.6, 0.8, 0.3},
                {{"variant", variant}, {"stop", "rounds"}, {"max_rounds", "3"}, {"offers", "true"}}, &with);
    ASSERT_EQ(with.size(), 3u) << variant;
    const Table& moves = with[0];
    const Table& offers = with[2];
    EXPECT_EQ(offers.name, "eum_offers");
    EXPECT_GE(offers.rows.size(), moves.rows.size());
    // Every move is one taken offer, with the same new position.
    std::size_t taken = 0;
    for (const auto& offer : offers.rows) taken += offer.back() == "true" ? 1U : 0U;
    EXPECT_EQ(taken, moves.rows.size()) << variant;
    for (const auto& move : moves.rows) {
      const bool found = std::any_of(offers.rows.begin(), offers.rows.end(), [&](const auto& offer) {
        return offer[1] == move[1] && offer[2] == move[2] && offer[3] == move[3] && offer[7] == move[7] &&
               offer.back() == "true";
      });
      EXPECT_TRUE(found) << variant << " round " << move[1] << " " << move[2];
    }
  }
}

}  // namespace
}  // namespace parley::models::eum

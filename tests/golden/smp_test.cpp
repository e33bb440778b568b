// The smp model against KTAB (golden/ktab): for every deterministic scenario, the number of states,
// every position of every state to KTAB's four printed decimals, and every reported probability
// to within KTAB's rounding — from the CSV file and, for dummyData_3Dim, from both XML files.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/table.hpp"

namespace parley::test {
namespace {

struct Case {
  std::string input;     // in golden/ktab/inputs
  std::string expected;  // NAME of golden/ktab/expected/NAME.positions.csv and .winprob.csv
  std::size_t states = 0;
};

// What KTAB's golden README lists for each scenario.
const std::vector<Case> kCases{
    {"dummyData_3Dim.csv", "dummyData_3Dim", 11},
    {"dummyData_3Dim-no-final-comma.csv", "dummyData_3Dim-no-final-comma", 11},
    {"dummyData_3Dim-fixed.xml", "dummyData_3Dim-fixed-xml", 11},
    {"dummyData_3Dim.xml", "dummyData_3Dim", 11},  // valid by KTAB's schema; KTAB's reader rejects it
    {"SOE-Pol-Comp.csv", "SOE-Pol-Comp", 28},
    {"SOE-Policy.csv", "SOE-Policy", 20},
    {"dummyData_6Dim.csv", "dummyData_6Dim", 30},
    {"SOE-Competitive.csv", "SOE-Competitive", 36},
    {"dummyData-a040.csv", "dummyData-a040", 21},
    {"dummyData-a080.csv", "dummyData-a080", 18},
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.input;
}

class KtabGolden : public ::testing::TestWithParam<Case> {};

TEST_P(KtabGolden, EveryPositionOfEveryStateAndEveryProbability) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const Case& c = GetParam();
  const auto input = golden / "ktab" / "inputs" / c.input;
  const auto directory = fresh_directory("golden-smp-" + c.input);
  const auto outcome = run_parley({"run", input.string(), "--from", "ktab", "-m", "smp", "-q", "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;

  // Our positions by (actor, issue, state), actors and issues in input order.
  std::vector<std::string> actors;
  std::vector<std::string> issues;
  std::map<std::tuple<std::string, std::string, int>, double> ours;
  int states = 0;
  for (const auto& row : read_table(directory / "out" / "trajectories.csv")) {
    if (row.at("model") != "smp") continue;
    const std::string& actor = row.at("actor");
    const std::string& issue = row.at("issue");
    if (std::find(actors.begin(), actors.end(), actor) == actors.end()) actors.push_back(actor);
    if (std::find(issues.begin(), issues.end(), issue) == issues.end()) issues.push_back(issue);
    const int state = std::stoi(row.at("round"));
    states = std::max(states, state + 1);
    ours[{actor, issue, state}] = std::stod(row.at("position"));
  }
  EXPECT_EQ(static_cast<std::size_t>(states), c.states);

  // KTAB's file: one row per actor and dimension, actors in input order, dimensions in order.
  const Table positions = read_table(golden / "ktab" / "expected" / (c.expected + ".positions.csv"));
  ASSERT_EQ(positions.size(), actors.size() * issues.size());
  std::size_t compared = 0;
  for (std::size_t r = 0; r < positions.size(); ++r) {
    const std::string& actor = actors[r / issues.size()];
    const std::string& issue = issues[r % issues.size()];
    for (int t = 0; t < states; ++t) {
      const auto cell = positions[r].find(fmt::format("t{}", t));
      ASSERT_NE(cell, positions[r].end()) << c.input << ": KTAB has fewer states than parley";
      EXPECT_EQ(fmt::format("{:.4f}", ours.at({actor, issue, t})), cell->second)
          << c.input << ": " << actor << " on " << issue << " at state " << t;
      ++compared;
    }
  }
  EXPECT_EQ(compared, actors.size() * issues.size() * c.states);

  std::map<std::pair<std::string, int>, double> probability;
  for (const auto& row : read_table(directory / "out" / "smp_probabilities.csv")) {
    probability[{row.at("actor"), std::stoi(row.at("state"))}] = std::stod(row.at("probability"));
  }
  const Table winprob = read_table(golden / "ktab" / "expected" / (c.expected + ".winprob.csv"));
  ASSERT_EQ(winprob.size(), actors.size());
  for (std::size_t a = 0; a < actors.size(); ++a) {
    for (int t = 0; t < states; ++t) {
      const double expected = std::stod(winprob[a].at(fmt::format("t{}", t)));
      EXPECT_LE(std::fabs(probability.at({actors[a], t}) - expected), 5e-5 + 1e-12)
          << c.input << ": " << actors[a] << " at state " << t;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, KtabGolden, ::testing::ValuesIn(kCases), [](const auto& param_info) {
  std::string name = param_info.param.input;
  for (char& ch : name) {
    if (std::isalnum(static_cast<unsigned char>(ch)) == 0) ch = '_';
  }
  return name;
});

// smpExample.xml has an empty coordinate: rejected at its line and element.
TEST(KtabGolden, EmptyCoordinateIsRejectedAtItsLine) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto input = golden / "ktab" / "inputs" / "smpExample.xml";
  const auto outcome = run_parley({"run", input.string(), "--from", "ktab", "-m", "smp", "-q", "-o", "out"},
                                  fresh_directory("golden-smp-empty"));
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_NE(outcome.err.find("smpExample.xml:32:9: actor[Alice].Position[1]: <dCoord> is empty"), std::string::npos)
      << outcome.err;
}

// The stochastic example (KTAB cannot repeat it): parley repeats it for a seed, on 1 or 2 threads,
// and its XML seed is the run's seed unless --seed is given.
TEST(KtabGolden, StochasticExampleRepeatsForItsSeed) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto input = golden / "ktab" / "inputs" / "smpExample-fixed.xml";
  const auto directory = fresh_directory("golden-smp-stochastic");
  std::vector<std::string> outputs;
  for (const std::string threads : {"1", "2", "1"}) {
    const std::string out = "out" + std::to_string(outputs.size());
    const auto outcome =
        run_parley({"run", input.string(), "--from", "ktab", "-m", "smp", "-q", "-j", threads, "-o", out}, directory);
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    outputs.push_back(read_text(directory / out / "trajectories.csv"));
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  EXPECT_EQ(outputs[0], outputs[2]);
  const std::string run_json = read_text(directory / "out0" / "run.json");
  EXPECT_NE(run_json.find("3507583219545544127"), std::string::npos) << "the XML's prngSeed is the run's seed";
  EXPECT_NE(run_json.find("\"StateTransitions\": \"Stochastic\""), std::string::npos) << run_json.substr(0, 2000);
  const auto other =
      run_parley({"run", input.string(), "--from", "ktab", "-m", "smp", "-q", "--seed", "7", "-o", "seed7"}, directory);
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_NE(read_text(directory / "seed7" / "run.json").find("\"seed\": 7"), std::string::npos);
}

// The specification's worked example (§13.2): turn 0 of dummyData_3Dim, every printed digit of the
// risk attitudes, the seven challenges and bargains, and each queue's election.
TEST(KtabGolden, WorkedExampleTurnZero) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto input = golden / "ktab" / "inputs" / "dummyData_3Dim.csv";
  const auto directory = fresh_directory("golden-smp-worked");
  const auto outcome = run_parley({"run", input.string(), "--from", "ktab", "-m", "smp", "-q", "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const Table probabilities = read_table(directory / "out" / "smp_probabilities.csv");
  const std::vector<double> risk{-0.500000, -0.459251, -0.499462, -0.274054, 1.000000, -0.231862, -0.430327};
  for (std::size_t a = 0; a < risk.size(); ++a) {
    EXPECT_NEAR(std::stod(probabilities[a].at("risk")), risk[a], 5e-7) << "actor " << a;
  }
  struct Expected {
    std::string initiator;
    std::string receiver;
    double gain;
    double probability;
    std::vector<double> initiator_point;
    std::vector<double> receiver_point;
  };
  const std::vector<Expected> bargains{
      {"SActor-00", "SActor-06", 0.094735, 0.764309, {75.61, 24.78, 71.95}, {75.61, 24.79, 71.95}},
      {"SActor-01", "SActor-00", 0.280999, 0.796420, {81.69, 73.16, 64.50}, {81.69, 73.16, 64.50}},
      {"SActor-02", "SActor-06", 0.471133, 0.833442, {82.26, 82.56, 2.06}, {82.26, 82.56, 2.06}},
      {"SActor-03", "SActor-00", 0.283872, 0.805608, {65.82, 50.76, 63.02}, {65.82, 50.76, 63.02}},
      {"SActor-04", "SActor-00", 0.011577, 0.583594, {79.54, 44.72, 72.05}, {79.54, 44.71, 72.05}},
      {"SActor-05", "SActor-01", 0.298633, 0.851036, {84.39, 34.05, 86.34}, {84.39, 34.05, 86.34}},
      {"SActor-06", "SActor-01", 0.028584, 0.396973, {78.93, 56.33, 72.52}, {78.93, 56.33, 72.52}},
  };
  Table turn;
  for (const auto& row : read_table(directory / "out" / "smp_bargains.csv")) {
    if (row.at("turn") == "1") turn.push_back(row);
  }
  ASSERT_EQ(turn.size(), bargains.size());
  const std::vector<std::string> dimensions{"Pstn1", "Pstn2", "Pstn3"};
  for (std::size_t b = 0; b < bargains.size(); ++b) {
    const Expected& e = bargains[b];
    EXPECT_EQ(turn[b].at("initiator"), e.initiator);
    EXPECT_EQ(turn[b].at("receiver"), e.receiver);
    EXPECT_NEAR(std::stod(turn[b].at("gain")), e.gain, 5e-7) << e.initiator;
    EXPECT_NEAR(std::stod(turn[b].at("win_probability")), e.probability, 5e-7) << e.initiator;
    for (std::size_t k = 0; k < dimensions.size(); ++k) {
      EXPECT_EQ(fmt::format("{:.2f}", std::stod(turn[b].at("initiator:" + dimensions[k]))),
                fmt::format("{:.2f}", e.initiator_point[k]));
      EXPECT_EQ(fmt::format("{:.2f}", std::stod(turn[b].at("receiver:" + dimensions[k]))),
                fmt::format("{:.2f}", e.receiver_point[k]));
    }
  }
  // Queue elections: the status quo's probability (from smp_probabilities, state 1) and each
  // bargain's probability in the initiator's and the receiver's queue.
  const std::vector<double> stay{.000443, .024925, .634674, .162705, .071648, .372927, .004839};
  for (std::size_t a = 0; a < stay.size(); ++a) {
    EXPECT_NEAR(std::stod(probabilities[stay.size() + a].at("stay_probability")), stay[a], 5e-7) << "actor " << a;
  }
  // (bargain, probability in the initiator's queue, in the receiver's queue, moved there)
  const std::vector<std::tuple<double, double, bool, bool>> queues{
      {.293819, .663403, false, true}, {.160937, .013713, false, false}, {.365326, .040918, false, false},
      {.837295, .195275, true, false}, {.928352, .496750, true, true},   {.627073, .244516, true, false},
      {.290840, .569622, false, true},
  };
  for (std::size_t b = 0; b < queues.size(); ++b) {
    const auto& [in_initiators, in_receivers, initiator_moved, receiver_moved] = queues[b];
    EXPECT_NEAR(std::stod(turn[b].at("initiator_queue_probability")), in_initiators, 5e-7) << b;
    EXPECT_NEAR(std::stod(turn[b].at("receiver_queue_probability")), in_receivers, 5e-7) << b;
    EXPECT_EQ(turn[b].at("initiator_moved"), initiator_moved ? "true" : "false") << b;
    EXPECT_EQ(turn[b].at("receiver_moved"), receiver_moved ? "true" : "false") << b;
  }
}

}  // namespace
}  // namespace parley::test

// The smp model in-process: every option value runs and gives the same result on any number of
// threads; stochastic runs repeat for a seed; KTAB's aborts and degenerate case; ideal
// accommodation; and the mapping of parley's scenarios onto the unit cube.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <array>
#include <bit>
#include <cmath>
#include <string>
#include <tuple>

#include "core/parallel.hpp"
#include "models/smp/election.hpp"
#include "models/smp/engine.hpp"
#include "models/smp/input.hpp"
#include "models/smp/options.hpp"
#include "parley/errors.hpp"
#include "parley/registry.hpp"
#include "parley/rng.hpp"
#include "parley/run.hpp"

namespace parley::models::smp {
namespace {

Input random_input(std::size_t actors, std::size_t dimensions, std::uint64_t seed) {
  Rng rng = make_rng(seed, actors);
  Input input;
  input.actors = actors;
  input.dimensions = dimensions;
  for (std::size_t a = 0; a < actors; ++a) {
    input.capability.push_back(1.0 + 99.0 * rng.uniform());
    for (std::size_t k = 0; k < dimensions; ++k) {
      input.salience.push_back((0.05 + rng.uniform()) / static_cast<double>(dimensions) * 0.9);
      input.position.push_back(static_cast<double>(rng.below(101)) / 100.0);
    }
  }
  return input;
}

Settings with(std::string_view parameter, std::string_view value) {
  std::vector<std::pair<std::string, std::string>> assignments{{std::string(parameter), std::string(value)}};
  return settings_from(resolve_parameters("smp", parameter_specs(), assignments));
}

std::vector<double> all_positions(const Result& result) {
  std::vector<double> positions;
  for (const auto& state : result.states)
    positions.insert(positions.end(), state.position.begin(), state.position.end());
  return positions;
}

// The bits of each value (NaN risk attitudes compare equal to themselves).
std::vector<std::uint64_t> bits(const std::vector<double>& values) {
  std::vector<std::uint64_t> out;
  for (const double v : values) out.push_back(std::bit_cast<std::uint64_t>(v));
  return out;
}

// Two runs that must be the same, bit for bit: every state, every turn's bargains and queues.
void expect_same_run(const Result& a, const Result& b, const std::string& what) {
  ASSERT_EQ(a.states.size(), b.states.size()) << what;
  ASSERT_EQ(a.turns.size(), b.turns.size()) << what;
  EXPECT_EQ(a.ending, b.ending) << what;
  for (std::size_t t = 0; t < a.states.size(); ++t) {
    const State& x = a.states[t];
    const State& y = b.states[t];
    EXPECT_EQ(bits(x.position), bits(y.position)) << what << " state " << t;
    EXPECT_EQ(bits(x.ideal), bits(y.ideal)) << what << " state " << t;
    EXPECT_EQ(bits(x.risk), bits(y.risk)) << what << " state " << t;
    EXPECT_EQ(bits(x.probability), bits(y.probability)) << what << " state " << t;
    EXPECT_EQ(x.representative, y.representative) << what << " state " << t;
    EXPECT_EQ(bits(x.group_probability), bits(y.group_probability)) << what << " state " << t;
  }
  for (std::size_t t = 0; t < a.turns.size(); ++t) {
    const Turn& x = a.turns[t];
    const Turn& y = b.turns[t];
    ASSERT_EQ(x.bargains.size(), y.bargains.size()) << what << " turn " << t;
    EXPECT_EQ(bits(x.points), bits(y.points)) << what << " turn " << t;
    EXPECT_EQ(bits(x.status_quo), bits(y.status_quo)) << what << " turn " << t;
    for (std::size_t k = 0; k < x.bargains.size(); ++k) {
      const Bargain& p = x.bargains[k];
      const Bargain& q = y.bargains[k];
      const auto fields = [](const Bargain& g) {
        return std::make_tuple(g.initiator, g.receiver, g.view, std::bit_cast<std::uint64_t>(g.gain),
                               std::bit_cast<std::uint64_t>(g.probability),
                               std::bit_cast<std::uint64_t>(g.initiator_queue_probability),
                               std::bit_cast<std::uint64_t>(g.receiver_queue_probability), g.initiator_moved,
                               g.receiver_moved);
      };
      EXPECT_EQ(fields(p), fields(q)) << what << " turn " << t << " bargain " << k;
    }
  }
}

TEST(SmpElection, ConditionalPceOfTwoOptions) {
  // Voter 0 (weight 2) prefers option 1 by 0.5, voter 1 (weight 1) option 0 by 0.25: coalitions
  // C10 = 1e-8 + 1.0, C01 = 1e-8 + 0.25; p ∝ (0.5·P01, 0.5·P10).
  const std::vector<double> weight{2.0, 1.0};
  const std::vector<double> value{0.25, 0.5, 0.75, 0.25};  // [option][voter]
  const auto p = election({}, weight, value, 2);
  const double c10 = 1e-8 + 1.0;
  const double c01 = 1e-8 + 0.25;
  EXPECT_DOUBLE_EQ(p[1], c10 / (c10 + c01));
  EXPECT_DOUBLE_EQ(p[0], c01 / (c10 + c01));
}

// The coalitions' two loops (per pair, per voter) give the same bits under every voting rule,
// victory model and PCE, on one thread or two, with ties, equal utilities and tiny differences.
TEST(SmpElection, BothCoalitionLoopsGiveTheSameBits) {
  Rng rng = make_rng(3, 0);
  std::size_t compared = 0;
  for (const std::size_t options : {2U, 5U, 17U, 40U}) {
    const std::size_t voters = 23;
    std::vector<double> weight(voters);
    std::vector<double> value(options * voters);
    for (double& w : weight) w = 0.5 + rng.uniform();
    for (std::size_t k = 0; k < value.size(); ++k) {
      // Every third utility equal to the option before's, some a hair apart: votes of 0 and of ~1e-9.
      value[k] = k % 3 == 0 && k >= voters ? value[k - voters] + (k % 2 == 0 ? 0.0 : 1e-9) : rng.uniform();
    }
    for (const auto voting : {VotingRule::Binary, VotingRule::PropBin, VotingRule::Prop, VotingRule::PropCbc,
                              VotingRule::Cubic, VotingRule::ASymProsp}) {
      for (const auto victory : {VictoryProbModel::Linear, VictoryProbModel::Square, VictoryProbModel::Quartic,
                                 VictoryProbModel::Octic, VictoryProbModel::Binary}) {
        for (const auto pce : {PCEModel::Conditional, PCEModel::MarkovUniform, PCEModel::MarkovIncentive}) {
          const ElectionRules rules{voting, victory, pce};
          std::vector<double> pairwise;
          try {
            pairwise = election(rules, weight, value, options, 1, CoalitionLoop::pairwise);
          } catch (const UnsolvableError&) {
            EXPECT_THROW((void)election(rules, weight, value, options, 2, CoalitionLoop::by_voter), UnsolvableError);
            continue;
          }
          ++compared;
          for (const unsigned threads : {1U, 2U}) {
            const auto by_voter = election(rules, weight, value, options, threads, CoalitionLoop::by_voter);
            ASSERT_EQ(by_voter.size(), pairwise.size());
            for (std::size_t a = 0; a < options; ++a) {
              EXPECT_EQ(std::bit_cast<std::uint64_t>(by_voter[a]), std::bit_cast<std::uint64_t>(pairwise[a]))
                  << options << " options, rule " << static_cast<int>(voting) << ", victory "
                  << static_cast<int>(victory) << ", pce " << static_cast<int>(pce) << ", option " << a;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 300U);  // of 360: few combinations stop where KTAB aborts
}

TEST(SmpElection, RejectsAVoterWithoutWeight) {
  EXPECT_THROW((void)election({}, std::vector<double>{1.0, 0.0}, std::vector<double>{0.1, 0.2, 0.3, 0.4}, 2),
               UnsolvableError);
}

TEST(SmpEngine, EveryOptionRunsAndDoesNotDependOnThreads) {
  const Input input = random_input(30, 2, 5);  // 30 actors: above the size from which threads are used
  for (const auto& parameter : enum_parameters()) {
    for (const auto value : parameter.values) {
      if (parameter.name == "StateTransitions") continue;  // below, with seeds
      Options options{with(parameter.name, value), 1, 1};
      options.settings.max_iterations = 6;
      const Result one = run(input, options);
      options.threads = 3;
      const Result three = run(input, options);
      ASSERT_GE(one.states.size(), 3u) << parameter.name << "=" << value;
      EXPECT_EQ(all_positions(one), all_positions(three)) << parameter.name << "=" << value;
      for (const auto& state : one.states) {
        for (const double x : state.position) {
          EXPECT_TRUE(x >= -1e-4 && x <= 1.0 + 1e-4) << parameter.name << "=" << value;
        }
      }
    }
  }
}

// A scratch and a result carried from run to run (Monte Carlo's samples) hold memory only: runs of
// other sizes and settings in between — more turns, two bargains an initiator, a Markov election,
// ideals that lag their positions — leave a run's result as fresh ones give it.
TEST(SmpEngine, AReusedScratchGivesTheFreshResult) {
  const Input small = random_input(9, 3, 21);
  Input large = random_input(40, 2, 22);  // threads, and the targets' long sort
  large.accommodation.assign(40 * 40, 0.0);
  for (std::size_t i = 0; i < 40; ++i) {
    large.accommodation[i * 40 + i] = 0.7;
    large.accommodation[i * 40 + (i + 1) % 40] = 0.2;
  }
  Options options;
  options.settings.max_iterations = 8;
  Options other = options;
  other.settings.max_iterations = 12;
  other.settings.bargaining = BargnModel::InitRcvrInterp;
  other.settings.pce = PCEModel::MarkovIncentive;
  other.threads = 2;
  const Result fresh = run(small, options);
  Scratch scratch;
  Result reused;
  run(small, options, scratch, reused);
  expect_same_run(fresh, reused, "first");
  run(large, other, scratch, reused);
  expect_same_run(run(large, other), reused, "large");
  run(small, options, scratch, reused);
  expect_same_run(fresh, reused, "again");
  expect_same_run(fresh, run(small, options, scratch), "a fresh result on the warm scratch");
}

// Stopping the target scan once no bound can beat the best gain must give KTAB's exhaustive scan's
// targets exactly: every option value, several random scenarios, clustered positions (ties).
TEST(SmpEngine, PrunedTargetScanEqualsTheExhaustiveOne) {
  std::size_t compared = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    Input input = random_input(12 + 6 * static_cast<std::size_t>(seed), 1 + seed % 3, 100 + seed);
    if (seed % 2 == 0) {
      for (double& x : input.position) x = std::round(x * 4.0) / 4.0;  // many equal positions
    }
    for (const auto& parameter : enum_parameters()) {
      for (const auto value : parameter.values) {
        Options options{with(parameter.name, value), seed, 1};
        options.settings.max_iterations = 8;
        const Result pruned = run(input, options);
        options.exhaustive = true;
        const Result exhaustive = run(input, options);
        expect_same_run(pruned, exhaustive, fmt::format("{}={} seed {}", parameter.name, value, seed));
        for (const Turn& turn : pruned.turns) compared += turn.bargains.size();
      }
    }
  }
  // Ideals away from positions (an accommodation matrix): U_ii is no longer the largest utility.
  Input lagging = random_input(30, 2, 77);
  lagging.accommodation.assign(30 * 30, 0.0);
  for (std::size_t i = 0; i < 30; ++i) {
    lagging.accommodation[i * 30 + i] = 0.6;
    lagging.accommodation[i * 30 + (i + 1) % 30] = 0.3;
  }
  Options options;
  options.settings.max_iterations = 10;
  const Result pruned = run(lagging, options);
  options.exhaustive = true;
  expect_same_run(pruned, run(lagging, options), "lagging ideals");
  EXPECT_GT(compared, 1000u);
}

TEST(SmpEngine, StochasticRunsRepeatForASeedOnAnyThreadCount) {
  const Input input = random_input(30, 3, 8);
  Options options{with("StateTransitions", "Stochastic"), 42, 1};
  options.settings.max_iterations = 12;
  const auto first = all_positions(run(input, options));
  options.threads = 2;
  EXPECT_EQ(all_positions(run(input, options)), first);
  options.threads = 4;
  EXPECT_EQ(all_positions(run(input, options)), first);
  options.seed = 43;
  EXPECT_NE(all_positions(run(input, options)), first);
}

TEST(SmpEngine, DeterministicRunsIgnoreTheSeed) {
  const Input input = random_input(12, 2, 3);
  EXPECT_EQ(all_positions(run(input, {Settings{}, 1, 1})), all_positions(run(input, {Settings{}, 99, 1})));
}

TEST(SmpEngine, FullRiskAdjustmentAbortsOnlyWithKtabsUtilityCheck) {
  const Input input = random_input(8, 2, 4);
  Settings settings = with("BigRAdjust", "Full");
  EXPECT_NO_THROW((void)run(input, {settings, 1, 1}));
  settings.ktab_checks = true;
  try {
    (void)run(input, {settings, 1, 1});
    FAIL() << "expected KTAB's abort";
  } catch (const UnsolvableError& error) {
    EXPECT_NE(std::string(error.what()).find("utility check"), std::string::npos) << error.what();
  }
}

TEST(SmpEngine, MirrorImageActorsAreDegenerate) {
  // Two equal actors at opposite ends: every position equally likely, risk attitudes 0/0.
  Input input;
  input.actors = 2;
  input.dimensions = 1;
  input.capability = {1.0, 1.0};
  input.salience = {0.5, 0.5};
  input.position = {0.2, 0.8};
  const Result result = run(input, {});
  EXPECT_EQ(result.ending, Ending::degenerate);
  EXPECT_EQ(result.states.size(), 3u);
  EXPECT_EQ(result.states.back().position, input.position);
}

TEST(SmpEngine, IdealsLagWithAnAccommodationMatrix) {
  Input input = random_input(6, 2, 9);
  input.accommodation.assign(36, 0.0);
  for (std::size_t i = 0; i < 6; ++i) input.accommodation[i * 6 + i] = 0.5;  // A = 0.5 I
  Options options;
  options.settings.max_iterations = 3;
  const Result result = run(input, options);
  for (std::size_t t = 1; t < result.states.size(); ++t) {
    for (std::size_t x = 0; x < 12; ++x) {
      EXPECT_EQ(result.states[t].ideal[x],
                0.5 * result.states[t].position[x] + (1.0 - 0.5) * result.states[t - 1].ideal[x]);
    }
  }
  input.accommodation[1] = 0.6;  // row 0 now sums to 1.1
  EXPECT_THROW((void)run(input, options), UnsolvableError);
}

TEST(SmpEngine, StopsAtMaxIterations) {
  Options options;
  options.settings.max_iterations = 1;
  const Result result = run(random_input(10, 2, 1), options);
  EXPECT_EQ(result.turns.size(), 1u);
  EXPECT_EQ(result.ending, Ending::max_iterations);
}

TEST(SmpOptions, SchemaSpellingsAreNotTheModelsOwn) {
  EXPECT_THROW((void)with("VotingRule", "Proportional"), ConfigError);  // the importer accepts them (ktab_test)
}

// ------------------------------------------------------------------------------ the mapping

Problem two_issue_problem() {
  Problem problem;
  problem.actors = {"A", "B", "C"};
  problem.capabilities = {1.0, 2.0, 3.0};
  problem.issues.push_back({"x", 0.0, 10.0, 4.0, {{0, 2.0, 0.8, 1.0}, {1, 6.0, 0.6, 2.0}}});
  problem.issues.push_back({"y", -1.0, 1.0, std::nullopt, {{0, 0.0, 0.4, 1.0}, {2, 1.0, 0.5, 5.0}}});
  return problem;
}

TEST(SmpMapping, ScalesFillsAndDividesSaliences) {
  const Mapping mapping = map_problem(two_issue_problem(), "", SalienceMode::automatic, "");
  ASSERT_EQ(mapping.issues, (std::vector<std::size_t>{0, 1}));
  ASSERT_EQ(mapping.actors, (std::vector<std::size_t>{0, 1, 2}));
  const Input& input = mapping.input;
  EXPECT_EQ(input.position[0 * 2 + 0], 0.2);  // A on x: (2 - 0) / 10
  EXPECT_EQ(input.position[2 * 2 + 0], 0.4);  // C has no stance on x: its status quo 4
  const double fill = (0.0 * 0.4 * 1.0 + 1.0 * 0.5 * 5.0) / (0.4 * 1.0 + 0.5 * 5.0);  // y has no status quo
  EXPECT_DOUBLE_EQ(input.position[1 * 2 + 1], (fill + 1.0) / 2.0);
  EXPECT_EQ(input.salience[0], 0.8 / 2.0);  // A's saliences sum to 1.2 > 1: every salience divided by 2
  EXPECT_EQ(input.salience[2 * 2 + 0], 0.0);
  EXPECT_EQ(input.capability, (std::vector<double>{1.0, 2.0, 3.0}));  // the actors' own, not the stances'
}

TEST(SmpMapping, SubsetsAndErrors) {
  const Problem problem = two_issue_problem();
  const Mapping only_y = map_problem(problem, "y", SalienceMode::automatic, "");
  EXPECT_EQ(only_y.issues, (std::vector<std::size_t>{1}));
  EXPECT_EQ(only_y.actors, (std::vector<std::size_t>{0, 2}));  // B has no salience on y
  EXPECT_EQ(only_y.input.salience[0], 0.4);                    // sums at most 1: as given
  EXPECT_THROW((void)map_problem(problem, "z", SalienceMode::automatic, ""), ConfigError);
  EXPECT_THROW((void)map_problem(problem, "", SalienceMode::given, ""), ConfigError);
  const Mapping adjusted = map_problem(problem, "", SalienceMode::divide, "A:A=0.75,A:B=0.25,B:B=0.5");
  EXPECT_EQ(adjusted.input.accommodation, (std::vector<double>{0.75, 0.25, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 1.0}));
  EXPECT_THROW((void)map_problem(problem, "", SalienceMode::divide, "A:B=0.25"), ConfigError);  // row sums to 1.25
  EXPECT_THROW((void)map_problem(problem, "", SalienceMode::divide, "A:Q=0.5"), ConfigError);
  EXPECT_THROW((void)map_problem(problem, "", SalienceMode::divide, "A-B=0.5"), ConfigError);
  EXPECT_THROW((void)map_problem(problem, "", SalienceMode::divide, "A:B=2"), ConfigError);
}

TEST(SmpModel, RunsOnTheRegistryAndForecastsEveryIssue) {
  const Problem problem = two_issue_problem();
  const auto selection = select_models({"smp"}, {"smp.issues=x"}, 2);
  const ModelOutcome outcome = selection.front().info->make(selection.front().parameters)->solve(problem, {1, 1});
  ASSERT_EQ(outcome.issues.size(), 2u);
  EXPECT_EQ(outcome.issues[1].reason, StopReason::excluded);
  EXPECT_TRUE(std::isnan(outcome.issues[1].forecast));
  EXPECT_TRUE(std::isfinite(outcome.issues[0].forecast))
      << to_string(outcome.issues[0].reason) << " " << outcome.issues[0].positions.size();
  ASSERT_EQ(outcome.tables.size(), 2u);
  EXPECT_EQ(outcome.tables[0].name, "smp_probabilities");
  EXPECT_EQ(outcome.tables[1].name, "smp_bargains");
}

// ------------------------------------------------------------------------------ issue capabilities

TEST(SmpIssueCapabilities, AContestOverOneIssueWeighsThatIssuesCapability) {
  const std::vector<double> capability{0.1, 1.0, 0.5};  // one voter, three issues
  const std::vector<double> salience{0.2, 0.3, 0.1};
  const PairWeights pairs{capability, salience, {}, 3};
  const std::array<double, 3> a{0.1, 0.4, 0.7};
  std::array<double, 3> b = a;
  EXPECT_EQ(pairs.capability_of(0, a.data(), b.data(), 7.0), 7.0);  // the same point: the fallback
  b[1] = 0.9;
  EXPECT_DOUBLE_EQ(pairs.capability_of(0, a.data(), b.data(), 7.0), 1.0);  // only issue 1 differs
  b[0] = 0.6;  // both differ by 0.5: weights 0.2 and 0.3
  EXPECT_DOUBLE_EQ(pairs.capability_of(0, a.data(), b.data(), 7.0), (0.2 * 0.5 * 0.1 + 0.3 * 0.5 * 1.0) / (0.25));
}

TEST(SmpIssueCapabilities, MappedOnlyWhenSomeActorsDiffer) {
  Problem problem = two_issue_problem();  // every stance's capability is its actor's own
  for (auto& issue : problem.issues) {
    for (auto& participant : issue.participants) participant.capability = problem.capabilities[participant.actor];
  }
  EXPECT_TRUE(map_problem(problem, "", SalienceMode::automatic, "", false, true).input.issue_capability.empty());
  problem.issues[1].participants[0].capability = 9.0;  // A: 1 on x, 9 on y
  const Mapping mapping = map_problem(problem, "", SalienceMode::automatic, "", false, true);
  EXPECT_EQ(mapping.input.issue_capability, (std::vector<double>{1.0, 9.0, 2.0, 2.0, 3.0, 3.0}));
  EXPECT_TRUE(map_problem(problem, "", SalienceMode::automatic, "", false, false).input.issue_capability.empty());
  // One issue: the stances' own capabilities count when they differ from the actors' defaults.
  EXPECT_EQ(map_problem(problem, "y", SalienceMode::automatic, "", false, true).input.issue_capability,
            (std::vector<double>{9.0, 3.0}));
}

// A veto player on one issue: with issue capabilities the forecast on that issue moves to it, and
// the run repeats bit for bit on any number of threads; with capabilities equal on every issue the
// run is KTAB's.
TEST(SmpIssueCapabilities, AVetoOnOneIssuePullsThatIssueToTheVetoPlayer) {
  Input input = random_input(30, 2, 11);
  Options options;
  const Result plain = run(input, options);
  input.issue_capability.clear();
  for (std::size_t a = 0; a < input.actors; ++a) {
    input.issue_capability.push_back(input.capability[a]);
    input.issue_capability.push_back(input.capability[a]);
  }
  input.issue_capability[0 * 2 + 1] = 1000.0;  // actor 0 holds a veto on issue 1 only
  input.salience[0 * 2 + 1] = 0.5;
  const Result vetoed = run(input, options);
  options.threads = 3;
  expect_same_run(vetoed, run(input, options), "issue capabilities on 3 threads");
  const auto distance_on = [&](const Result& result, std::size_t k) {
    double total = 0.0;
    const State& last = result.states.back();
    for (std::size_t a = 1; a < input.actors; ++a) total += std::fabs(last.position[a * 2 + k] - input.position[k]);
    return total;
  };
  input.issue_capability.clear();
  const Result unvetoed = run(input, options);  // the same saliences, one capability per actor
  EXPECT_LT(distance_on(vetoed, 1), 0.5 * distance_on(unvetoed, 1));
  EXPECT_NE(all_positions(plain), all_positions(vetoed));
}

TEST(SmpParallel, RethrowsTheLowestIndexsExceptionWhateverTheThreads) {
  for (const unsigned threads : {1U, 2U, 3U, 8U}) {
    try {
      parallel_for(threads, 20, [](std::size_t index) {
        if (index == 7 || index == 5 || index == 16) throw std::runtime_error(std::to_string(index));
      });
      FAIL() << "expected an exception";
    } catch (const std::runtime_error& error) {
      EXPECT_STREQ(error.what(), "5") << threads << " threads";
    }
  }
}

TEST(SmpMapping, KtabChecksAbortWhereParleyLeavesActorsOut) {
  Problem problem = two_issue_problem();
  problem.capabilities[1] = 0.0;  // B: no capability
  EXPECT_EQ(map_problem(problem, "", SalienceMode::automatic, "").actors, (std::vector<std::size_t>{0, 2}));
  EXPECT_THROW((void)map_problem(problem, "", SalienceMode::automatic, "", true), UnsolvableError);
}

TEST(SmpMapping, ATotalSalienceOfOnePlusRoundingIsOne) {
  // 92.43 + 7.57 = 100 on KTAB's scale, 1.0000000000000002 divided by 100.
  Problem problem;
  problem.actors = {"A", "B"};
  problem.capabilities = {1.0, 1.0};
  problem.issues.push_back({"x", 0.0, 100.0, std::nullopt, {{0, 10.0, 92.43 / 100.0, 1.0}, {1, 90.0, 0.5, 1.0}}});
  problem.issues.push_back({"y", 0.0, 100.0, std::nullopt, {{0, 10.0, 7.57 / 100.0, 1.0}, {1, 90.0, 0.5, 1.0}}});
  ASSERT_GT(92.43 / 100.0 + 7.57 / 100.0, 1.0);
  const Mapping mapping = map_problem(problem, "", SalienceMode::automatic, "");
  EXPECT_EQ(mapping.input.salience[0], 92.43 / 100.0);  // as given, not divided by 2
  EXPECT_NO_THROW((void)map_problem(problem, "", SalienceMode::given, ""));
}

}  // namespace
}  // namespace parley::models::smp

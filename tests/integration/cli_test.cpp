// The real binary, run as a user would: exit codes, stderr, parsed outputs.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "parley/registry.hpp"
#include "parley/run.hpp"
#include "support/process.hpp"

namespace parley::test {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

nlohmann::json without_timings(nlohmann::json run) {
  run.erase("timings_seconds");
  return run;
}

}  // namespace

TEST(Cli, NoArgumentsRunsTheDefaultScenario) {
  const auto directory = fresh_directory("default");
  const auto outcome = run_parley({}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  for (const char* issue :
       {"pak_alignment:", "ct_cooperation:", "us_airspace:", "ttp_campaign:", "cpec:", "india_alignment:"}) {
    EXPECT_NE(outcome.out.find(issue), std::string::npos) << issue;
  }
  EXPECT_NE(outcome.out.find("exclusive alignment with China"), std::string::npos);
  EXPECT_TRUE(outcome.err.empty()) << outcome.err;
  const auto forecast = lines_of(read_text(directory / "parley-out" / "forecast.csv"));
  ASSERT_FALSE(forecast.empty());
  EXPECT_EQ(forecast[0],
            "model,issue,forecast,rounds,converged,stop,cycle_period,cycle_low,cycle_high,low50,high50,low80,high80,"
            "low95,high95");
  // The ensemble and every model that applies, x six issues; the ensemble's rows come first.
  EXPECT_EQ(forecast.size(), 1 + 6 * (1 + select_models({}, {}, 6).size()));
  EXPECT_EQ(forecast[1].substr(0, 23), "ensemble,pak_alignment,");
  // The answer leads: six headlines with their 80 % intervals before any model's own forecast, and
  // nash's unanimity collapse flagged where it stands (on all six issues of the default scenario).
  const std::size_t details = outcome.out.find("Each model's forecast:");
  ASSERT_NE(details, std::string::npos);
  std::size_t headlines = 0;
  for (std::size_t at = outcome.out.find("parley forecast "); at < details;
       at = outcome.out.find("parley forecast ", at + 1)) {
    ++headlines;
    EXPECT_NE(outcome.out.find("(80 %)", at), std::string::npos);
  }
  EXPECT_EQ(headlines, 6u);
  std::size_t collapses = 0;
  for (std::size_t at = outcome.out.find("! nash: the status quo stands"); at < details;
       at = outcome.out.find("! nash: the status quo stands", at + 1)) {
    ++collapses;
  }
  EXPECT_EQ(collapses, 6u);
  EXPECT_LT(outcome.out.find("parley forecast "), outcome.out.find("  compromise "));
  const auto trajectories = lines_of(read_text(directory / "parley-out" / "trajectories.csv"));
  EXPECT_EQ(trajectories[0], "model,issue,round,actor,position,risk,vote");
  // The expected-utility model runs by default and records its moves and rounds.
  const auto moves = lines_of(read_text(directory / "parley-out" / "eum_moves.csv"));
  EXPECT_EQ(moves[0], "issue,round,actor,counterpart,type,eu_actor,eu_counterpart,new_position");
  EXPECT_GT(moves.size(), 1u);
  EXPECT_TRUE(std::filesystem::exists(directory / "parley-out" / "eum_rounds.csv"));
  // The seed's bargain: the exchange model realises a USA-PAK trade of airspace for the TTP campaign.
  const std::string exchanges = read_text(directory / "parley-out" / "exchanges.csv");
  EXPECT_NE(exchanges.find(",USA,ttp_campaign,us_airspace,"), std::string::npos);
  EXPECT_NE(exchanges.find(",PAK,us_airspace,ttp_campaign,"), std::string::npos);
  const auto run = nlohmann::ordered_json::parse(read_text(directory / "parley-out" / "run.json"));
  EXPECT_EQ(run["scenario"]["name"], "pakistan-2023");
  EXPECT_EQ(run["at"], "2023-01-05");
  EXPECT_EQ(run.begin().key(), "answer");
  ASSERT_EQ(run["answer"]["issues"].size(), 6u);
  for (const auto& item : run["answer"]["issues"]) {
    const double headline = item["forecast"];
    const double low = item["intervals"]["80"][0];
    const double high = item["intervals"]["80"][1];
    EXPECT_LE(low, headline);
    EXPECT_GE(high, headline);
    EXPECT_LE(item["intervals"]["50"][1].get<double>(), high);
    EXPECT_EQ(item["flags"][0]["code"], "unanimity_collapse");
  }
}

TEST(Cli, RunOptionsWorkWithoutTheRunSubcommand) {
  const auto directory = fresh_directory("implicit-run");
  const auto outcome = run_parley({"-q", "--at", "2022-06-01", "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(outcome.out.empty());
  EXPECT_EQ(nlohmann::json::parse(read_text(directory / "out" / "run.json"))["at"], "2022-06-01");
  const auto help = run_parley({"--help"}, directory);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("validate"), std::string::npos);
}

TEST(Cli, RunsAreDeterministicApartFromTimings) {
  const auto directory = fresh_directory("determinism");
  ASSERT_EQ(run_parley({"run", "-q", "-o", "first"}, directory).exit_code, 0);
  ASSERT_EQ(run_parley({"run", "-q", "-o", "second"}, directory).exit_code, 0);
  for (const char* file : {"forecast.csv", "trajectories.csv"}) {
    EXPECT_EQ(read_text(directory / "first" / file), read_text(directory / "second" / file)) << file;
  }
  EXPECT_EQ(without_timings(nlohmann::json::parse(read_text(directory / "first" / "run.json"))),
            without_timings(nlohmann::json::parse(read_text(directory / "second" / "run.json"))));
}

TEST(Cli, AtDateRunsTheEarlierSystem) {
  const auto directory = fresh_directory("at");
  const auto outcome = run_parley({"run", "-q", "--at", "2022-01-01", "-m", "compromise"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string trajectories = read_text(directory / "parley-out" / "trajectories.csv");
  EXPECT_EQ(trajectories.find(",PTI,"), std::string::npos);  // PTI enters in April 2022
  EXPECT_NE(trajectories.find("compromise,pak_alignment,0,PAK,35,,\n"), std::string::npos);
  const auto run = nlohmann::json::parse(read_text(directory / "parley-out" / "run.json"));
  EXPECT_EQ(run["at"], "2022-01-01");
}

TEST(Cli, RepeatableOptionsLeaveTheScenarioArgumentAlone) {
  const auto directory = fresh_directory("option-order");
  const auto scenario = (source_dir() / "scenarios" / "pakistan-2023.yaml").string();
  const auto outcome = run_parley({"run", "-q", "-m", "nash", "-p", "nash.utility=quadratic", scenario}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const auto run = nlohmann::json::parse(read_text(directory / "parley-out" / "run.json"));
  EXPECT_EQ(run["scenario"]["name"], scenario);
  EXPECT_EQ(run["models"][0]["parameters"]["utility"], "quadratic");
}

TEST(Cli, ShowJsonGivesTheScenario) {
  const auto outcome = run_parley({"show", "pakistan-2023", "--format", "json"}, fresh_directory("show"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const auto scenario = nlohmann::json::parse(outcome.out);
  EXPECT_EQ(scenario["actors"].size(), 9u);
  EXPECT_EQ(scenario["issues"].size(), 6u);
  EXPECT_EQ(scenario["as_of"], "2023-01-05");
}

TEST(Cli, ShowYamlReadsBackAsTheSameScenario) {
  const auto directory = fresh_directory("show-yaml");
  const auto yaml = run_parley({"show", "pakistan-2023"}, directory);
  ASSERT_EQ(yaml.exit_code, 0) << yaml.err;
  {
    std::ofstream out(directory / "copy.yaml");
    out << yaml.out;
  }
  const auto again = run_parley({"show", "copy.yaml", "--strict"}, directory);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, yaml.out);
  const auto first = run_parley({"show", "pakistan-2023", "--format", "json"}, directory);
  const auto second = run_parley({"show", "copy.yaml", "--format", "json"}, directory);
  EXPECT_EQ(first.out, second.out);
}

TEST(Cli, UnknownModelParameterExits78NamingValidOnes) {
  const auto outcome = run_parley({"run", "-q", "-p", "nash.utilty=linear"}, fresh_directory("bad-param"));
  EXPECT_EQ(outcome.exit_code, 78);
  EXPECT_NE(outcome.err.find("nash.utilty"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("did you mean 'utility'"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("valid: utility, disagreement, weights"), std::string::npos) << outcome.err;
}

TEST(Cli, BadParameterValueAndUnknownModelExit78) {
  const auto directory = fresh_directory("bad-config");
  const auto value = run_parley({"run", "-q", "-p", "nash.utility=cubic"}, directory);
  EXPECT_EQ(value.exit_code, 78);
  EXPECT_NE(value.err.find("'cubic' is not one of: linear, quadratic"), std::string::npos) << value.err;
  const auto model = run_parley({"run", "-q", "-m", "compromize"}, directory);
  EXPECT_EQ(model.exit_code, 78);
  EXPECT_NE(model.err.find("did you mean 'compromise'"), std::string::npos) << model.err;
}

// The library says what an error is about; the CLI names it with the flag a user gives it.
TEST(Cli, ErrorsNameTheFlagThatCausedThemAndTheOneThatFixesThem) {
  const auto directory = fresh_directory("flag-wording");
  const auto form = run_parley({"run", "-q", "-p", "nash.utility"}, directory);
  EXPECT_EQ(form.exit_code, 78);
  EXPECT_NE(form.err.find("parley: error: -p nash.utility: write a parameter as MODEL.NAME=VALUE"), std::string::npos)
      << form.err;
  const auto unselected = run_parley({"run", "-q", "-m", "compromise", "-p", "nash.utility=quadratic"}, directory);
  EXPECT_EQ(unselected.exit_code, 78);
  EXPECT_NE(unselected.err.find("-p nash.utility=quadratic: model 'nash' is not selected (add -m nash)"),
            std::string::npos)
      << unselected.err;
  const auto label = run_parley({"run", "-q", "-m", "nash@a.b"}, directory);
  EXPECT_EQ(label.exit_code, 78);
  EXPECT_NE(label.err.find("-m nash@a.b: write a variant as MODEL@LABEL"), std::string::npos) << label.err;
  ASSERT_EQ(run_parley({"mc", "-n", "5", "-q", "-o", "out"}, directory).exit_code, 0);
  const auto again = run_parley({"mc", "-n", "5", "-q", "-o", "out"}, directory);
  EXPECT_EQ(again.exit_code, 64);
  EXPECT_NE(again.err.find("the store already holds a run; remove it, or continue it (add --resume)"),
            std::string::npos)
      << again.err;
  const auto nothing = run_parley({"mc", "-n", "5", "-q", "-o", "none", "--resume"}, directory);
  EXPECT_EQ(nothing.exit_code, 64);
  EXPECT_NE(nothing.err.find("--resume: none/samples.sqlite: there is no store to resume"), std::string::npos)
      << nothing.err;
}

TEST(Cli, BadDatesAndMissingInputs) {
  const auto directory = fresh_directory("bad-usage");
  const auto before = run_parley({"run", "-q", "--at", "2020-01-01"}, directory);
  EXPECT_EQ(before.exit_code, 64);
  EXPECT_NE(before.err.find("before the scenario's start 2021-08-01"), std::string::npos) << before.err;
  const auto show = run_parley({"show", "pakistan-2023", "--at", "2020-01-01"}, directory);
  EXPECT_EQ(show.exit_code, 64);
  EXPECT_NE(show.err.find("--at 2020-01-01 is before the scenario's start 2021-08-01"), std::string::npos) << show.err;
  const auto malformed = run_parley({"run", "-q", "--at", "2022-02-30"}, directory);
  EXPECT_EQ(malformed.exit_code, 64);
  const auto missing = run_parley({"run", "no-such-file.yaml"}, directory);
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("no-such-file.yaml: no such file"), std::string::npos) << missing.err;
  const auto option = run_parley({"run", "--no-such-option"}, directory);
  EXPECT_EQ(option.exit_code, 64);
  const auto seed = run_parley({"run", "--seed", "-5"}, directory);
  EXPECT_EQ(seed.exit_code, 64);
}

TEST(Cli, UnwritableOutputExits73) {
  const auto directory = fresh_directory("unwritable");
  { std::ofstream(directory / "a-file") << "x"; }
  const auto outcome = run_parley({"run", "-q", "-o", "a-file/out"}, directory);
  EXPECT_EQ(outcome.exit_code, 73);
  EXPECT_NE(outcome.err.find("cannot create the output folder"), std::string::npos) << outcome.err;
}

// An interim deal sets an issue's status quo from its date on; a thaw changes a relation.
TEST(Cli, AnEventMovesTheStatusQuoAndARelationFromItsDate) {
  const auto directory = fresh_directory("status-quo-event");
  std::ofstream(directory / "deal.yaml") << R"(parley: 1
title: An interim deal
start: 2021-08-01
as_of: 2023-01-05
actors:
  - id: USA
    name: United States
    kind: state
    capability: 0.1
    stances:
      alignment: {position: 80, salience: 0.7}
  - id: PAK
    name: Pakistan
    kind: state
    capability: 0.1
    stances:
      alignment: {position: 30, salience: 0.7}
issues:
  - id: alignment
    question: Where does it settle?
    scale: {min: 0, max: 100}
    status_quo: 40
relations:
  - {from: USA, to: PAK, affinity: 0.4}
events:
  - date: 2022-04-10
    title: An interim deal
    effects:
      - {issue: alignment, status_quo: {set: 55}}
      - {actor: PAK, toward: USA, affinity: {set: 0.2}}
)";
  const auto timeline = run_parley({"timeline", "deal.yaml"}, directory);
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_NE(timeline.out.find("- alignment: status quo set 55"), std::string::npos) << timeline.out;
  EXPECT_NE(timeline.out.find("- PAK toward USA: affinity set 0.2"), std::string::npos) << timeline.out;
  for (const auto& [at, expected] : {std::pair{"2022-01-01", "40"}, std::pair{"2022-04-10", "55"}}) {
    const auto run = run_parley({"run", "deal.yaml", "-m", "status_quo", "--at", at, "-q", "-o", at}, directory);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(read_text(directory / at / "forecast.csv").find(std::string("status_quo,alignment,") + expected + ","),
              std::string::npos)
        << at;
  }
  const auto shown = run_parley({"show", "deal.yaml", "--format", "json", "--at", "2022-05-01"}, directory);
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto relations = nlohmann::json::parse(shown.out)["relations"];
  ASSERT_EQ(relations.size(), 2U);
  EXPECT_EQ(relations[1]["from"], "PAK");
  EXPECT_EQ(relations[1]["affinity"], 0.2);
}

TEST(Cli, TimelineListsEventsInOrder) {
  const auto outcome = run_parley({"timeline", "pakistan-2023"}, fresh_directory("timeline"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::vector<std::string> dates{"2021-08-31", "2022-04-10",           "2022-07-31",
                                       "2022-11-28", "2022-12-30 (approx.)", "2023-01-03"};
  std::size_t at = 0;
  for (const auto& date : dates) {
    const auto found = outcome.out.find("\n" + date, at);
    ASSERT_NE(found, std::string::npos) << date;
    at = found;
  }
  EXPECT_NE(outcome.out.find("PTI: enters the system"), std::string::npos);
  EXPECT_NE(outcome.out.find("sources: "), std::string::npos);
}

TEST(Cli, ModelsListsTheRegistry) {
  const auto directory = fresh_directory("models");
  const auto text = run_parley({"models"}, directory);
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("-p nash.utility=linear"), std::string::npos);
  const auto json = run_parley({"models", "--json"}, directory);
  ASSERT_EQ(json.exit_code, 0);
  const auto models = nlohmann::json::parse(json.out);
  ASSERT_EQ(models.size(), model_registry().size());
  EXPECT_EQ(models[0]["name"], "compromise");
}

TEST(Cli, ScenariosAndValidate) {
  const auto directory = fresh_directory("scenarios");
  const auto list = run_parley({"scenarios"}, directory);
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("pakistan-2023"), std::string::npos);
  const auto valid =
      run_parley({"validate", "--strict", (source_dir() / "scenarios" / "pakistan-2023.yaml").string()}, directory);
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  EXPECT_NE(valid.out.find(": ok (9 actors, 6 issues, 6 events)"), std::string::npos);
}

}  // namespace parley::test

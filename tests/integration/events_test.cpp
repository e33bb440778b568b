// `parley events aggregate`: a folder of dyads.csv and events.json, and every bad input named with
// its place and a sysexits code.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/events.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"

namespace parley::test {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A GDELT 2.0 row between two countries, each its own actor code.
std::string row(const std::string& date, const std::string& source, const std::string& target,
                const std::string& code) {
  return gdelt2_row("1", date, source, source, target, target, code);
}

TEST(Events, AggregateWritesDyadsAndWhatItCounted) {
  const auto directory = fresh_directory("events-aggregate");
  std::ofstream(directory / "e.tsv") << row("20201113", "CHN", "USA", "0311") << row("20201113", "CHN", "USA", "0311")
                                     << row("20201120", "USA", "CHN", "190");
  const auto outcome = run_parley({"events", "aggregate", "e.tsv", "--period", "week", "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(contains(outcome.out, "3 events read")) << outcome.out;
  const std::string csv = read_text(directory / "out" / "dyads.csv");
  EXPECT_TRUE(contains(csv, "\nCHN,USA,2020-W46,1,5.2,5.2,1,0,0,0,1,0,2,10.4,1\n")) << csv;
  EXPECT_TRUE(contains(csv, "\nUSA,CHN,2020-W47,1,-10,-10,0,0,0,1,-1,0,1,-10,1\n")) << csv;
  std::ifstream in(directory / "out" / "events.json");
  const auto manifest = nlohmann::json::parse(in);
  EXPECT_EQ(manifest["counts"]["duplicates"], 1);
  EXPECT_EQ(manifest["rules"]["dedup"], "day");
  EXPECT_EQ(manifest["rules"]["period"], "week");
  // The report: the rules, the counts, a chart of each dyad's series.
  const std::string html = read_text(directory / "out" / "report.html");
  EXPECT_TRUE(contains(html, "<h3>CHN → USA</h3>")) << html.substr(0, 2000);
  EXPECT_TRUE(contains(html, "<h3>USA → CHN</h3>"));
  EXPECT_TRUE(contains(html, "aria-label=\"CHN to USA: events by quad class"));
  EXPECT_TRUE(contains(html, "<tr><td>duplicates dropped</td><td class=\"num\">1</td></tr>"));
  EXPECT_TRUE(contains(html, "2020-W46: 1 events (cooperation 1 verbal, 0 material"));
  // `parley report` rebuilds it from the folder's files.
  std::filesystem::remove(directory / "out" / "report.html");
  const auto rebuilt = run_parley({"report", "out"}, directory);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_EQ(read_text(directory / "out" / "report.html"), html);
}

TEST(Events, TheReportShowsWhatTheFileSaysAsText) {
  const auto directory = fresh_directory("events-report-escape");
  std::ofstream(directory / "e.tsv") << row("20201113", "<b>X", "USA", "0311");
  const auto outcome = run_parley({"events", "aggregate", "e.tsv", "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string html = read_text(directory / "out" / "report.html");
  EXPECT_FALSE(contains(html, "<b>X"));
  EXPECT_TRUE(contains(html, "&lt;b&gt;X → USA"));
}

TEST(Events, BadInputsAreNamedWithTheirPlace) {
  const auto directory = fresh_directory("events-bad");
  std::ofstream(directory / "e.tsv") << row("20201113", "CHN", "USA", "0311")
                                     << row("2020-11-13", "CHN", "USA", "0311");
  auto outcome = run_parley({"events", "aggregate", "e.tsv", "-o", "out"}, directory);
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_TRUE(contains(outcome.err, "e.tsv:2:3: SQLDATE: '2020-11-13' is not a date written YYYYMMDD")) << outcome.err;
  EXPECT_FALSE(std::filesystem::exists(directory / "out" / "dyads.csv"));
  outcome = run_parley({"events", "aggregate", "e.tsv", "--skip-bad", "-o", "out"}, directory);
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(contains(outcome.out, "(1 rows skipped)")) << outcome.out;
  outcome = run_parley({"events", "aggregate", "missing.tsv"}, directory);
  EXPECT_EQ(outcome.exit_code, 66);
  EXPECT_TRUE(contains(outcome.err, "missing.tsv: no such file")) << outcome.err;
  outcome = run_parley({"events", "aggregate", "e.tsv", "--period", "fortnight"}, directory);
  EXPECT_EQ(outcome.exit_code, 64);
  EXPECT_TRUE(contains(outcome.err, "--period: 'fortnight' is not one of day, week, month, year")) << outcome.err;
  outcome = run_parley({"events", "aggregate", "e.tsv", "--dyads", "CHN-USA"}, directory);
  EXPECT_EQ(outcome.exit_code, 64);
  EXPECT_TRUE(contains(outcome.err, "--dyads: 'CHN-USA' is not SOURCE:TARGET")) << outcome.err;
  outcome = run_parley({"events"}, directory);
  EXPECT_EQ(outcome.exit_code, 64);
}

// The check: on the default scenario and the GDELT 2.0 fixture, suggestions with their
// evidence; the changed scenario validates and the patch applies.
TEST(Events, SuggestProposesDatedChangesWithEvidenceThatApply) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto directory = fresh_directory("events-suggest");
  const auto fixture = golden / "events" / "gdelt2" / "gdelt2_southasia_dyads_20201113-15.export.tsv";
  const auto outcome = run_parley({"events", "suggest", "pakistan-2023", fixture.string(), "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(contains(outcome.out, "630 events read")) << outcome.out;
  const std::string suggestions = read_text(directory / "out" / "suggestions.csv");
  EXPECT_TRUE(contains(suggestions, "\nS1,")) << suggestions;
  // USA -> PAK: the scenario's 0.4 against six events of November 2020 with a mean of -2.58.
  EXPECT_TRUE(contains(suggestions, ",start_value,USA,PAK,2020-11-15,2020-11-13,2020-11-15,0.4,-0.26,6,-2.5833,"))
      << suggestions;
  const std::string evidence = read_text(directory / "out" / "evidence.csv");
  EXPECT_TRUE(contains(evidence, ",USA,PAK")) << "the events behind USA -> PAK";
  EXPECT_TRUE(contains(evidence, "https://"));
  const auto valid = run_parley({"validate", "--strict", "out/scenario.yaml"}, directory);
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  const auto patched =
      run_parley({"run", "pakistan-2023", "--patch", "out/patch.txt", "-m", "exchange", "-q", "-o", "run"}, directory);
  EXPECT_EQ(patched.exit_code, 0) << patched.err;
  std::ifstream in(directory / "run" / "run.json");
  const auto run = nlohmann::json::parse(in);
  EXPECT_TRUE(contains(run["scenario"]["what_if"].dump(), "relations.USA.PAK.affinity=-0.26"));
}

// A map for another scenario is refused where it names an actor the scenario lacks.
TEST(Events, AMapForAnotherScenarioIsRefusedAtTheActor) {
  const auto directory = fresh_directory("events-map");
  std::ofstream(directory / "e.tsv") << row("20201113", "CHN", "USA", "0311");
  std::ofstream(directory / "m.yaml") << "parley_event_map: 1\nactors:\n  - id: CHN\n    match: [{country: CHN}]\n"
                                         "  - id: EU\n    match: [{country: EUR}]\n";
  const auto outcome = run_parley({"events", "suggest", "pakistan-2023", "e.tsv", "--map", "m.yaml"}, directory);
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_TRUE(contains(outcome.err, "m.yaml:5:9: id: 'EU' is not an actor of pakistan-2023")) << outcome.err;
  const auto aggregated = run_parley({"events", "aggregate", "e.tsv", "--map", "m.yaml", "-o", "out"}, directory);
  EXPECT_EQ(aggregated.exit_code, 0) << aggregated.err;
  EXPECT_TRUE(contains(read_text(directory / "out" / "events.json"), "the actor map m.yaml"));
}

TEST(Events, ManyFilesOfEveryLayoutGiveTheSameOutputOnAnyThreadCount) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto directory = fresh_directory("events-threads");
  const std::vector<std::string> files{
      (golden / "events" / "gdelt2" / "gdelt2_southasia_dyads_20201113-15.export.tsv").string(),
      (golden / "events" / "icews" / "events.2018.sample.tab").string(),
      (golden / "events" / "gdelt1_undp_georgia_201204.csv").string()};
  std::string previous;
  for (const std::string threads : {"1", "2", "3"}) {
    std::vector<std::string> args{"events", "aggregate"};
    for (int copy = 0; copy < 2; ++copy) args.insert(args.end(), files.begin(), files.end());  // repeats: duplicates
    for (const std::string flag : {"--dedup", "url", "--period", "day", "-j"}) args.push_back(flag);
    args.push_back(threads);
    args.insert(args.end(), {"-o", "out" + threads});
    const auto outcome = run_parley(args, directory);
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::string csv = read_text(directory / ("out" + threads) / "dyads.csv");
    EXPECT_GT(csv.size(), 10000U);
    if (!previous.empty()) {
      EXPECT_EQ(csv, previous) << threads << " threads";
    }
    previous = csv;
  }
}

// Under mpirun, parley-mpi spreads the files over the ranks: the same outputs as one process, and the
// first error in file order (only when built with MPI).
TEST(Events, MpiRanksGiveTheOutputOfOneProcess) {
#ifndef PARLEY_WITH_MPI
  GTEST_SKIP() << "built without MPI (PARLEY_WITH_MPI=OFF)";
#else
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto directory = fresh_directory("events-mpi");
  std::string files;
  for (int copy = 0; copy < 2; ++copy) {
    for (const auto& file : {golden / "events" / "gdelt2" / "gdelt2_southasia_dyads_20201113-15.export.tsv",
                             golden / "events" / "icews" / "events.2018.sample.tab",
                             golden / "events" / "gdelt1_undp_georgia_201204.csv"}) {
      files += " '" + file.string() + "'";
    }
  }
  const std::string mpi = "cd '" + directory.string() +
                          "' && OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ASAN_OPTIONS=detect_leaks=0 "
                          "mpirun --oversubscribe -np ";
  const std::string one = "cd '" + directory.string() + "' && '" PARLEY_BINARY "' events aggregate" + files +
                          " --dedup url --period day -o one >one.out 2>one.err";
  ASSERT_EQ(std::system(one.c_str()), 0) << read_text(directory / "one.err");
  for (const char* ranks : {"2", "3"}) {
    const std::string command = mpi + ranks + " '" PARLEY_MPI_BINARY "' events aggregate" + files +
                                " --dedup url --period day -o ranks" + ranks + " >mpi.out 2>mpi.err";
    ASSERT_EQ(std::system(command.c_str()), 0) << read_text(directory / "mpi.err");
    EXPECT_EQ(read_text(directory / "one" / "dyads.csv"),
              read_text(directory / (std::string("ranks") + ranks) / "dyads.csv"))
        << ranks;
    EXPECT_EQ(read_text(directory / "one" / "events.json"),
              read_text(directory / (std::string("ranks") + ranks) / "events.json"));
  }
  // A bad file read on rank 1 (the second): rank 0 reports it, at its place, with exit 65.
  std::ofstream(directory / "bad.tsv") << row("20201113", "CHN", "USA", "0311")
                                       << row("20201131", "CHN", "USA", "0311");
  const std::string failing = mpi + "2 '" PARLEY_MPI_BINARY "' events aggregate" +
                              files.substr(0, files.find("' '") + 1) + " bad.tsv" + files +
                              " -o bad >bad.out 2>bad.err";
  const int status = std::system(failing.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 65) << read_text(directory / "bad.err");
  EXPECT_TRUE(
      contains(read_text(directory / "bad.err"), "bad.tsv:2:3: SQLDATE: '20201131' is not a day of the calendar"))
      << read_text(directory / "bad.err");
  EXPECT_FALSE(std::filesystem::exists(directory / "bad" / "dyads.csv"));
#endif
}

}  // namespace
}  // namespace parley::test

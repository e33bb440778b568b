// Near misses get guidance, not a parser's complaint: mistyped commands and options, another tool's
// file without --from, folders, pipes and standard input, a share written as a percentage; warnings
// summarised; colour only on a terminal; a folder owned by the run that wrote it last.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/process.hpp"

namespace parley::test {
namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The default scenario as a file, from `parley show`.
std::filesystem::path default_scenario(const std::filesystem::path& directory) {
  const auto shown = run_parley({"show", "pakistan-2023", "--format", "yaml"}, directory);
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  write(directory / "base.yaml", shown.out);
  return directory / "base.yaml";
}

// `sh -c SCRIPT` in `directory`, with $PARLEY the binary.
Outcome shell(const std::string& script, const std::filesystem::path& directory) {
  return run_program("/bin/sh", {"-c", "export PARLEY='" + std::string(PARLEY_BINARY) + "'; " + script}, directory);
}

}  // namespace

TEST(Guidance, AMistypedCommandIsNamedWithTheNearestOne) {
  const auto directory = fresh_directory("guidance-command");
  const auto outcome = run_parley({"backtset", "deu3-dev.tsv", "--from", "deu3"}, directory);
  EXPECT_EQ(outcome.exit_code, 64);
  EXPECT_TRUE(contains(outcome.err, "'backtset' is not a command (did you mean 'backtest'?)")) << outcome.err;
  // A word far from every command is still a scenario name: run says it does not exist.
  const auto far = run_parley({"no-such-scenario"}, directory);
  EXPECT_EQ(far.exit_code, 66);
  EXPECT_TRUE(contains(far.err, "no such file, and no embedded scenario")) << far.err;
}

TEST(Guidance, AMistypedOptionIsNamedWithTheNearestOne) {
  const auto directory = fresh_directory("guidance-option");
  for (const auto& args : std::vector<std::vector<std::string>>{{"run", "--seeed", "3"}, {"--seeed=3"}}) {
    const auto outcome = run_parley(args, directory);
    EXPECT_EQ(outcome.exit_code, 64);
    EXPECT_TRUE(contains(outcome.err, "unknown option '--seeed' (did you mean '--seed'?)")) << outcome.err;
    EXPECT_TRUE(contains(outcome.err, "`parley run --help` lists the options")) << outcome.err;
  }
  const auto mc = run_parley({"mc", "--sampels", "3"}, directory);
  EXPECT_EQ(mc.exit_code, 64);
  EXPECT_TRUE(contains(mc.err, "did you mean '--samples'?")) << mc.err;
  EXPECT_TRUE(contains(mc.err, "`parley mc --help`")) << mc.err;
}

TEST(Guidance, AnotherToolsFileWithoutFromNamesTheImporter) {
  const auto directory = fresh_directory("guidance-from");
  write(directory / "actors.csv", "Actor,Capability,Position,Salience\nA,0.5,10,0.8\nB,0.3,60,0.5\nC,0.2,90,0.9\n");
  write(directory / "policy.csv",
        "Policy ,\"A test scenario\",3,2,\nActor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,\n"
        "A, first, 100, 10, 40, 20, 30,\nB, second, 50, 80, 30, 60, 20,\nC, third, 70, 40, 20, 90, 50,\n");
  const auto bdm = run_parley({"run", "actors.csv"}, directory);
  EXPECT_EQ(bdm.exit_code, 64);
  EXPECT_TRUE(contains(bdm.err, "actors.csv: looks like a bdm-csv file, not a YAML scenario: add --from bdm-csv"))
      << bdm.err;
  const auto ktab = run_parley({"validate", "policy.csv"}, directory);
  EXPECT_EQ(ktab.exit_code, 64);
  EXPECT_TRUE(contains(ktab.err, "add --from ktab")) << ktab.err;
  // A file named as a scenario keeps its own errors.
  write(directory / "broken.yaml", "Actor,Capability,Position,Salience\nA,0.5,10,0.8\n");
  const auto yaml = run_parley({"run", "broken.yaml"}, directory);
  EXPECT_EQ(yaml.exit_code, 65);
  EXPECT_FALSE(contains(yaml.err, "--from")) << yaml.err;
}

TEST(Guidance, FoldersPipesAndStandardInput) {
  const auto directory = fresh_directory("guidance-inputs");
  default_scenario(directory);
  const auto folder = run_parley({"run", "."}, directory);
  EXPECT_EQ(folder.exit_code, 66);
  EXPECT_TRUE(contains(folder.err, ".: a folder, not a scenario file")) << folder.err;
  ASSERT_EQ(run_parley({"run", "base.yaml", "-q", "-o", "ran"}, directory).exit_code, 0);
  const auto run_folder = run_parley({"run", "ran"}, directory);
  EXPECT_EQ(run_folder.exit_code, 66);
  EXPECT_TRUE(contains(run_folder.err, "ran: a run's output folder, not a scenario file (`parley report ran`"))
      << run_folder.err;

  const auto piped = shell("\"$PARLEY\" run - -q -o from-stdin < base.yaml", directory);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  const auto fifo = shell("mkfifo pipe && (cat base.yaml > pipe &) && \"$PARLEY\" run pipe -q -o from-pipe", directory);
  ASSERT_EQ(fifo.exit_code, 0) << fifo.err;
  const std::string expected = read_text(directory / "ran" / "forecast.csv");
  EXPECT_EQ(read_text(directory / "from-stdin" / "forecast.csv"), expected);
  EXPECT_EQ(read_text(directory / "from-pipe" / "forecast.csv"), expected);

  const auto empty = shell("\"$PARLEY\" validate - < /dev/null", directory);
  EXPECT_EQ(empty.exit_code, 65);
  EXPECT_TRUE(contains(empty.err, "<stdin>")) << empty.err;
}

// Relations count only where a model reads them; validate says which.
TEST(Guidance, ValidateSaysWhichModelsReadRelations) {
  const auto outcome = run_parley({"validate", "pakistan-2023"}, fresh_directory("guidance-relations"));
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(contains(outcome.out, "relations: read by exchange (two actors do not trade when either's affinity "
                                    "toward the other is below exchange.min_affinity) only; the other models do "
                                    "not read them"))
      << outcome.out;
}

TEST(Guidance, APercentageWhereAShareBelongsSaysDivideBy100) {
  const auto directory = fresh_directory("guidance-percent");
  const auto base = default_scenario(directory);
  std::string text = read_text(base);
  const std::size_t at = text.find("salience: 0.");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, text.find_first_of(",}\n", at) - at, "salience: 60");
  write(directory / "percent.yaml", text);
  const auto outcome = run_parley({"validate", "percent.yaml"}, directory);
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_TRUE(contains(outcome.err, "salience: 60 is outside [0, 1] (on a 0-100 scale? divide by 100)"))
      << outcome.err;
}

TEST(Guidance, WarningsAreOneLineSilentUnderQuietAndListedOnRequest) {
  const auto directory = fresh_directory("guidance-warnings");
  const auto base = default_scenario(directory);
  // Two kinds of warning: unsourced stances, and an event whose source is dropped.
  std::string text = read_text(base);
  for (std::size_t at = text.find(", sources: ["); at != std::string::npos; at = text.find(", sources: [", at)) {
    text.erase(at, text.find(']', at) + 1 - at);
  }
  write(directory / "unsourced.yaml", text);
  const auto validate = run_parley({"validate", "unsourced.yaml"}, directory);
  ASSERT_EQ(validate.exit_code, 0) << validate.err;
  ASSERT_TRUE(contains(validate.err, "cites no source")) << validate.err;

  const auto summary = run_parley({"run", "unsourced.yaml", "-o", "o"}, directory);
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  EXPECT_EQ(std::count(summary.err.begin(), summary.err.end(), '\n'), 1) << summary.err;
  EXPECT_LE(summary.err.size(), 240U) << summary.err;
  EXPECT_TRUE(contains(summary.err, "--explain-warnings lists")) << summary.err;

  const auto quiet = run_parley({"run", "unsourced.yaml", "-q", "-o", "o"}, directory);
  ASSERT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");

  const auto full = run_parley({"run", "unsourced.yaml", "-q", "--explain-warnings", "-o", "o"}, directory);
  ASSERT_EQ(full.exit_code, 0);
  EXPECT_EQ(full.err, validate.err);
}

TEST(Guidance, ColourOnlyOnATerminalAndNeverUnderNoColor) {
  const auto directory = fresh_directory("guidance-colour");
  const auto piped = run_parley({"run", "--seeed", "3"}, directory);
  EXPECT_FALSE(contains(piped.err, "\x1b[")) << piped.err;
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "no `script` to give parley a terminal";
  // `script` runs parley on a pseudo-terminal and copies what it printed.
  const auto terminal = shell("script -qec '\"$PARLEY\" run --seeed 3' /dev/null", directory);
  EXPECT_TRUE(contains(terminal.out, "\x1b[1;31merror\x1b[0m")) << terminal.out;
  const auto no_color = shell("NO_COLOR=1 script -qec '\"$PARLEY\" run --seeed 3' /dev/null", directory);
  EXPECT_TRUE(contains(no_color.out, "parley: error: unknown option")) << no_color.out;
  EXPECT_FALSE(contains(no_color.out, "\x1b[")) << no_color.out;
}

TEST(Guidance, VersionNamesCommitCompilerAndMpi) {
  const auto outcome = run_parley({"--version"}, fresh_directory("guidance-version"));
  ASSERT_EQ(outcome.exit_code, 0);
  EXPECT_TRUE(outcome.out.starts_with("parley ")) << outcome.out;
  EXPECT_TRUE(contains(outcome.out, "\ncommit ")) << outcome.out;
  EXPECT_TRUE(contains(outcome.out, "\ncompiler ")) << outcome.out;
  EXPECT_TRUE(contains(outcome.out, "\nMPI: ")) << outcome.out;
}

// `mc -o` into a run's folder: the run's forecast.csv and trajectories.csv go, so the report drawn
// there is the Monte Carlo run's alone; a file no run wrote stays.
TEST(Guidance, AFolderHoldsOnlyTheFilesOfTheRunThatWroteItLast) {
  const auto directory = fresh_directory("guidance-stale");
  ASSERT_EQ(run_parley({"run", "-q", "-o", "out"}, directory).exit_code, 0);
  write(directory / "out" / "notes.txt", "mine");
  ASSERT_TRUE(std::filesystem::exists(directory / "out" / "forecast.csv"));
  const auto mc = run_parley({"mc", "-n", "4", "-q", "-m", "compromise", "-o", "out"}, directory);
  ASSERT_EQ(mc.exit_code, 0) << mc.err;
  for (const char* gone : {"forecast.csv", "trajectories.csv", "exchanges.csv", "smp_bargains.csv"}) {
    EXPECT_FALSE(std::filesystem::exists(directory / "out" / gone)) << gone;
  }
  for (const char* kept : {"notes.txt", "mc_summary.csv", "run.json", "report.html"}) {
    EXPECT_TRUE(std::filesystem::exists(directory / "out" / kept)) << kept;
  }
  ASSERT_EQ(run_parley({"run", "-q", "-m", "compromise", "-o", "out"}, directory).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(directory / "out" / "mc_summary.csv"));
  EXPECT_TRUE(std::filesystem::exists(directory / "out" / "forecast.csv"));
}

}  // namespace parley::test

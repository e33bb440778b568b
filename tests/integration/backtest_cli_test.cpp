// `parley import` and `parley backtest` as a user runs them: outputs, and bad data files reported
// at file, line, column and key with a non-zero exit code.

#include <gtest/gtest.h>

#include <fstream>

#include "support/deu.hpp"
#include "support/process.hpp"

namespace parley::test {
namespace {

TEST(Backtest, ScoresAFileAndWritesItsOutputs) {
  const auto directory = fresh_directory("backtest-small");
  deu_file(directory,
           "d1\td1i1\tcars\t26-01-00\t100\t0\t50\t50\t0\t60\n"
           "d1\td1i2\tcars\t26-01-00\t0\t100\t50\t50\t\t\n");
  const auto outcome = run_parley({"backtest", "data.tsv", "--from", "deu3", "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("2 issues, 1 with an outcome (1 without, skipped)"), std::string::npos) << outcome.out;
  const std::string summary = read_text(directory / "out" / "backtest_summary.csv");
  EXPECT_EQ(summary.substr(0, summary.find('\n')),
            "model,issues,mae,median_ae,rmse,mae_low,mae_high,no_forecast,not_applicable,paired_issues,"
            "difference_vs_compromise,difference_low_vs_compromise,difference_high_vs_compromise,coverage50,"
            "coverage80,coverage95,width80,interval_score80");
  // The ensemble leads, with its intervals scored; the case is not one it was fitted on, so it is
  // scored as shipped.
  EXPECT_EQ(summary.substr(summary.find('\n') + 1, 11), "ensemble,1,");
  EXPECT_NE(outcome.out.find("the shipped calibration as it is"), std::string::npos) << outcome.out;
  // compromise: (4.1·0.5·100 + 2.8·0.5·0) / (4.1·0.5 + 2.8·0.5) = 59.42..., outcome 60.
  const std::string issues = read_text(directory / "out" / "backtest_issues.csv");
  EXPECT_NE(issues.find("d1,d1i1,compromise,59.42028985507246,60,-0.5797101449275388"), std::string::npos) << issues;
  EXPECT_NE(issues.find("d1,d1i1,status_quo,0,60,-60,,,,,,\n"), std::string::npos) << issues;
  EXPECT_NE(issues.find("d1,d1i1,ensemble,"), std::string::npos) << issues;
  EXPECT_TRUE(std::filesystem::exists(directory / "out" / "backtest.json"));
  // The report: the errors by model (a row a model), their spread over the issues, the calibration.
  const std::string html = read_text(directory / "out" / "report.html");
  for (const char* part : {"<h2>Errors by model</h2>", "<h2>Errors by issue</h2>", "<h2>Calibration</h2>",
                           "<tr><td>ensemble</td>", "<tr><td>compromise</td>"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  // `parley report` draws it again from the files alone.
  std::filesystem::remove(directory / "out" / "report.html");
  ASSERT_EQ(run_parley({"report", "out"}, directory).exit_code, 0);
  EXPECT_EQ(read_text(directory / "out" / "report.html"), html);
}

// A case the input makes unsolvable (KTAB's own abort, under smp.checks=ktab) keeps its blame: exit
// 65, naming the case, not 70 as if parley had failed.
TEST(Backtest, AnUnsolvableCaseKeepsItsExitCodeAndNamesTheCase) {
  const auto directory = fresh_directory("backtest-unsolvable");
  deu_file(directory,
           "d1\td1i1\tcars\t26-01-00\t100\t0\t50\t50\t0\t60\n"
           "d1\td1i2\tcars\t26-01-00\t0\t100\t50\t50\t0\t60\n");
  const auto outcome =
      run_parley({"backtest", "data.tsv", "--from", "deu3", "-m", "smp", "-p", "smp.checks=ktab", "-q"}, directory);
  EXPECT_EQ(outcome.exit_code, 65) << outcome.err;
  EXPECT_NE(outcome.err.find("case d1: smp: "), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("KTAB aborts the run here"), std::string::npos) << outcome.err;
}

TEST(Backtest, MalformedDataFilesNameFileLineColumnAndKey) {
  const auto directory = fresh_directory("backtest-bad");
  struct Case {
    std::string rows;
    std::string message;
  };
  const std::vector<Case> cases{
      {"d1\td1i1\tcars\t26-01-00\t100\t140\t50\t50\t0\t60\n",
       "data.tsv:3:27: pfr: the position 140 is outside [0, 100]"},
      {"d1\td1i1\tcars\t26-01-00\t100\t40\t5O\t50\t0\t60\n", "data.tsv:3:30: scom: the salience '5O' is not a number"},
      {"d1\td1i1\tcars\t26-01-00\t100\t40\t50\t50\t0\n", "data.tsv:3:37: out: the row ends before column 'out'"},
      {"d1\td1i1\tcars\t26-01-00\t100\t40\t50\t50\t0\t101\n",
       "data.tsv:3:38: out: the outcome 101 is outside [0, 100]"},
      {"d1\td1i1\tcars\t\"26-01-00\t100\t40\t50\t50\t0\t60\n", "data.tsv:3:14: this quoted cell is never closed"},
  };
  for (const auto& bad : cases) {
    deu_file(directory, bad.rows);
    for (const auto& command : {std::vector<std::string>{"backtest", "data.tsv", "--from", "deu3"},
                                std::vector<std::string>{"import", "deu3", "data.tsv", "-o", "x"}}) {
      const auto outcome = run_parley(command, directory);
      EXPECT_EQ(outcome.exit_code, 65) << bad.message;
      EXPECT_NE(outcome.err.find(bad.message), std::string::npos) << outcome.err;
    }
  }
}

TEST(Backtest, UnknownFormatMissingFileAndMissingOutputFolder) {
  const auto directory = fresh_directory("backtest-usage");
  deu_file(directory, "d1\td1i1\tcars\t26-01-00\t100\t0\t50\t50\t0\t60\n");
  const auto format = run_parley({"backtest", "data.tsv", "--from", "deu"}, directory);
  EXPECT_EQ(format.exit_code, 64);
  EXPECT_NE(format.err.find("unknown input format 'deu' (did you mean 'deu3'?)"), std::string::npos) << format.err;
  const auto missing = run_parley({"backtest", "nothing.tsv", "--from", "deu3"}, directory);
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("nothing.tsv: no such file"), std::string::npos) << missing.err;
  const auto no_output = run_parley({"import", "deu3", "data.tsv"}, directory);
  EXPECT_EQ(no_output.exit_code, 64);
  EXPECT_NE(no_output.err.find("-o DIR"), std::string::npos) << no_output.err;
}

TEST(Backtest, ScenarioFilesWithOutcomes) {
  const auto directory = fresh_directory("backtest-scenarios");
  deu_file(directory, "d1\td1i1\tcars\t26-01-00\t100\t0\t50\t50\t0\t60\n");
  ASSERT_EQ(run_parley({"import", "deu3", "data.tsv", "-o", "cases"}, directory).exit_code, 0);
  const auto good = run_parley({"backtest", "cases", "-m", "compromise", "-m", "median", "-o", "out"}, directory);
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("backtest of 1 case: 1 issue, 1 with an outcome"), std::string::npos) << good.out;
  // An outcome outside the scale is a scenario error, located in the YAML file.
  std::string yaml = read_text(directory / "cases" / "d1.yaml");
  yaml.replace(yaml.find("outcome: 60"), 11, "outcome: 160");
  write_file(directory / "cases" / "d1.yaml", yaml);
  const auto bad = run_parley({"backtest", "cases"}, directory);
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_NE(bad.err.find("issues[0].outcome: 160 is outside [0, 100]"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace parley::test

// `parley calibrate` and the ensemble's options as a user runs them: a calibration written and used,
// and every bad calibration file, option or model choice rejected with its location and exit code.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/deu.hpp"
#include "support/process.hpp"

namespace parley::test {
namespace {

// Six single-issue proposals whose outcome is always the Commission's position.
std::filesystem::path six_proposals(const std::filesystem::path& directory) {
  std::string rows;
  for (int p = 1; p <= 6; ++p) {
    const int com = 10 * p;
    const int fr = 100 - 5 * p;
    rows += "d" + std::to_string(p) + "\td" + std::to_string(p) + "i1\tx\t26-01-00\t" + std::to_string(com) + "\t" +
            std::to_string(fr) + "\t50\t50\t0\t" + std::to_string(com) + "\n";
  }
  return deu_file(directory, rows);
}

TEST(Calibrate, WritesACalibrationThatRunsUse) {
  const auto directory = fresh_directory("calibrate-small");
  six_proposals(directory);
  const auto outcome = run_parley(
      {"calibrate", "data.tsv", "--from", "deu3", "-m", "compromise", "-m", "median", "-o", "mine.json"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("chosen: "), std::string::npos) << outcome.out;
  const auto calibration = nlohmann::json::parse(read_text(directory / "mine.json"));
  EXPECT_EQ(calibration["parley_calibration"], 1);
  EXPECT_EQ(calibration["fitted_on"]["cases"].size(), 6u);
  EXPECT_EQ(calibration["produced_by"]["command"],
            "parley calibrate data.tsv --from deu3 -m compromise -m median -o mine.json");
  // A run with it names its rule in run.json; a backtest on the same cases refits it.
  const auto run = run_parley({"-q", "--calibration", "mine.json", "-o", "out"}, directory);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(read_text(directory / "out" / "run.json"));
  EXPECT_EQ(json["answer"]["rule"]["name"], calibration["candidate"]["name"]);
  const auto backtest =
      run_parley({"backtest", "data.tsv", "--from", "deu3", "--calibration", "mine.json", "-m", "ensemble", "-o", "bt"},
                 directory);
  ASSERT_EQ(backtest.exit_code, 0) << backtest.err;
  EXPECT_NE(backtest.out.find("refitted leaving out each case"), std::string::npos) << backtest.out;
}

TEST(Calibrate, BadCalibrationFilesNameLineColumnAndKey) {
  const auto directory = fresh_directory("calibrate-bad-file");
  write_file(directory / "bad.json",
             "{\n  \"parley_calibration\": 1,\n  \"candidate\": {\"name\": \"x\", \"famly\": 1}\n}\n");
  const auto bad = run_parley({"-q", "--calibration", "bad.json"}, directory);
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_NE(bad.err.find("bad.json:3:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("candidate.famly"), std::string::npos) << bad.err;
  write_file(directory / "broken.json", "{\"parley_calibration\": 1,\n \"rule\": [1, 2\n");
  const auto broken = run_parley({"-q", "--calibration", "broken.json"}, directory);
  EXPECT_EQ(broken.exit_code, 65);
  EXPECT_NE(broken.err.find("broken.json:1:1: syntax error: this '{' is never closed"), std::string::npos)
      << broken.err;
  const auto missing = run_parley({"-q", "--calibration", "nowhere.json"}, directory);
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("nowhere.json: no such file"), std::string::npos) << missing.err;
}

TEST(Calibrate, BadOptionsAndModelChoices) {
  const auto directory = fresh_directory("calibrate-bad-options");
  deu_file(directory, "d1\td1i1\tx\t26-01-00\t10\t90\t50\t50\t0\t10\n");
  const auto few = run_parley({"calibrate", "data.tsv", "--from", "deu3"}, directory);
  EXPECT_EQ(few.exit_code, 64);
  EXPECT_NE(few.err.find("at least 3 cases"), std::string::npos) << few.err;
  const auto lone = run_parley({"calibrate", "data.tsv", "--from", "deu3", "-p", "nash.utility=quadratic"}, directory);
  EXPECT_EQ(lone.exit_code, 64);
  const auto scoring = run_parley({"backtest", "data.tsv", "--from", "deu3", "--ensemble-scoring", "often"}, directory);
  EXPECT_EQ(scoring.exit_code, 64);
  // The ensemble's members run with their calibrated parameters: asking for the ensemble and changing
  // a member is refused; changing one in a default run leaves the headline out, with a note.
  const auto refused = run_parley({"-q", "-m", "ensemble", "-m", "mean", "-p", "mean.weights=salience"}, directory);
  EXPECT_EQ(refused.exit_code, 78);
  EXPECT_NE(refused.err.find("other parameters than the ensemble's member"), std::string::npos) << refused.err;
  const auto noted = run_parley({"-q", "-p", "mean.weights=salience", "-o", "noted"}, directory);
  EXPECT_EQ(noted.exit_code, 0) << noted.err;
  EXPECT_NE(noted.err.find("note: no headline forecast"), std::string::npos) << noted.err;
  EXPECT_EQ(read_text(directory / "noted" / "forecast.csv").find("ensemble,"), std::string::npos);
}

}  // namespace
}  // namespace parley::test

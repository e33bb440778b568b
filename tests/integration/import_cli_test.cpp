// `parley run FILE --from FORMAT` and `parley import bdm-csv` as a user runs them.

#include <gtest/gtest.h>

#include <fstream>

#include "support/process.hpp"

namespace parley::test {
namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

constexpr const char* kTable = "Actor,Capability,Position,Salience\rA,0.3,0,1\rB,0.2,40,0.6\rC,0.5,100,0.9\r";

TEST(Import, RunReadsABdmTableDirectly) {
  const auto directory = fresh_directory("import-run");
  write(directory / "table.csv", kTable);
  const auto outcome =
      run_parley({"run", "table.csv", "--from", "bdm-csv", "-m", "eum", "-m", "compromise"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("eum_moves.csv"), std::string::npos) << outcome.out;
  const std::string forecast = read_text(directory / "parley-out" / "forecast.csv");
  EXPECT_NE(forecast.find("\neum,issue,"), std::string::npos) << forecast;
  EXPECT_NE(forecast.find("\ncompromise,issue,"), std::string::npos) << forecast;
}

TEST(Import, BdmTableToYamlAndBack) {
  const auto directory = fresh_directory("import-yaml");
  write(directory / "table.csv", kTable);
  const auto to_stdout = run_parley({"import", "bdm-csv", "table.csv"}, directory);
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_NE(to_stdout.out.find("scale: {min: 0, max: 100}"), std::string::npos) << to_stdout.out;
  ASSERT_EQ(run_parley({"import", "bdm-csv", "table.csv", "-o", "table.yaml"}, directory).exit_code, 0);
  const auto from_yaml = run_parley({"run", "table.yaml", "-m", "eum", "-q", "-o", "a"}, directory);
  const auto from_csv = run_parley({"run", "table.csv", "--from", "bdm-csv", "-m", "eum", "-q", "-o", "b"}, directory);
  ASSERT_EQ(from_yaml.exit_code, 0) << from_yaml.err;
  ASSERT_EQ(from_csv.exit_code, 0) << from_csv.err;
  EXPECT_EQ(read_text(directory / "a" / "forecast.csv"), read_text(directory / "b" / "forecast.csv"));
  EXPECT_EQ(read_text(directory / "a" / "eum_moves.csv"), read_text(directory / "b" / "eum_moves.csv"));
}

TEST(Import, BadTableIsLocatedAndExits65) {
  const auto directory = fresh_directory("import-bad");
  write(directory / "table.csv", "Actor,Capability,Position,Salience\nA,0.3,zero,1\n");
  const auto outcome = run_parley({"run", "table.csv", "--from", "bdm-csv"}, directory);
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_NE(outcome.err.find("table.csv:2:7: Position: the position 'zero' is not a number"), std::string::npos)
      << outcome.err;
}

TEST(Import, RunOfADataSetSaysWhatToDoInstead) {
  const auto directory = fresh_directory("import-many");
  write(directory / "deu.tsv",
        "prnr\tisnr\tintro\tpcom\tscom\tout\n\t\t\t1\t\t\nd1\td1i1\t01-01-00\t50\t50\t40\nd2\td2i1\t01-01-"
        "00\t50\t50\t40\n");
  const auto outcome = run_parley({"run", "deu.tsv", "--from", "deu3"}, directory);
  EXPECT_EQ(outcome.exit_code, 64);
  EXPECT_NE(outcome.err.find("holds 2 scenarios"), std::string::npos) << outcome.err;
}

}  // namespace
}  // namespace parley::test

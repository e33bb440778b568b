// `parley compare`: two runs side by side, from scenarios (a what-if against its base) or from the
// output folders of run and mc; the differences are those of the runs' own files.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/process.hpp"
#include "support/table.hpp"

namespace parley::test {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

}  // namespace

TEST(Compare, AWhatIfAgainstItsBaseGivesTheRunsDifferences) {
  const auto directory = fresh_directory("compare-what-if");
  const auto outcome = run_parley({"compare", "pakistan-2023", "--set", "actors.PAK.capability*=2", "-m",
                                   "compromise", "-m", "median", "-o", "cmp"},
                                  directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(contains(outcome.out, "B = cmp/b: pakistan-2023 at 2023-01-05, what-if actors.PAK.capability*=2"))
      << outcome.out;
  const Table a = read_table(directory / "cmp" / "a" / "forecast.csv");
  const Table b = read_table(directory / "cmp" / "b" / "forecast.csv");
  const Table compared = read_table(directory / "cmp" / "compare.csv");
  ASSERT_EQ(compared.size(), 12U);  // 6 issues × 2 models
  ASSERT_EQ(a.size(), 12U);
  const auto forecasts = [](const Table& table) {
    std::map<std::pair<std::string, std::string>, double> by_key;
    for (const auto& row : table) by_key[{row.at("issue"), row.at("model")}] = std::stod(row.at("forecast"));
    return by_key;
  };
  const auto first = forecasts(a);
  const auto second = forecasts(b);
  for (const auto& row : compared) {
    const std::pair<std::string, std::string> key{row.at("issue"), row.at("model")};
    EXPECT_EQ(std::stod(row.at("a")), first.at(key));
    EXPECT_EQ(std::stod(row.at("b")), second.at(key));
    EXPECT_EQ(std::stod(row.at("difference")), second.at(key) - first.at(key));
    EXPECT_EQ(row.at("a_mean"), "");
  }
  EXPECT_EQ(compared.front().at("issue"), "pak_alignment");  // by issue, then model
  EXPECT_EQ(compared[1].at("issue"), "pak_alignment");
  const std::string html = read_text(directory / "cmp" / "compare.html");
  EXPECT_EQ(count_of(html, "<section id=\"issue-"), 6U);
  EXPECT_EQ(count_of(html, "<tr><td>"), 12U);  // a row per issue and model
  EXPECT_TRUE(std::filesystem::exists(directory / "cmp" / "a" / "report.html"));
}

TEST(Compare, TwoMonteCarloFoldersSideBySide) {
  const auto directory = fresh_directory("compare-mc");
  ASSERT_EQ(run_parley({"mc", "-n", "20", "-q", "-m", "compromise", "-o", "ma"}, directory).exit_code, 0);
  ASSERT_EQ(run_parley({"mc", "-n", "20", "-q", "-m", "compromise", "-o", "mb", "--set", "actors.USA.capability*=0.5"},
                       directory)
                .exit_code,
            0);
  const auto outcome = run_parley({"compare", "ma", "mb", "-o", "cmp"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(contains(outcome.out, "A: mean [5%, 95%]")) << outcome.out;
  const Table summary_a = read_table(directory / "ma" / "mc_summary.csv");
  const Table summary_b = read_table(directory / "mb" / "mc_summary.csv");
  const Table compared = read_table(directory / "cmp" / "compare.csv");
  ASSERT_EQ(compared.size(), summary_a.size());
  for (std::size_t k = 0; k < compared.size(); ++k) {
    EXPECT_EQ(compared[k].at("a_mean"), summary_a[k].at("mean"));
    EXPECT_EQ(compared[k].at("b_q95"), summary_b[k].at("q95"));
    EXPECT_EQ(compared[k].at("a"), "");
  }
  EXPECT_TRUE(contains(read_text(directory / "cmp" / "compare.html"), "compromise · B"));
}

TEST(Compare, WhatCannotBeComparedIsSaid) {
  const auto directory = fresh_directory("compare-errors");
  ASSERT_EQ(run_parley({"-q", "-m", "compromise", "-o", "ran"}, directory).exit_code, 0);
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"compare", "ran"}, "give a second output folder"},
      {{"compare", "ran", "pakistan-2023"}, "pakistan-2023 is not an output folder"},
      {{"compare", "ran", "ran", "--set", "actors.PAK.capability=1"}, "two output folders have run already"},
      {{"compare", "pakistan-2023"}, "give a second scenario or folder, or what-ifs"},
  };
  for (const auto& [args, message] : cases) {
    const auto outcome = run_parley(args, directory);
    EXPECT_EQ(outcome.exit_code, 64) << args.back();
    EXPECT_TRUE(contains(outcome.err, message)) << outcome.err;
  }
}

}  // namespace parley::test

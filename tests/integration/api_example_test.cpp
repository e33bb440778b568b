// The C++ example of docs/api.md runs on the public API alone and prints what the CLI writes.

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <sstream>

#include "support/process.hpp"
#include "support/table.hpp"

namespace parley::test {
namespace {

TEST(ApiExample, PrintsTheCommandLinesForecasts) {
  const auto directory = fresh_directory("api-example");
  const auto example = run_program(PARLEY_EXAMPLE_RUN_SCENARIO, {}, directory);
  ASSERT_EQ(example.exit_code, 0) << example.err;
  ASSERT_EQ(run_parley({"-q", "-o", "out"}, directory).exit_code, 0);
  std::map<std::string, std::string> expected;  // what the example should print, by line start
  for (const auto& row : read_table(directory / "out" / "forecast.csv")) {
    const auto cell = [&](const char* column) { return std::stod(row.at(column)); };
    char line[128];
    if (row.at("model") == "ensemble") {
      std::snprintf(line, sizeof line, "%-16s %5.1f [%5.1f, %5.1f]", row.at("issue").c_str(), cell("forecast"),
                    cell("low80"), cell("high80"));
      expected[line] = "headline";
    } else if (row.at("model") == "compromise") {
      std::snprintf(line, sizeof line, "compromise %s %.2f", row.at("issue").c_str(), cell("forecast"));
      expected[line] = "compromise";
    }
  }
  ASSERT_EQ(expected.size(), 12u);
  std::istringstream lines(example.out);
  std::size_t matched = 0;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_TRUE(expected.contains(line)) << line;
    matched += expected.contains(line) ? 1U : 0U;
  }
  EXPECT_EQ(matched, expected.size()) << example.out;
}

TEST(ApiExample, IsTheCodeDocsApiShows) {
  const std::string code = read_text(source_dir() / "examples" / "run_scenario.cpp");
  const std::string page = read_text(source_dir() / "docs" / "api.md");
  EXPECT_NE(page.find("```cpp\n" + code + "```"), std::string::npos)
      << "docs/api.md does not show examples/run_scenario.cpp as it is";
}

}  // namespace
}  // namespace parley::test

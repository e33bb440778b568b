// Every file in tests/data/bad/ is a malformed scenario whose header states what parley must say:
//   # expect: LINE:COLUMN: KEY.PATH: MESSAGE-START
// `parley validate FILE` must exit 65 and print each expectation after the file name.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "support/process.hpp"

namespace parley::test {
namespace {

std::vector<std::filesystem::path> bad_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests" / "data" / "bad")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> expectations(const std::filesystem::path& file) {
  std::vector<std::string> expected;
  std::stringstream stream(read_text(file));
  std::string line;
  const std::string marker = "# expect: ";
  while (std::getline(stream, line)) {
    if (line.rfind(marker, 0) == 0) expected.push_back(line.substr(marker.size()));
  }
  return expected;
}

class BadScenario : public testing::TestWithParam<std::filesystem::path> {};

}  // namespace

TEST(BadScenarios, ThereAreAtLeastTwenty) {
  EXPECT_GE(bad_files().size(), 20u);
}

TEST_P(BadScenario, IsReportedAtTheRightPlace) {
  const auto file = GetParam();
  const auto expected = expectations(file);
  ASSERT_FALSE(expected.empty()) << file << " has no '# expect:' line";
  const auto outcome = run_parley({"validate", file.string()}, fresh_directory("bad"));
  EXPECT_EQ(outcome.exit_code, 65) << outcome.err;
  for (const auto& expectation : expected) {
    EXPECT_NE(outcome.err.find(file.string() + ":" + expectation), std::string::npos)
        << "expected: " << file.string() << ":" << expectation << "\nstderr:\n"
        << outcome.err;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, BadScenario, testing::ValuesIn(bad_files()),
                         [](const testing::TestParamInfo<std::filesystem::path>& param) {
                           std::string name = param.param.stem().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

}  // namespace parley::test

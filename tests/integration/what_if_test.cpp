// What-ifs: `--set` and `--patch` change what they name, and nothing else, and run.json records them.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/process.hpp"

namespace parley::test {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// MODEL's forecast of each issue in DIR/forecast.csv.
std::map<std::string, std::string> forecasts_of(const std::filesystem::path& folder, const std::string& model) {
  std::map<std::string, std::string> forecasts;
  std::ifstream in(folder / "forecast.csv");
  std::string line;
  const std::string prefix = model + ",";
  while (std::getline(in, line)) {
    if (!line.starts_with(prefix)) continue;
    const auto issue_end = line.find(',', prefix.size());
    const auto value_end = line.find(',', issue_end + 1);
    forecasts[line.substr(prefix.size(), issue_end - prefix.size())] =
        line.substr(issue_end + 1, value_end - issue_end - 1);
  }
  return forecasts;
}

std::map<std::string, std::string> compromise_forecasts(const std::filesystem::path& folder) {
  return forecasts_of(folder, "compromise");
}

}  // namespace

TEST(WhatIf, AStanceChangeMovesItsIssueAloneAndIsRecorded) {
  const auto directory = fresh_directory("what-if-stance");
  ASSERT_EQ(run_parley({"-m", "compromise", "-q", "-o", "base"}, directory).exit_code, 0);
  const auto changed = run_parley(
      {"-m", "compromise", "-q", "-o", "low", "--set", "actors.PAK.stances.us_airspace.position=0"}, directory);
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  const auto base = compromise_forecasts(directory / "base");
  const auto low = compromise_forecasts(directory / "low");
  ASSERT_EQ(base.size(), 6U);
  ASSERT_EQ(low.size(), 6U);
  for (const auto& [issue, value] : base) {
    if (issue == "us_airspace") {
      EXPECT_LT(std::stod(low.at(issue)), std::stod(value));  // PAK moved towards 0: so does the mean
    } else {
      EXPECT_EQ(low.at(issue), value) << issue;
    }
  }
  std::ifstream in(directory / "low" / "run.json");
  const auto run = nlohmann::json::parse(in);
  EXPECT_EQ(run["scenario"]["what_if"], nlohmann::json::array({"actors.PAK.stances.us_airspace.position=0"}));
  // scenario.json holds the changed scenario, so the run can be repeated from it alone.
  const auto shown = read_text(directory / "low" / "scenario.json");
  EXPECT_TRUE(contains(shown, "\"position\": 0.0") || contains(shown, "\"position\": 0,")) << "PAK's new stance";
}

// smp weighs Pakistan's veto over its own airspace (issue capabilities): us_airspace stays near PAK's
// 35 instead of following the US to 80 and more, and moves with PAK's stance.
TEST(WhatIf, SmpFollowsPakistansVetoOverItsAirspace) {
  const auto directory = fresh_directory("what-if-smp-veto");
  ASSERT_EQ(run_parley({"-m", "smp", "-q", "-o", "base"}, directory).exit_code, 0);
  ASSERT_EQ(run_parley({"-m", "smp", "-q", "-o", "ktab", "-p", "smp.issue_capabilities=false"}, directory).exit_code, 0);
  const auto moved = run_parley(
      {"-m", "smp", "-q", "-o", "moved", "--set", "actors.PAK.stances.us_airspace.position=60"}, directory);
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  const double base = std::stod(forecasts_of(directory / "base", "smp").at("us_airspace"));
  EXPECT_LT(base, 45.0);
  EXPECT_GT(std::stod(forecasts_of(directory / "ktab", "smp").at("us_airspace")), 75.0);
  EXPECT_GT(std::stod(forecasts_of(directory / "moved", "smp").at("us_airspace")), base + 15.0);
}

TEST(WhatIf, APatchFileIsTheFlagsInAFile) {
  const auto directory = fresh_directory("what-if-capability");
  ASSERT_EQ(run_parley({"-m", "compromise", "-q", "-o", "base"}, directory).exit_code, 0);
  ASSERT_EQ(run_parley({"-m", "compromise", "-q", "-o", "flags", "--set", "actors.PAK.capability*=10", "--set",
                        "actors.TTP.present=false"},
                       directory)
                .exit_code,
            0);
  std::ofstream(directory / "patch.txt") << "# what if Pakistan counted ten times more, and the TTP were gone\n"
                                            "actors.PAK.capability*=10\n\n  actors.TTP.present=false\n";
  ASSERT_EQ(run_parley({"-m", "compromise", "-q", "-o", "patch", "--patch", "patch.txt"}, directory).exit_code, 0);
  const auto base = compromise_forecasts(directory / "base");
  const auto flags = compromise_forecasts(directory / "flags");
  EXPECT_EQ(flags, compromise_forecasts(directory / "patch"));
  // PAK's default capability counts where its stance has none of its own (not on its alignment, its
  // airspace and the campaign, where it holds a veto of 1.0).
  for (const char* issue : {"ct_cooperation", "cpec", "india_alignment"}) EXPECT_NE(flags.at(issue), base.at(issue));
}

TEST(WhatIf, AChangeThatCannotApplySaysWhy) {
  const auto directory = fresh_directory("what-if-errors");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"actors.PAX.capability=1", "no actor 'PAX' (did you mean 'PAK'?)"},
      {"actors.PAK.capability=-1", "--set actors.PAK.capability=-1: -1 is negative"},
      {"actors.PAK.stances.us_airspace.salience*=3", "salience*=3: 1.5 is outside [0, 1]"},
      {"actors.PAK.stances.nowhere.position=1", "PAK takes no stance on 'nowhere'"},
      {"actors.PAK.capabilty=1", "'capabilty' cannot be changed here (did you mean 'capability'?)"},
      {"issues.cpec.status_quo=500", "500 is outside [0, 100]"},
      {"actors.PAK.present=maybe", "present is set to true or false"},
      {"actors.PAK.capability=lots", "'lots' is not a number"},
      {"actors.PAK", "write a change as PATH=VALUE"},
      {"weather.today=1", "is not a path a what-if changes"},
  };
  for (const auto& [change, message] : cases) {
    const auto outcome = run_parley({"-q", "-o", "o", "--set", change}, directory);
    EXPECT_EQ(outcome.exit_code, 64) << change;
    EXPECT_TRUE(contains(outcome.err, message)) << change << ": " << outcome.err;
  }
  std::ofstream(directory / "bad.txt") << "actors.PAK.capability=1\n# fine\n  not a change\n";
  const auto patch = run_parley({"-q", "-o", "o", "--patch", "bad.txt"}, directory);
  EXPECT_EQ(patch.exit_code, 65);
  EXPECT_TRUE(contains(patch.err, "bad.txt:3:3: not a change: write a change as PATH=VALUE")) << patch.err;
}

// A store made under one what-if is not continued under another: its samples are of another scenario.
TEST(WhatIf, MonteCarloResumesOnlyUnderTheSameWhatIfs) {
  const auto directory = fresh_directory("what-if-resume");
  const std::vector<std::string> base = {"mc", "-n", "4", "-q", "-m", "compromise", "-o", "mc"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_parley(args, directory);
  };
  ASSERT_EQ(with({"--set", "actors.PAK.capability=0.2"}).exit_code, 0);
  EXPECT_EQ(with({"--set", "actors.PAK.capability=0.2", "--resume"}).exit_code, 0);
  const auto other = with({"--set", "actors.PAK.capability=0.3", "--resume"});
  EXPECT_NE(other.exit_code, 0);
  EXPECT_TRUE(contains(other.err, "only the same run can be continued")) << other.err;
}

}  // namespace parley::test

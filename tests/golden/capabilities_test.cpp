// The default scenario's state capabilities are the Correlates of War 2022 CINC scores
// (golden/capabilities/cow_nmc_v7_1816_2022.csv), to the four decimals the scenario states.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "io/embedded.hpp"
#include "io/scenario_yaml.hpp"
#include "support/golden.hpp"

namespace parley {
namespace {

// One CSV record (RFC 4180 quoting; the COW file quotes its text columns).
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      cells.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else if (c != '\r') {
      cells.back() += c;
    }
  }
  return cells;
}

}  // namespace

TEST(Capabilities, StatesUseTheCow2022Cinc) {
  PARLEY_REQUIRE_GOLDEN(golden);
  std::ifstream in(golden / "capabilities" / "cow_nmc_v7_1816_2022.csv");
  ASSERT_TRUE(in) << "cannot open cow_nmc_v7_1816_2022.csv";
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t abbreviation = column("stateabb");
  const std::size_t year = column("year");
  const std::size_t cinc = column("cinc");
  ASSERT_LT(cinc, header.size());
  std::map<std::string, double> scores;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    if (cells.size() <= cinc || cells[year] != "2022") continue;
    scores[cells[abbreviation]] = std::stod(cells[cinc]);
  }
  // parley actor id -> COW state abbreviation
  const std::map<std::string, std::string> states{{"USA", "USA"}, {"CHN", "CHN"}, {"IND", "IND"},
                                                  {"RUS", "RUS"}, {"PAK", "PAK"}, {"AFG", "AFG"}};
  const auto* embedded = io::find_embedded("pakistan-2023");
  const Scenario scenario = io::read_scenario_yaml(embedded->text, "pakistan-2023.yaml", {.strict = true}).scenario;
  for (const auto& [actor, cow] : states) {
    ASSERT_TRUE(scores.count(cow)) << cow << " has no 2022 row";
    const Actor* found = scenario.find_actor(actor);
    ASSERT_NE(found, nullptr) << actor;
    EXPECT_NEAR(found->capability, scores[cow], 0.00005) << actor;
  }
}

}  // namespace parley

// The default scenario's state capabilities are the Correlates of War 2022 CINC scores
// (golden/capabilities/cow_nmc_v7_1816_2022.csv), to the four decimals the scenario states.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "io/delimited.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/files.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "support/golden.hpp"

namespace parley {

TEST(Capabilities, StatesUseTheCow2022Cinc) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto file = golden / "capabilities" / "cow_nmc_v7_1816_2022.csv";
  const auto records = io::read_delimited(io::read_text_file(file), ',', file.string());
  ASSERT_FALSE(records.empty());
  std::vector<std::string> header;
  for (const auto& cell : records.front().cells) header.push_back(cell.text);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t abbreviation = column("stateabb");
  const std::size_t year = column("year");
  const std::size_t cinc = column("cinc");
  ASSERT_LT(cinc, header.size());
  std::map<std::string, double> scores;
  for (const auto& record : records) {
    const auto& cells = record.cells;
    if (cells.size() <= cinc || cells[year].text != "2022") continue;
    scores[cells[abbreviation].text] = std::stod(cells[cinc].text);
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

// Event data on the shared fixtures (golden/events, golden/cameo): the figures the issue states for
// the GDELT 2.0 South Asia sample, and for every dyad of it and of the GDELT 1.0 sample a second,
// independent computation — its own line splitting, GDELT's own Goldstein lookup file
// (CAMEO.goldsteinscale.txt), the file's QuadClass column, std::set for duplicates — that must agree
// with parley's reader, CAMEO table and aggregator. The ICEWS sample likewise, with the file's
// Intensity column as the weights and country codes from the netify reference file.

#include "parley/io/events.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "parley/io/files.hpp"
#include "support/golden.hpp"

namespace parley::test {
namespace {

namespace ev = io::events;

// ------------------------------------------------------------------ the independent computation

struct Tally {
  int events = 0;
  double goldstein = 0.0;
  std::array<int, 5> quad{};
  int before = 0;
  double goldstein_before = 0.0;
};

using DyadKey = std::pair<std::string, std::string>;

std::map<std::string, double> goldstein_lookup(const std::filesystem::path& golden) {
  std::map<std::string, double> weights;
  std::ifstream in(golden / "cameo" / "CAMEO.goldsteinscale.txt");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto tab = line.find('\t');
    if (tab != std::string::npos) weights[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
  }
  return weights;
}

// One row as named fields: the columns the computation needs.
struct Row {
  std::string date, source_code, target_code, source, target, event, quad;
};

std::vector<std::string> split_tab(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

// Comma-separated with "quoted" fields: a character at a time.
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quoted) {
      if (c == '"' && k + 1 < line.size() && line[k + 1] == '"') {
        fields.back() += '"';
        ++k;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  for (auto& field : fields) {
    if (field == "NA") field.clear();
  }
  return fields;
}

std::map<DyadKey, Tally> tally(const std::vector<Row>& rows, const std::map<std::string, double>& weights) {
  std::map<DyadKey, Tally> tallies;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  for (const Row& row : rows) {
    if (row.source.empty() || row.target.empty() || row.source == row.target) continue;
    Tally& t = tallies[{row.source, row.target}];
    const double w = weights.at(row.event);
    ++t.before;
    t.goldstein_before += w;
    if (!seen.insert({row.date, row.source_code, row.target_code, row.event}).second) continue;
    ++t.events;
    t.goldstein += w;
    ++t.quad[static_cast<std::size_t>(std::stoi(row.quad))];
  }
  return tallies;
}

// parley's: the whole file, by year, deduplicated by day.
std::map<DyadKey, ev::DyadPeriod> parleys(const std::filesystem::path& file) {
  ev::AggregateOptions options;
  options.period = ev::Period::year;
  ev::Aggregator aggregator(options);
  (void)ev::read_events(file, {}, [&](const ev::Event& event) { aggregator.add(event); });
  std::map<DyadKey, ev::DyadPeriod> out;
  for (const auto& row : aggregator.result()) out[{row.source, row.target}] = row;
  return out;
}

void expect_same(const std::map<DyadKey, Tally>& expected, const std::map<DyadKey, ev::DyadPeriod>& got) {
  ASSERT_EQ(expected.size(), got.size());
  for (const auto& [dyad, t] : expected) {
    const std::string name = dyad.first + "->" + dyad.second;
    const auto found = got.find(dyad);
    ASSERT_NE(found, got.end()) << name;
    const ev::DyadPeriod& p = found->second;
    EXPECT_EQ(p.events, static_cast<std::size_t>(t.events)) << name;
    EXPECT_EQ(p.events_before_dedup, static_cast<std::size_t>(t.before)) << name;
    EXPECT_NEAR(p.goldstein_sum, t.goldstein, 1e-9) << name;
    EXPECT_NEAR(p.goldstein_sum_before_dedup, t.goldstein_before, 1e-9) << name;
    for (std::size_t q = 1; q <= 4; ++q) {
      EXPECT_EQ(p.quad[q], static_cast<std::size_t>(t.quad[q])) << name << " quad " << q;
    }
  }
}

// ------------------------------------------------------------------------------------- the tests

TEST(EventsGolden, TheProductsCameoTableIsTheReferenceCopy) {
  PARLEY_REQUIRE_GOLDEN(golden);
  EXPECT_EQ(io::read_text_file(std::filesystem::path(PARLEY_SOURCE_DIR) / "data" / "cameo" / "cameo_eventcodes.tsv"),
            io::read_text_file(golden / "cameo" / "cameo_eventcodes_merged.tsv"));
  const ev::Cameo& cameo = ev::Cameo::embedded();
  EXPECT_EQ(cameo.size(), 312U);
  // GDELT's own lookup file gives every code the weight of the table's GDELT column.
  for (const auto& [code, weight] : goldstein_lookup(golden)) {
    ASSERT_TRUE(cameo.goldstein(code, ev::GoldsteinTable::gdelt)) << code;
    EXPECT_EQ(*cameo.goldstein(code, ev::GoldsteinTable::gdelt), weight) << code;
  }
}

TEST(EventsGolden, Gdelt2SouthAsiaSampleByCountryCode) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto file = golden / "events" / "gdelt2" / "gdelt2_southasia_dyads_20201113-15.export.tsv";
  for (const auto dedup : {ev::Dedup::none, ev::Dedup::day}) {
    ev::AggregateOptions options;
    options.period = ev::Period::year;
    options.dedup = dedup;
    ev::Aggregator aggregator(options);
    const auto counts = ev::read_events(file, {}, [&](const ev::Event& event) { aggregator.add(event); });
    EXPECT_EQ(counts.rows, 630U);
    std::map<DyadKey, ev::DyadPeriod> by;
    for (const auto& row : aggregator.result()) by[{row.source, row.target}] = row;
    const auto& chn_usa = by.at({"CHN", "USA"});
    const auto& usa_ind = by.at({"USA", "IND"});
    EXPECT_EQ(chn_usa.events_before_dedup, 124U);
    EXPECT_NEAR(chn_usa.goldstein_sum_before_dedup, 48.1, 1e-9);
    EXPECT_EQ(usa_ind.events_before_dedup, 34U);
    EXPECT_NEAR(usa_ind.goldstein_sum_before_dedup, 107.5, 1e-9);
    if (dedup == ev::Dedup::none) {
      EXPECT_EQ(chn_usa.quad, (std::array<std::size_t, 5>{0, 81, 6, 13, 24}));
    } else {
      EXPECT_EQ(chn_usa.events, 60U);
      EXPECT_NEAR(chn_usa.goldstein_mean(), -0.25, 0.005);  // -15.1 / 60: deduplication flips the sign
      EXPECT_EQ(usa_ind.events, 22U);
      EXPECT_NEAR(usa_ind.goldstein_mean(), 2.82, 0.005);  // 62.1 / 22
    }
  }
}

TEST(EventsGolden, Gdelt2EveryDyadAgreesWithAnIndependentComputation) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto file = golden / "events" / "gdelt2" / "gdelt2_southasia_dyads_20201113-15.export.tsv";
  std::vector<Row> rows;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    const auto f = split_tab(line);
    ASSERT_EQ(f.size(), 61U);
    rows.push_back({f[1], f[5], f[15], f[7], f[17], f[26], f[29]});
  }
  expect_same(tally(rows, goldstein_lookup(golden)), parleys(file));
}

TEST(EventsGolden, Gdelt1GeorgiaSample) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto file = golden / "events" / "gdelt1_undp_georgia_201204.csv";
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  const auto header = split_csv(line);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t date = column("SQLDATE"), a1 = column("Actor1Code"), a2 = column("Actor2Code"),
                    c1 = column("Actor1CountryCode"), c2 = column("Actor2CountryCode"), code = column("EventCode"),
                    quad = column("QuadClass");
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    const auto f = split_csv(line);
    ASSERT_EQ(f.size(), header.size());
    rows.push_back({f[date], f[a1], f[a2], f[c1], f[c2], f[code], f[quad]});
  }
  EXPECT_EQ(rows.size(), 5865U);
  const auto got = parleys(file);
  expect_same(tally(rows, goldstein_lookup(golden)), got);
  // The figures this sample gives (April 2012, deduplicated by day): the busiest dyads.
  EXPECT_EQ(got.at({"USA", "RUS"}).events_before_dedup, 31U);
  EXPECT_EQ(got.at({"USA", "RUS"}).events, 22U);
  EXPECT_NEAR(got.at({"USA", "RUS"}).goldstein_sum, 18.3, 1e-9);
  EXPECT_EQ(got.at({"RUS", "USA"}).events, 11U);
  EXPECT_NEAR(got.at({"RUS", "USA"}).goldstein_sum, -23.4, 1e-9);
  EXPECT_EQ(got.at({"RUS", "GEO"}).events, 4U);
  EXPECT_NEAR(got.at({"RUS", "GEO"}).goldstein_sum, -7.2, 1e-9);
  EXPECT_EQ(got.size(), 165U);
}

// ICEWS's country names by the netify reference file's own pairs (i, i_iso3c), and a few more by hand.
std::map<std::string, std::string> icews_countries(const std::filesystem::path& golden) {
  std::map<std::string, std::string> codes{{"North Korea", "PRK"},
                                           {"South Korea", "KOR"},
                                           {"Japan", "JPN"},
                                           {"Israel", "ISR"},
                                           {"Occupied Palestinian Territory", "PSE"},
                                           {"Iran", "IRN"}};  // netify: "Iran, Islamic Republic Of"
  std::ifstream in(golden / "events" / "icews" / "netify_icews_dyadyear_quad_southasia_2002_2014.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto f = split_csv(line);
    codes[f[0]] = f[3];
    codes[f[1]] = f[4];
  }
  return codes;
}

TEST(EventsGolden, IcewsSample) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto file = golden / "events" / "icews" / "events.2018.sample.tab";
  const auto codes = icews_countries(golden);
  ASSERT_EQ(codes.size(), 13U);  // the netify file's seven and the six above
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  const auto header = split_tab(line);
  ASSERT_EQ(header.size(), 20U);
  // The second computation, without deduplication: the weights are the file's Intensity column, the
  // quad class GDELT's rule on the code's first two digits.
  std::map<DyadKey, Tally> expected;
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    const auto f = split_tab(line);
    ASSERT_EQ(f.size(), 20U) << line;
    const auto source = codes.find(f[4]);
    const auto target = codes.find(f[10]);
    if (source == codes.end() || target == codes.end() || source->second == target->second) continue;
    Tally& t = expected[{source->second, target->second}];
    const int root = std::stoi(f[6].substr(0, 2));
    ++t.events;
    t.goldstein += std::stod(f[7]);
    ++t.quad[static_cast<std::size_t>(root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4)];
  }
  EXPECT_EQ(rows, 3705U);
  // parley's, restricted to the same countries.
  ev::AggregateOptions options;
  options.period = ev::Period::year;
  options.dedup = ev::Dedup::none;
  ev::Aggregator aggregator(options);
  const ev::Cameo& cameo = ev::Cameo::embedded();
  std::size_t weights_agree = 0;
  const auto counts = ev::read_events(file, {}, [&](const ev::Event& event) {
    EXPECT_EQ(event.format, ev::Format::icews);
    // parley's ICEWS table gives every event the weight the file's Intensity column gives it.
    if (cameo.goldstein(event.event_code, ev::GoldsteinTable::icews) == std::stod(std::string(event.goldstein_given))) {
      ++weights_agree;
    }
    aggregator.add(event);
  });
  EXPECT_EQ(counts.rows, 3705U);
  EXPECT_EQ(counts.skipped, 0U);
  EXPECT_EQ(weights_agree, 3705U);
  std::set<std::string> known;
  for (const auto& [name, code] : codes) known.insert(code);
  std::map<DyadKey, ev::DyadPeriod> got;
  for (const auto& row : aggregator.result()) {
    if (known.contains(row.source) && known.contains(row.target)) got[{row.source, row.target}] = row;
  }
  ASSERT_EQ(expected.size(), got.size());
  for (const auto& [dyad, t] : expected) {
    const std::string name = dyad.first + "->" + dyad.second;
    ASSERT_TRUE(got.contains(dyad)) << name;
    const ev::DyadPeriod& p = got.at(dyad);
    EXPECT_EQ(p.events, static_cast<std::size_t>(t.events)) << name;
    EXPECT_NEAR(p.goldstein_sum, t.goldstein, 1e-9) << name;
    for (std::size_t q = 1; q <= 4; ++q) EXPECT_EQ(p.quad[q], static_cast<std::size_t>(t.quad[q])) << name << q;
  }
  // The figures this sample gives (1-2 June 2018, ICEWS's weights, GDELT's quad classes).
  EXPECT_EQ(got.at({"USA", "PRK"}).events, 181U);
  EXPECT_NEAR(got.at({"USA", "PRK"}).goldstein_sum, 497.0, 1e-9);
  EXPECT_EQ(got.at({"USA", "CHN"}).events, 71U);
  EXPECT_NEAR(got.at({"USA", "CHN"}).goldstein_sum, 90.6, 1e-9);
  EXPECT_EQ(got.at({"USA", "CHN"}).quad, (std::array<std::size_t, 5>{0, 53, 2, 16, 0}));
  EXPECT_EQ(got.at({"ISR", "PSE"}).events, 29U);
  EXPECT_NEAR(got.at({"ISR", "PSE"}).goldstein_sum, -266.0, 1e-9);
}

TEST(EventsGolden, IcewsSampleDeduplicatedAndMapped) {
  PARLEY_REQUIRE_GOLDEN(golden);
  const auto file = golden / "events" / "icews" / "events.2018.sample.tab";
  ev::AggregateOptions options;
  options.period = ev::Period::year;
  ev::Aggregator aggregator(options);
  (void)ev::read_events(file, {}, [&](const ev::Event& event) { aggregator.add(event); });
  std::map<DyadKey, ev::DyadPeriod> by;
  for (const auto& row : aggregator.result()) by[{row.source, row.target}] = row;
  // One event per (date, source code, target code, event code): ICEWS's sectors make the codes, so
  // the same story from several publishers counts once.
  EXPECT_EQ(aggregator.counts().duplicates, 685U);
  EXPECT_EQ(by.at({"USA", "PRK"}).events, 46U);
  EXPECT_NEAR(by.at({"USA", "PRK"}).goldstein_sum, 112.6, 1e-9);
  EXPECT_EQ(by.at({"USA", "CHN"}).events, 30U);
  EXPECT_NEAR(by.at({"USA", "CHN"}).goldstein_sum, 38.5, 1e-9);
  EXPECT_EQ(by.at({"ISR", "PSE"}).events, 15U);
  EXPECT_NEAR(by.at({"ISR", "PSE"}).goldstein_mean(), -8.4, 1e-9);
  // With pakistan-2023's map, the Taliban (by name: ICEWS has no known groups) are AFG before
  // 2021-08-15, and Afghanistan's other actors no actor of the scenario.
  ev::AggregateOptions mapped = options;
  mapped.map = ev::embedded_actor_map("pakistan-2023");
  ASSERT_NE(mapped.map, nullptr);
  ev::Aggregator taliban(mapped);
  std::size_t on_states = 0;  // the Taliban's events on the scenario's states (the rest, on Afghans, have no dyad)
  (void)ev::read_events(file, {}, [&](const ev::Event& event) {
    const std::set<std::string_view> states{"USA", "PAK", "CHN", "IND", "RUS"};
    if (event.source.name.find("Taliban") != std::string_view::npos && event.source.country == "AFG" &&
        states.contains(event.target.country)) {
      ++on_states;
    }
    taliban.add(event);
  });
  std::size_t from_afg = 0;
  for (const auto& row : taliban.result()) {
    if (row.source == "AFG") from_afg += row.events_before_dedup;
  }
  EXPECT_EQ(on_states, 2U);
  EXPECT_EQ(from_afg, on_states);
}

}  // namespace
}  // namespace parley::test

// The event readers' other layouts: ICEWS (countries by name, sectors as type codes) and zip archives
// of any layout (GDELT's 15-minute files), with their mistakes located.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/errors.hpp"
#include "parley/io/events.hpp"
#include "support/events.hpp"

namespace parley::io::events {
namespace {

using test::gdelt2_row;
using test::icews_header;
using test::icews_row;
using test::TempFile;

std::string error_of(const std::string& text, ReadOptions options = {}) {
  try {
    (void)read_event_text(text, "t.tab", options, [](const Event&) {});
  } catch (const ScenarioError& error) {
    return error.diagnostics().front().to_string();
  }
  return "no error";
}

TEST(IcewsReader, CountriesByNameSectorsAsTypeCodes) {
  const std::string text =
      icews_header() +
      icews_row("7", "2018-06-01", "Taliban", "Insurgents,International Religious,Sunni,Dissident", "Afghanistan",
                "190", "-10", "Military Personnel (United States)", "Government,Military", "United States", "42") +
      icews_row("8", "2018-06-02", "Mahmoud Abbas", "NA", "Occupied Palestinian Territory", "040", "1",
                "Recep Tayyip Erdogan", "Executive,Executive Office,Government", "Turkey") +
      icews_row("9", "2018-06-02", "United Nations", "International Government Organization", "NA", "0234", "3.4",
                "Citizen (Pakistan)", "General Population / Civilian / Social,Social", "Pakistan");
  std::vector<std::string> seen;
  const auto counts = read_event_text(text, "t.tab", {}, [&](const Event& event) {
    EXPECT_EQ(event.format, Format::icews);
    seen.push_back(fmt::format("{} {} {}|{}|{}|{} -> {} {} {} {}/{}/{} {} {} {}", event.id, event.date.to_string(),
                               event.source.code, event.source.country, event.source.type1, event.source.type2,
                               event.target.code, event.target.country, event.event_code, event.root_code,
                               event.goldstein_given, event.url, event.action_country, event.line, event.source.name));
  });
  EXPECT_EQ(counts.rows, 3U);
  ASSERT_EQ(seen.size(), 3U);
  // The Taliban: insurgents before opposition; the US military: MIL before GOV.
  EXPECT_EQ(seen[0], "7 2018-06-01 AFGINS|AFG|INS|OPP -> USAMIL USA 190 19/-10/42 PAK 2 Taliban");
  // ICEWS's own spellings; an actor without sectors is its country's code.
  EXPECT_EQ(seen[1], "8 2018-06-02 PSE|PSE|| -> TURGOV TUR 040 04/1/1 PAK 3 Mahmoud Abbas");
  // An organisation without a country is its type.
  EXPECT_EQ(seen[2], "9 2018-06-02 IGO||IGO| -> PAKCVL PAK 0234 02/3.4/1 PAK 4 United Nations");
}

TEST(IcewsReader, RegionalAndGlobalSayAReachNotAGovernment) {
  const std::string text =
      icews_header() + icews_row("1", "2018-06-01", "European Union",
                                 "International Government Organization,Regional Diplomatic IGOs,Regional", "NA", "040",
                                 "1", "Citizen (Pakistan)", "Social", "Pakistan");
  std::string code;
  (void)read_event_text(text, "t.tab", {}, [&](const Event& event) { code = event.source.code; });
  EXPECT_EQ(code, "IGO");
}

TEST(EventDuplicates, KeysOfDifferentFieldsNeverCollide) {
  // A tab inside a quoted field (the GDELT 1.0 export allows one) must not join two events' keys.
  Event a;
  a.source.code = "A\tB";
  a.target.code = "C";
  a.event_code = "043";
  a.url = "u";
  Event b = a;
  b.source.code = "A";
  b.target.code = "B\tC";
  for (const Dedup rule : {Dedup::day, Dedup::url}) {
    Duplicates duplicates(rule);
    EXPECT_FALSE(duplicates.repeated(a, "X", "Y"));
    EXPECT_FALSE(duplicates.repeated(b, "X", "Y")) << to_string(rule);
    EXPECT_TRUE(duplicates.repeated(a, "X", "Y"));
  }
}

TEST(IcewsReader, WeighsByIcewsTableUnlessToldOtherwise) {
  const std::string text = icews_header() + icews_row("1", "2018-06-01", "A", "Government", "Pakistan", "016", "-5",
                                                      "B", "Government", "India");
  AggregateOptions options;
  Aggregator own(options);
  (void)read_event_text(text, "t.tab", {}, [&](const Event& event) { own.add(event); });
  EXPECT_EQ(own.result().at(0).goldstein_sum, -5.0);  // ICEWS's weight for 016; GDELT's is -2
  options.goldstein = GoldsteinTable::gdelt;
  Aggregator gdelt(options);
  (void)read_event_text(text, "t.tab", {}, [&](const Event& event) { gdelt.add(event); });
  EXPECT_EQ(gdelt.result().at(0).goldstein_sum, -2.0);
}

TEST(IcewsReader, EveryMistakeIsLocated) {
  const std::string good =
      icews_row("1", "2018-06-01", "A", "Government", "Pakistan", "040", "1", "B", "Government", "India");
  // A country parley does not know, at its column.
  std::string text =
      icews_header() + good + icews_row("2", "2018-06-01", "A", "Government", "Atlantis", "040", "1", "B", "", "India");
  EXPECT_NE(error_of(text).find("t.tab:3:"), std::string::npos) << error_of(text);
  EXPECT_NE(error_of(text).find("Source Country: 'Atlantis' is not a country parley knows"), std::string::npos);
  text = icews_header() + icews_row("2", "2018-02-30", "A", "", "Pakistan", "040", "1", "B", "", "India");
  EXPECT_EQ(error_of(text), "t.tab:2:3: Event Date: '2018-02-30' is not a day of the calendar");
  text = icews_header() + icews_row("2", "20180601", "A", "", "Pakistan", "040", "1", "B", "", "India");
  EXPECT_EQ(error_of(text), "t.tab:2:3: Event Date: '20180601' is not a date written YYYY-MM-DD");
  // 040 read as a number: 40, which has no CAMEO root.
  text = icews_header() + icews_row("2", "2018-06-01", "A", "", "Pakistan", "40", "1", "B", "", "India");
  EXPECT_NE(error_of(text).find("CAMEO Code: '40' has no CAMEO root"), std::string::npos) << error_of(text);
  text = icews_header() + good.substr(0, good.rfind('\t')) + "\n";
  EXPECT_EQ(error_of(text), "t.tab:2:1: columns: 19 columns where the header has 20");
  // A header without a column parley reads.
  std::string header = icews_header();
  header.replace(header.find("Intensity"), 9, "Goldstein");
  EXPECT_EQ(error_of(header + good),
            "t.tab:1:1: Intensity: the header has no such column (an ICEWS file names its 20 columns)");
  // Told it is ICEWS, a file without the header.
  EXPECT_NE(error_of(good, {.format = Format::icews}).find("an ICEWS file begins with its header row"),
            std::string::npos);
  // Under skip_bad, counted and skipped.
  text = icews_header() + good + icews_row("2", "2018-06-01", "A", "", "Atlantis", "040", "1", "B", "", "India") + good;
  std::size_t rows = 0;
  const auto counts = read_event_text(text, "t.tab", {.skip_bad = true}, [&](const Event&) { ++rows; });
  EXPECT_EQ(rows, 2U);
  EXPECT_EQ(counts.skipped, 1U);
}

std::vector<std::string> ids_in(const std::filesystem::path& path, ReadCounts* counts = nullptr) {
  std::vector<std::string> ids;
  const ReadCounts read = read_events(path, {}, [&](const Event& event) { ids.emplace_back(event.id); });
  if (counts != nullptr) *counts = read;
  return ids;
}

TEST(ZippedEvents, EveryEntryReadsAsItsPlainFile) {
  std::string plain;
  for (int k = 1; k <= 2000; ++k) {
    plain += gdelt2_row(std::to_string(k), "20201113", "USA", "USA", "PAK", "PAK", k % 2 == 0 ? "043" : "190");
  }
  const std::string icews = icews_header() + icews_row("i1", "2018-06-01", "A", "Government", "Pakistan", "040", "1",
                                                       "B", "Government", "India");
  const TempFile text("plain.CSV", plain);
  const std::vector<std::string> expected = ids_in(text.path());
  ASSERT_EQ(expected.size(), 2000U);
  for (const bool deflate : {true, false}) {
    for (const bool descriptor : {false, true}) {
      if (!deflate && descriptor) continue;  // a stored entry needs its size up front
      const TempFile zip("events.zip", test::zip_archive({{"20201113000000.export.CSV", plain, deflate, descriptor},
                                                          {"icews.tab", icews, deflate, descriptor}}));
      ReadCounts counts;
      std::vector<std::string> ids = ids_in(zip.path(), &counts);
      ASSERT_EQ(ids.size(), 2001U) << deflate << descriptor;
      EXPECT_EQ(ids.back(), "i1");  // each entry told its own layout
      ids.pop_back();
      EXPECT_EQ(ids, expected);
      EXPECT_EQ(counts.rows, 2001U);
      EXPECT_EQ(counts.bytes, plain.size() + icews.size());
    }
  }
}

TEST(ZippedEvents, Zip64FoldersAndMacResourceForks) {
  const std::string rows = gdelt2_row("1", "20201113", "USA", "USA", "PAK", "PAK", "043") +
                           gdelt2_row("2", "20201113", "USA", "USA", "PAK", "PAK", "190");
  // Info-ZIP from a pipe: zip64 sizes and a descriptor with 8-byte sizes, whatever the data's size.
  for (const bool descriptor : {false, true}) {
    for (const bool deflate : {true, false}) {
      if (descriptor && !deflate) continue;
      const TempFile zip("zip64.zip", test::zip_archive({{"piped.CSV", rows, deflate, descriptor, true}}));
      EXPECT_EQ(ids_in(zip.path()), (std::vector<std::string>{"1", "2"})) << descriptor << deflate;
    }
  }
  // A folder and macOS's resource fork are read past; only the events file counts.
  const TempFile mac("mac.zip", test::zip_archive({{"events/", "", false},
                                                   {"events/a.CSV", rows},
                                                   {"__MACOSX/events/._a.CSV", std::string("\0\5\26\7 binary", 11)}}));
  ReadCounts counts;
  EXPECT_EQ(ids_in(mac.path(), &counts), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(counts.bytes, rows.size());
  const TempFile empty("folders.zip", test::zip_archive({{"events/", "", false}}));
  try {
    (void)ids_in(empty.path());
    FAIL() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_NE(error.diagnostics().front().to_string().find("no entries"), std::string::npos);
  }
}

TEST(ZippedEvents, ARowsMistakeNamesTheEntry) {
  const std::string rows = gdelt2_row("1", "20201113", "USA", "USA", "PAK", "PAK", "043") +
                           gdelt2_row("2", "20201131", "USA", "USA", "PAK", "PAK", "043");
  const TempFile zip("bad.zip", test::zip_archive({{"15min.export.CSV", rows}}));
  try {
    (void)ids_in(zip.path());
    FAIL() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.diagnostics().front().to_string(),
              zip.path().string() + ":15min.export.CSV:2:3: SQLDATE: '20201131' is not a day of the calendar");
  }
}

TEST(ZippedEvents, ATruncatedOrCorruptArchiveIsAnErrorNotFewerEvents) {
  std::string rows;
  for (int k = 1; k <= 500; ++k) rows += gdelt2_row(std::to_string(k), "20201113", "USA", "USA", "PAK", "PAK", "043");
  const std::string good = test::zip_archive({{"a.CSV", rows}});
  const auto message = [](const std::string& bytes) -> std::string {
    const TempFile zip("corrupt.zip", bytes);
    try {
      (void)ids_in(zip.path());
    } catch (const ScenarioError& error) {
      return error.diagnostics().front().to_string();
    }
    return "no error";
  };
  EXPECT_NE(message(good.substr(0, good.size() / 2)).find("a truncated download?"), std::string::npos);
  // A byte of a stored entry changed: its CRC-32 no longer matches.
  std::string stored = test::zip_archive({{"a.CSV", rows, false}});
  stored[stored.find("USA")] = 'X';
  EXPECT_NE(message(stored).find("entry a.CSV: CRC-32"), std::string::npos) << message(stored);
  // Deflated data broken in the middle.
  std::string broken = good;
  for (std::size_t k = 100; k < 140; ++k) broken[k] = static_cast<char>(0xFF);
  EXPECT_NE(message(broken).find("not a zip archive parley can read"), std::string::npos) << message(broken);
  EXPECT_NE(message("PK\x03\x04").find("not a zip archive parley can read"), std::string::npos);
}

}  // namespace
}  // namespace parley::io::events

namespace parley::io::events {
namespace {

TEST(EventOptionNames, EveryValueHasANameThatParsesBack) {
  for (const auto value : {Format::gdelt2, Format::gdelt1, Format::icews})
    EXPECT_EQ(parse_format(to_string(value)), value);
  for (const auto value : {GoldsteinTable::gdelt, GoldsteinTable::icews, GoldsteinTable::phoenix}) {
    EXPECT_EQ(parse_goldstein_table(to_string(value)), value);
  }
  for (const auto value : {QuadConvention::gdelt, QuadConvention::standard, QuadConvention::phoenix}) {
    EXPECT_EQ(parse_quad_convention(to_string(value)), value);
  }
  for (const auto value : {Period::day, Period::week, Period::month, Period::year}) {
    EXPECT_EQ(parse_period(to_string(value)), value);
  }
  for (const auto value : {Dedup::none, Dedup::day, Dedup::url}) EXPECT_EQ(parse_dedup(to_string(value)), value);
  EXPECT_EQ(to_string(Period::week), "week");
  EXPECT_FALSE(parse_dedup("Day"));
  EXPECT_FALSE(parse_format(""));
}

}  // namespace
}  // namespace parley::io::events

namespace parley::io::events {
namespace {

TEST(EventFiles, ALineWithoutEndIsRefusedNotHeldWhole) {
  // 65 MB of one line (as a deflated zip entry: a few hundred kilobytes on disk, a "zip bomb").
  const std::string good = test::gdelt2_row("1", "20201113", "USA", "USA", "PAK", "PAK", "043");
  const test::TempFile zip("long.zip", test::zip_archive({{"a.CSV", good + std::string(std::size_t{65} << 20, 'x')}}));
  try {
    (void)read_events(zip.path(), {}, [](const Event&) {});
    FAIL() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.diagnostics().front().to_string(),
              zip.path().string() +
                  ":a.CSV:2:1: line: a line of more than 64 MB: not a file of event rows (a binary file, or one "
                  "without line ends?)");
  }
}

}  // namespace
}  // namespace parley::io::events

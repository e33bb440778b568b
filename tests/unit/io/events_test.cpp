// The event reader's rows and errors, CAMEO's lookups, periods and the aggregation's rules.

#include "parley/io/events.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/errors.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/validate.hpp"
#include "support/events.hpp"

namespace parley::io::events {
namespace {

using test::gdelt2_row;

// The number of events read (an event's views die with the call that receives it).
std::size_t read_all(const std::string& text, ReadOptions options = {}) {
  std::size_t count = 0;
  (void)read_event_text(text, "t.tsv", options, [&](const Event&) { ++count; });
  return count;
}

TEST(EventReader, ReadsGdelt2RowsAsTextCodes) {
  std::size_t count = 0;
  const std::string text = gdelt2_row("1", "20201113", "USAGOV", "USA", "PAKMIL", "PAK", "0311") +
                           gdelt2_row("2", "20201114", "CHN", "CHN", "USA", "USA", "010");
  const auto counts = read_event_text(text, "t.tsv", {}, [&](const Event& event) {
    ++count;
    if (event.line == 1) {
      EXPECT_EQ(event.source.code, "USAGOV");
      EXPECT_EQ(event.target.country, "PAK");
      EXPECT_EQ(event.event_code, "0311");  // leading zero kept
      EXPECT_EQ(event.date, (Date{2020, 11, 13}));
      EXPECT_TRUE(event.is_root);
      EXPECT_EQ(event.mentions, 2);
      EXPECT_DOUBLE_EQ(event.tone, -1.5);
      EXPECT_EQ(event.action_country, "PK");
      EXPECT_EQ(event.url, "http://example.org/a");
    } else {
      EXPECT_EQ(event.event_code, "010");
    }
  });
  EXPECT_EQ(count, 2U);
  EXPECT_EQ(counts.rows, 2U);
  EXPECT_EQ(counts.bytes, text.size());
}

TEST(EventReader, ABadRowIsReportedAtItsLineColumnAndKey) {
  const std::string good = gdelt2_row("1", "20201113", "USA", "USA", "PAK", "PAK", "043");
  const auto error_of = [](const std::string& text) -> std::string {
    try {
      (void)read_all(text);
    } catch (const ScenarioError& error) {
      return error.diagnostics().front().to_string();
    }
    return "no error";
  };
  // A bad date, a code that lost its leading zero to a number format, a missing column.
  std::string text = good + gdelt2_row("2", "20201131", "USA", "USA", "PAK", "PAK", "043");
  EXPECT_EQ(error_of(text), "t.tsv:2:3: SQLDATE: '20201131' is not a day of the calendar");
  text = good + gdelt2_row("2", "20201113", "USA", "USA", "PAK", "PAK", "43a");
  EXPECT_NE(error_of(text).find("t.tsv:2:"), std::string::npos);
  EXPECT_NE(error_of(text).find("EventCode: '43a' is not a CAMEO event code"), std::string::npos);
  // A code whose leading zero was lost: 043 read as a number is 43, its root 04 is 4.
  std::string lost = gdelt2_row("2", "20201113", "USA", "USA", "PAK", "PAK", "043");
  lost.replace(lost.find("\t043\t043\t04\t"), 13, "\t43\t43\t4\t");
  EXPECT_NE(error_of(good + lost).find("EventRootCode: root code '4' does not begin event code '43'"),
            std::string::npos)
      << error_of(good + lost);
  text = good + good.substr(0, good.rfind('\t')) + "\n";
  EXPECT_EQ(error_of(text), "t.tsv:2:1: columns: 60 columns where GDELT 2.0 has 61");
  EXPECT_NE(error_of("a\tb\tc\n").find("t.tsv:1:1: format: 3 tab-separated columns"), std::string::npos);
  // Under skip_bad the bad rows are counted, the good ones read.
  text = good + gdelt2_row("2", "2020111", "USA", "USA", "PAK", "PAK", "043") + good;
  std::size_t rows = 0;
  const auto counts = read_event_text(text, "t.tsv", {.skip_bad = true}, [&](const Event&) { ++rows; });
  EXPECT_EQ(rows, 2U);
  EXPECT_EQ(counts.skipped, 1U);
}

TEST(EventReader, ReadsTheHeadedGdelt1Export) {
  const std::string text =
      "\"GLOBALEVENTID\",\"SQLDATE\",\"Actor1Code\",\"Actor1Name\",\"Actor1CountryCode\",\"Actor1KnownGroupCode\","
      "\"Actor1Type1Code\",\"Actor1Type2Code\",\"Actor1Type3Code\",\"Actor2Code\",\"Actor2Name\",\"Actor2CountryCode\","
      "\"Actor2KnownGroupCode\",\"Actor2Type1Code\",\"Actor2Type2Code\",\"Actor2Type3Code\",\"IsRootEvent\","
      "\"EventCode\",\"EventBaseCode\",\"EventRootCode\",\"QuadClass\",\"GoldsteinScale\",\"NumMentions\","
      "\"NumSources\",\"NumArticles\",\"AvgTone\",\"ActionGeo_CountryCode\",\"DATEADDED\"\n"
      "7,20120401,\"RUS\",\"RUSSIA, \"\"THE\"\"\",\"RUS\",NA,NA,NA,NA,\"GEO\",\"\"\"GEORGIA\"\" IN A LONG "
      "NAME\",\"GEO\","
      "NA,NA,NA,NA,1,"
      "\"190\",\"190\",\"19\",4,-10,3,1,3,-4.5,\"GG\",20130203\n";
  std::size_t count = 0;
  (void)read_event_text(text, "g.csv", {}, [&](const Event& event) {
    ++count;
    EXPECT_EQ(event.source.name, "RUSSIA, \"THE\"");             // quotes doubled inside a quoted field
    EXPECT_EQ(event.target.name, "\"GEORGIA\" IN A LONG NAME");  // a second one leaves the first in place
    EXPECT_EQ(event.source.known_group, "");                     // NA is empty
    EXPECT_EQ(event.event_code, "190");
    EXPECT_EQ(event.action_country, "GG");
    EXPECT_EQ(event.url, "");  // before April 2013 GDELT 1.0 has no SOURCEURL
  });
  EXPECT_EQ(count, 1U);
}

TEST(Cameo, GoldsteinTablesAndQuadConventionsDiffer) {
  const Cameo& cameo = Cameo::embedded();
  EXPECT_EQ(*cameo.goldstein("016", GoldsteinTable::gdelt), -2.0);
  EXPECT_EQ(*cameo.goldstein("016", GoldsteinTable::icews), -5.0);
  EXPECT_FALSE(cameo.goldstein("019", GoldsteinTable::phoenix));  // Phoenix has no weight for it
  EXPECT_FALSE(cameo.known("43"));                                // not 043: codes are text
  EXPECT_TRUE(cameo.known("043"));
  EXPECT_EQ(*cameo.quad("09", QuadConvention::gdelt), 2);
  EXPECT_EQ(*cameo.quad("09", QuadConvention::standard), 3);
  EXPECT_EQ(*cameo.quad("01", QuadConvention::phoenix), 0);
  EXPECT_EQ(*cameo.quad("16", QuadConvention::phoenix), 3);
  EXPECT_THROW((void)Cameo::parse("header\n01\t01\n", "c.tsv"), ScenarioError);
}

TEST(EventPeriods, IsoWeeksMonthsAndYears) {
  EXPECT_EQ(period_of({2020, 11, 13}, Period::week), "2020-W46");
  EXPECT_EQ(period_of({2021, 1, 1}, Period::week), "2020-W53");    // a Friday: 2020's last week
  EXPECT_EQ(period_of({2018, 12, 31}, Period::week), "2019-W01");  // a Monday: 2019's first week
  EXPECT_EQ(period_of({2023, 1, 2}, Period::week), "2023-W01");
  EXPECT_EQ(period_of({2020, 11, 13}, Period::day), "2020-11-13");
  EXPECT_EQ(period_of({2020, 11, 13}, Period::month), "2020-11");
  EXPECT_EQ(period_of({2020, 11, 13}, Period::year), "2020");
}

TEST(EventAggregation, DuplicatesByDayOrUrlAndTheCountsOfWhatIsLeftOut) {
  const std::string text = gdelt2_row("1", "20201113", "CHNGOV", "CHN", "USA", "USA", "0311", "u1") +
                           gdelt2_row("2", "20201113", "CHNGOV", "CHN", "USA", "USA", "0311", "u2") +  // same day
                           gdelt2_row("3", "20201114", "CHNGOV", "CHN", "USA", "USA", "0311", "u2") +  // next day
                           gdelt2_row("4", "20201114", "CHN", "CHN", "", "", "190") +                  // no target
                           gdelt2_row("5", "20201114", "CHN", "CHN", "CHNMIL", "CHN", "190") +         // within
                           gdelt2_row("6", "20201114", "IND", "IND", "PAK", "PAK", "190");             // other
  const auto run = [&](Dedup dedup) {
    AggregateOptions options;
    options.dedup = dedup;
    options.period = Period::year;
    options.dyads = {{"CHN", "USA"}};
    Aggregator aggregator(options);
    (void)read_event_text(text, "t.tsv", {}, [&](const Event& event) { aggregator.add(event); });
    return std::make_pair(aggregator.result(), aggregator.counts());
  };
  const auto [none, none_counts] = run(Dedup::none);
  ASSERT_EQ(none.size(), 1U);
  EXPECT_EQ(none[0].events, 3U);
  EXPECT_NEAR(none[0].goldstein_sum, 3 * 5.2, 1e-12);
  EXPECT_EQ(none_counts.without_actor, 1U);
  EXPECT_EQ(none_counts.same_actor, 1U);
  EXPECT_EQ(none_counts.other_dyads, 1U);
  const auto [day, day_counts] = run(Dedup::day);
  EXPECT_EQ(day[0].events, 2U);
  EXPECT_EQ(day[0].events_before_dedup, 3U);
  EXPECT_EQ(day_counts.duplicates, 1U);
  const auto [url, url_counts] = run(Dedup::url);
  EXPECT_EQ(url[0].events, 2U);
  EXPECT_EQ(url[0].quad[1], 2U);
  EXPECT_EQ(url[0].net_cooperation(), 2);
  EXPECT_EQ(dyads_csv(url),
            "source,target,period,events,goldstein_sum,goldstein_mean,verbal_coop,material_coop,verbal_conflict,"
            "material_conflict,net_coop,neutral,events_before_dedup,goldstein_sum_before_dedup,weighted\n"
            "CHN,USA,2020,2,10.4,5.2,2,0,0,0,2,0,3,15.6,2\n");
}

// After the scenario's start a shift in a dyad's events becomes a dated event that sets the
// affinity; the changed scenario validates, and a pair the scenario has no relation for gets one.
TEST(EventSuggestions, AChangePointAfterTheStartIsADatedEvent) {
  const auto* embedded = find_embedded(kDefaultScenario);
  ASSERT_NE(embedded, nullptr);
  const Scenario scenario = read_scenario_yaml(embedded->text, "pakistan-2023", {}).scenario;
  std::string text;
  for (int day = 1; day <= 6; ++day) {  // cooperation in March 2022 (0311: +5.2) ...
    text += gdelt2_row(std::to_string(day), "202203" + std::string(day < 10 ? "0" : "") + std::to_string(day), "USAGOV",
                       "USA", "PAKGOV", "PAK", "0311");
  }
  for (int day = 10; day <= 16; ++day) {  // ... then threats (138: -7.0)
    text += gdelt2_row(std::to_string(day), "202203" + std::to_string(day), "USAGOV", "USA", "PAKGOV", "PAK", "138");
  }
  for (int day = 1; day <= 5; ++day) {  // and a pair the scenario has no relation for
    text += gdelt2_row("r" + std::to_string(day), "2022040" + std::to_string(day), "RUS", "RUS", "IND", "IND", "0311");
  }
  Suggester suggester(scenario, {});
  (void)read_event_text(text, "t.tsv", {}, [&](const Event& event) { suggester.add(event); });
  const auto suggestions = suggester.suggestions();
  ASSERT_EQ(suggestions.size(), 2U);
  const Suggestion& rus = suggestions[0];
  EXPECT_EQ(rus.from, "RUS");
  EXPECT_EQ(rus.kind, Suggestion::Kind::start_value);  // no such relation: added at the start
  EXPECT_FALSE(rus.current);
  EXPECT_DOUBLE_EQ(rus.proposed, 0.52);
  const Suggestion& usa = suggestions[1];
  EXPECT_EQ(usa.kind, Suggestion::Kind::event);
  EXPECT_EQ(usa.date, (Date{2022, 3, 10}));  // the first day after the change point
  EXPECT_EQ(usa.evidence.size(), 7U);
  EXPECT_DOUBLE_EQ(usa.proposed, -0.7);
  ASSERT_TRUE(usa.current);
  EXPECT_DOUBLE_EQ(*usa.current, 0.4);
  const Scenario changed = apply_suggestions(scenario, suggestions, {"t.tsv"});
  EXPECT_TRUE(validate(changed, Locator{}, {.strict = true}).ok());
  EXPECT_EQ(changed.events.size(), scenario.events.size() + 1);
  EXPECT_EQ(changed.relations.size(), scenario.relations.size() + 1);
  EXPECT_EQ(changed.sources.back().id, "events");
  // Neither goes into the what-if patch: a new relation and a dated event are in the changed scenario only.
  EXPECT_EQ(suggestions_patch(suggestions).find("relations."), std::string::npos);
}

TEST(ActorMaps, TheFirstMatchingActorTakesTheSideWithinItsDates) {
  const ActorMap map = read_actor_map(
      "parley_event_map: 1\n"
      "actors:\n"
      "  - id: TTP\n"
      "    match: [{country: PAK, known_group: TAL}, {name: pakistani taliban}]\n"
      "  - id: AFG\n"
      "    match: [{known_group: TAL, until: 2021-08-14}, {country: AFG, from: 2021-08-15}]\n"
      "  - id: PAK\n"
      "    match: [{country: PAK}]\n",
      "m.yaml");
  const auto actor = [](std::string_view country, std::string_view group, std::string_view name = "") {
    return EventActor{"X", name, country, group, "", "", ""};
  };
  const Date before{2021, 1, 1};
  const Date after{2022, 1, 1};
  EXPECT_EQ(map.actor_of(actor("PAK", "TAL"), after), "TTP");                     // before PAK: the group wins
  EXPECT_EQ(map.actor_of(actor("", "", "The Pakistani Taliban"), after), "TTP");  // a part of the name, any case
  EXPECT_EQ(map.actor_of(actor("PAK", ""), after), "PAK");
  EXPECT_EQ(map.actor_of(actor("AFG", "TAL"), before), "AFG");  // the insurgency
  EXPECT_FALSE(map.actor_of(actor("AFG", ""), before));         // the republic: not an actor
  EXPECT_EQ(map.actor_of(actor("AFG", ""), after), "AFG");      // the Taliban government
  EXPECT_FALSE(map.actor_of(actor("USA", ""), after));
  const auto* shipped = embedded_actor_map("pakistan-2023");
  ASSERT_NE(shipped, nullptr);
  EXPECT_EQ(shipped->actors.size(), 9U);
  const Scenario scenario = read_scenario_yaml(find_embedded(kDefaultScenario)->text, "pakistan-2023", {}).scenario;
  EXPECT_TRUE(unknown_actors(*shipped, scenario).empty());
  EXPECT_EQ(unknown_actors(map, Scenario{}), (std::vector<std::string>{"TTP", "AFG", "PAK"}));
}

TEST(ActorMaps, EveryMistakeIsLocated) {
  const auto errors_of = [](const std::string& text) {
    std::string all;
    try {
      (void)read_actor_map(text, "m.yaml");
    } catch (const ScenarioError& error) {
      for (const auto& diagnostic : error.diagnostics()) all += diagnostic.to_string() + "\n";
    }
    return all;
  };
  const std::string errors = errors_of(
      "parley_event_map: 1\n"
      "actors:\n"
      "  - id: TTP\n"
      "    match: [{countri: PAK}, {from: 2021-01-01}, {country: PAK, from: 2021-02-01, until: 2021-01-01}]\n"
      "  - id: PAK\n"
      "    match: [{country: PAK, from: 2021-02-30}]\n");
  EXPECT_NE(errors.find("m.yaml:4:"), std::string::npos) << errors;
  EXPECT_NE(errors.find("countri"), std::string::npos) << errors;
  EXPECT_NE(errors.find("a rule needs one of country"), std::string::npos) << errors;
  EXPECT_NE(errors.find("ends before 'from'"), std::string::npos) << errors;
  EXPECT_NE(errors.find("m.yaml:6:"), std::string::npos) << errors;
  EXPECT_NE(errors_of("parley_event_map: 2\nactors: []\n").find("version 2"), std::string::npos);
  EXPECT_NE(errors_of("").find("the file is empty"), std::string::npos);
  EXPECT_NE(errors_of("actors: [\n").find("YAML syntax error"), std::string::npos);
}

// Duplicates are found within a dyad: two events alike but for a name the map reads are two events.
TEST(EventAggregation, EventsAMapSendsToDifferentActorsAreNotDuplicates) {
  const ActorMap map = read_actor_map(
      "parley_event_map: 1\nactors:\n  - id: PTI\n    match: [{name: imran khan}]\n"
      "  - id: PAK\n    match: [{country: PAK}]\n  - id: USA\n    match: [{country: USA}]\n",
      "m.yaml");
  std::string text = gdelt2_row("1", "20220501", "PAK", "PAK", "USA", "USA", "0311") +
                     gdelt2_row("2", "20220501", "PAK", "PAK", "USA", "USA", "0311");
  const std::string plain = "\tPAK\t\tPAK\t";  // Actor1Code, an empty Actor1Name, Actor1CountryCode
  text.replace(text.rfind(plain), plain.size(), "\tPAK\tIMRAN KHAN\tPAK\t");  // the second event's name
  AggregateOptions options;
  options.map = &map;
  Aggregator aggregator(options);
  (void)read_event_text(text, "t.tsv", {}, [&](const Event& event) { aggregator.add(event); });
  EXPECT_EQ(aggregator.counts().duplicates, 0U);
  ASSERT_EQ(aggregator.result().size(), 2U);
  EXPECT_EQ(aggregator.result()[0].source, "PAK");
  EXPECT_EQ(aggregator.result()[1].source, "PTI");
}

}  // namespace
}  // namespace parley::io::events

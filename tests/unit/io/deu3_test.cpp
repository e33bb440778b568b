// Reading delimited tables and DEU data: quoting, line endings, the capability row, empty cells,
// and every kind of malformed row reported at its line, column and column name.

#include "io/deu3.hpp"

#include <gtest/gtest.h>

#include "io/delimited.hpp"
#include "parley/io/importers.hpp"
#include "parley/errors.hpp"

namespace parley::io {
namespace {

// A small DEU-style table: three actors, two proposals (three issues), a capability row.
std::string table(const std::string& rows) {
  return "prnr\tisnr\tprname\tintro\tpcom\tpfr\tpde\tscom\tsfr\tsde\trp\tout\n"
         "\t\t\t\t4.1\t2.8\t4.1\t\t\t\t\t\n" +
         rows;
}

const std::string kRows =
    "d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t60\n"
    "d1\td1i2\tcars\t26-01-00\t0\t100\t50\t\t20\t90\t\t\n"
    "d2\td2i1\tfish\t2014-07-04\t30\t70\t10\t50\t50\t50\t30\t35\n";

std::vector<Diagnostic> errors_of(const std::string& text) {
  try {
    (void)read_deu3(text, "t.tsv");
  } catch (const ScenarioError& error) {
    return error.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError";
  return {};
}

std::string first_error(const std::string& text) {
  const auto errors = errors_of(text);
  return errors.empty() ? "" : errors.front().to_string();
}

// Every row's introduction date is read: a bad one, or one that disagrees with the proposal's first row.
TEST(Deu3, EveryRowsIntroductionDateIsChecked) {
  EXPECT_EQ(first_error(table("d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t60\n"
                              "d1\td1i2\tcars\t31-02-00\t0\t100\t50\t\t20\t90\t\t\n")),
            "t.tsv:4:14: intro: '31-02-00' is not a date; write DD-MM-YY or DD-MM-YYYY (or YYYY-MM-DD for a DD-MM-YY "
            "date a spreadsheet misread)");
  EXPECT_EQ(first_error(table("d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t60\n"
                              "d1\td1i2\tcars\t27-01-00\t0\t100\t50\t\t20\t90\t\t\n")),
            "t.tsv:4:14: intro: the proposal 'd1' was introduced on 2000-01-26 (line 3), not on 2000-01-27");
}

// Proposal ids an importer turns into the same name keep apart: no scenario overwrites another.
TEST(Deu3, ProposalsWhoseNamesCollideAreToldApart) {
  const auto scenarios =
      import_text(find_import_format("deu3"),
                  table("x.y\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t60\n"
                        "x_y\td2i1\tfish\t2014-07-04\t30\t70\t10\t50\t50\t50\t30\t35\n"
                        "x-y\td3i1\tfish\t2014-07-04\t30\t70\t10\t50\t50\t50\t30\t35\n"),
                  "t.tsv");
  ASSERT_EQ(scenarios.size(), 3U);
  EXPECT_EQ(scenarios[0].name, "x_y");
  EXPECT_EQ(scenarios[1].name, "x_y-2");
  EXPECT_EQ(scenarios[2].name, "x-y");
}

TEST(Delimited, QuotesLineEndingsAndColumns) {
  const auto records = read_delimited("a\t\"b\tc\"\t\"say \"\"hi\"\"\"\r\nx\ty\rz", '\t', "f");
  ASSERT_EQ(records.size(), 3u);
  ASSERT_EQ(records[0].cells.size(), 3u);
  EXPECT_EQ(records[0].cells[1].text, "b\tc");
  EXPECT_EQ(records[0].cells[2].text, "say \"hi\"");
  EXPECT_EQ(records[0].cells[2].column, 9);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[1].cells[1].text, "y");
  EXPECT_EQ(records[2].line, 3);  // a lone CR ends a line too
  EXPECT_EQ(records[2].cells[0].text, "z");
}

TEST(Delimited, ColumnsCountCharactersNotBytes) {
  const auto records = read_delimited("Türkiye,پاکستان,x", ',', "f");
  EXPECT_EQ(records[0].cells[1].column, 9);
  EXPECT_EQ(records[0].cells[2].column, 17);
}

TEST(Delimited, UnclosedQuoteIsLocated) {
  try {
    (void)read_delimited("a,b\nc,\"d,e\n", ',', "f.csv");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.diagnostics().front().to_string(), "f.csv:2:3: this quoted cell is never closed");
  }
}

TEST(Delimited, NumbersAreWholeCellsAndFinite) {
  EXPECT_EQ(parse_number("42.5"), 42.5);
  EXPECT_EQ(parse_number("+3"), 3.0);
  EXPECT_FALSE(parse_number("").has_value());
  EXPECT_FALSE(parse_number("12abc").has_value());
  EXPECT_FALSE(parse_number("nan").has_value());
  EXPECT_FALSE(parse_number("inf").has_value());
}

TEST(Deu3, OneScenarioPerProposal) {
  const auto scenarios = read_deu3(table(kRows), "t.tsv");
  ASSERT_EQ(scenarios.size(), 2u);
  const Scenario& cars = scenarios[0].scenario;
  EXPECT_EQ(scenarios[0].name, "d1");
  EXPECT_EQ(cars.as_of.to_string(), "2000-01-26");
  ASSERT_EQ(cars.issues.size(), 2u);
  EXPECT_EQ(cars.issues[0].status_quo, 0.0);
  EXPECT_EQ(cars.issues[0].outcome, 60.0);
  EXPECT_FALSE(cars.issues[1].status_quo.has_value());
  EXPECT_FALSE(cars.issues[1].outcome.has_value());  // no outcome: kept, and a backtest skips it
  ASSERT_EQ(cars.actors.size(), 3u);
  EXPECT_EQ(cars.actors[0].id, "com");
  EXPECT_EQ(cars.actors[0].capability, 4.1);
  EXPECT_EQ(cars.actors[0].kind, ActorKind::organisation);
  EXPECT_EQ(cars.actors[1].name, "France");
  // com has a position on d1i2 but no salience: salience 0.
  ASSERT_NE(cars.actors[0].stance_on("d1i2"), nullptr);
  EXPECT_EQ(cars.actors[0].stance_on("d1i2")->salience, 0.0);
  EXPECT_EQ(cars.actors[1].stance_on("d1i1")->salience, 0.8);
  // de has no position on d1i1: no stance there.
  EXPECT_EQ(cars.actors[2].stance_on("d1i1"), nullptr);
  // "2014-07-04" is 14-07-04 misread by a spreadsheet: 14 July 2004.
  EXPECT_EQ(scenarios[1].scenario.as_of.to_string(), "2004-07-14");
}

TEST(Deu3, QuotedCellsAndCrlfReadTheSame) {
  std::string quoted = table(kRows);
  std::string crlf;
  for (const char c : quoted) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  std::string with_quotes = "\"prnr\"\t\"isnr\"" + crlf.substr(crlf.find('\t', 5));
  const auto plain = read_deu3(table(kRows), "t.tsv");
  const auto other = read_deu3(with_quotes, "t.tsv");
  ASSERT_EQ(plain.size(), other.size());
  for (std::size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(plain[i].scenario.issues, other[i].scenario.issues);
}

TEST(Deu3, PositionOutOfRange) {
  const std::string rows = "d1\td1i1\tcars\t26-01-00\t100\t140\t\t50\t80\t\t0\t60\n";
  EXPECT_EQ(first_error(table(rows)), "t.tsv:3:27: pfr: the position 140 is outside [0, 100]");
}

TEST(Deu3, NonNumericCell) {
  const std::string rows = "d1\td1i1\tcars\t26-01-00\t100\t40\t\t5O\t80\t\t0\t60\n";
  EXPECT_EQ(first_error(table(rows)), "t.tsv:3:31: scom: the salience '5O' is not a number");
}

TEST(Deu3, OutcomeOutOfRangeAndNonNumeric) {
  const std::string rows =
      "d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t600\n"
      "d1\td1i2\tcars\t26-01-00\t100\t40\t\t50\t80\t\tx\t60\n";
  const auto errors = errors_of(table(rows));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].to_string(), "t.tsv:3:40: out: the outcome 600 is outside [0, 100]");
  EXPECT_EQ(errors[1].to_string(), "t.tsv:4:38: rp: the reference point 'x' is not a number");
}

TEST(Deu3, RowMissingTheOutcomeColumn) {
  const std::string rows = "d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\n";
  const std::string error = first_error(table(rows));
  EXPECT_EQ(error.substr(0, 47), "t.tsv:3:39: out: the row ends before column 'ou");
}

TEST(Deu3, RowWithTooManyCells) {
  const std::string rows = "d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t60\t7\n";
  EXPECT_EQ(first_error(table(rows)), "t.tsv:3:43: the row has 13 cells but the header has 12 columns");
}

TEST(Deu3, HeaderWithoutTheOutcomeColumn) {
  const std::string text = "prnr\tisnr\tintro\tpcom\tscom\tot\n\t\t\t1\t\t\n";
  EXPECT_EQ(first_error(text), "t.tsv:1:1: out: the header has no 'out' column (did you mean 'ot'?)");
}

TEST(Deu3, PositionWithoutSalienceColumn) {
  const std::string text = "prnr\tisnr\tintro\tpcom\tpfr\tscom\tout\n\t\t\t1\t1\t\t\n";
  EXPECT_EQ(first_error(text), "t.tsv:1:22: pfr: the position column 'pfr' has no salience column 'sfr'");
}

TEST(Deu3, MissingCapabilityRow) {
  const std::string text =
      "prnr\tisnr\tintro\tpcom\tscom\tout\n"
      "d1\td1i1\t26-01-00\t50\t50\t40\n";
  EXPECT_EQ(first_error(text).substr(0, 42), "t.tsv:2:1: prnr: expected the capability r");
}

TEST(Deu3, EmptyCapability) {
  const std::string text =
      "prnr\tisnr\tintro\tpcom\tpfr\tscom\tsfr\tout\n"
      "\t\t\t\t2.8\t\t\t\n"
      "d1\td1i1\t26-01-00\t50\t50\t50\t50\t40\n";
  EXPECT_EQ(first_error(text), "t.tsv:2:4: pcom: the capability row has no capability for 'com'");
}

TEST(Deu3, DuplicateIssueAndBadDate) {
  const std::string rows =
      "d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t60\n"
      "d1\td1i1\tcars\t26-01-00\t100\t40\t\t50\t80\t\t0\t60\n"
      "d2\td2i1\tfish\t31-02-00\t100\t40\t\t50\t80\t\t0\t60\n";
  const auto errors = errors_of(table(rows));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].to_string(), "t.tsv:4:4: isnr: the issue 'd1i1' appears twice (first on line 3)");
  EXPECT_EQ(errors[1].to_string().substr(0, 45), "t.tsv:5:14: intro: '31-02-00' is not a date; ");
}

TEST(Deu3, EveryProblemReportedOnce) {
  const std::string rows =
      "d1\td1i1\tcars\t26-01-00\t-5\t40\t\t50\t80\t\t0\t60\n"
      "d1\td1i2\tcars\t26-01-00\t100\t40\t\t50\t180\t\t0\t60\n";
  EXPECT_EQ(errors_of(table(rows)).size(), 2u);
}

}  // namespace
}  // namespace parley::io

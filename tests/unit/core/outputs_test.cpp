// Typed model outputs: a cell is written as the CSV file holds it, a table expands its per-issue
// columns, and every model's declarations hang together.

#include "parley/outputs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "parley/registry.hpp"

namespace parley {
namespace {

TEST(Cell, IsWrittenAsTheCsvHoldsIt) {
  EXPECT_EQ(Cell{}.text(), "");
  EXPECT_EQ(Cell{7}.text(), "7");
  EXPECT_EQ(Cell{std::size_t{12}}.text(), "12");
  EXPECT_EQ(Cell{-10.0}.text(), "-10");
  EXPECT_EQ(Cell{0.1}.text(), "0.1");
  EXPECT_EQ(Cell{1.0 / 3.0}.text(), "0.3333333333333333");
  EXPECT_EQ(Cell{std::numeric_limits<double>::quiet_NaN()}.text(), "");
  EXPECT_EQ(Cell{true}.text(), "true");
  EXPECT_EQ(Cell{"USA"}.text(), "USA");
  EXPECT_TRUE(Cell{}.empty());
  EXPECT_TRUE(Cell{std::numeric_limits<double>::quiet_NaN()}.empty());
  EXPECT_FALSE(Cell{0}.empty());
  EXPECT_EQ(Cell{3}.number(), 3.0);
  EXPECT_EQ(Cell{2.5}.number(), 2.5);
  EXPECT_FALSE(Cell{"2.5"}.number().has_value());
  EXPECT_TRUE(Cell{false} == "false");
  EXPECT_FALSE(Cell{1} == Cell{1.0});  // typed: an integer is not a real
}

// append_text writes what text() returns, after what `out` already holds.
TEST(Cell, AppendsItsTextAsTextGivesIt) {
  const std::vector<Cell> cells{Cell{},    Cell{-7},  Cell{std::int64_t{1} << 60},
                                Cell{0.1}, Cell{1e300}, Cell{-0.0},
                                Cell{std::numeric_limits<double>::quiet_NaN()},
                                Cell{std::numeric_limits<double>::infinity()},
                                Cell{false}, Cell{"a, \"b\""}};
  for (const Cell& cell : cells) {
    std::string out = "x";
    cell.append_text(out);
    EXPECT_EQ(out, "x" + cell.text());
  }
}

TEST(Table, PerIssueColumnsExpandOverTheIssues) {
  const TableSpec spec{"t",
                       "row",
                       "",
                       {{"turn", ColumnType::integer, "", "the turn"},
                        {"at", ColumnType::real, "issue scale", "where", true},
                        {"who", ColumnType::text, "", "who"}}};
  const Table table = make_table(spec, {"x", "y"});
  EXPECT_EQ(table.name, "t");
  EXPECT_EQ(table.header(), (std::vector<std::string>{"turn", "at:x", "at:y", "who"}));
  EXPECT_EQ(table.columns[1].type, ColumnType::real);
  EXPECT_FALSE(table.columns[1].per_issue);
  EXPECT_EQ(make_table(spec).header(), (std::vector<std::string>{"turn", "who"}));
}

// A model's indicator that lists trades must point at one of its tables and at columns it has; its
// key names actors and issues alternately.
TEST(Registry, IndicatorsPointAtDeclaredTablesAndColumns) {
  std::size_t checked = 0;
  for (const auto& info : model_registry()) {
    for (const auto& spec : info.indicators) {
      EXPECT_FALSE(spec.name.empty()) << info.name;
      EXPECT_FALSE(spec.item.empty()) << info.name;
      EXPECT_FALSE(spec.key.empty()) << info.name;
      if (!spec.trades) continue;
      ASSERT_EQ(spec.key.size(), 4u) << info.name;
      for (std::size_t k = 0; k < 4; ++k) EXPECT_EQ(spec.key[k].part, k % 2 == 0 ? KeyPart::actor : KeyPart::issue);
      const auto table = std::find_if(info.tables.begin(), info.tables.end(),
                                      [&](const TableSpec& t) { return t.name == spec.trades->table; });
      ASSERT_NE(table, info.tables.end()) << info.name << ": " << spec.trades->table;
      const auto has = [&](const std::string& column) {
        return std::any_of(table->columns.begin(), table->columns.end(),
                           [&](const Column& c) { return c.name == column; });
      };
      for (const auto& column : {spec.trades->round, spec.trades->order, spec.trades->gain}) {
        EXPECT_TRUE(has(column)) << column;
      }
      for (const auto& side : spec.trades->sides) {
        for (const auto& column : {side.actor, side.gives, side.from, side.to}) EXPECT_TRUE(has(column)) << column;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 1u);
}

}  // namespace
}  // namespace parley

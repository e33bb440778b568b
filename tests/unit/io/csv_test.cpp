// Tables written as CSV: typed cells as Cell::text() gives them, RFC 4180 quoting where a cell needs it.

#include <gtest/gtest.h>

#include <limits>

#include "parley/io/run_outputs.hpp"
#include "parley/outputs.hpp"

namespace parley::io {
namespace {

TEST(TableCsv, WritesEachCellAsItsTextQuotedWhereItMustBe) {
  Table table{"t",
              {{"name", ColumnType::text, "", ""},
               {"count", ColumnType::integer, "", ""},
               {"value", ColumnType::real, "", ""},
               {"flag", ColumnType::boolean, "", ""}},
              {}};
  table.rows.push_back({Cell{"USA"}, Cell{3}, Cell{0.1}, Cell{true}});
  table.rows.push_back({Cell{"a, \"b\""}, Cell{}, Cell{std::numeric_limits<double>::quiet_NaN()}, Cell{false}});
  table.rows.push_back({Cell{"two\nlines"}, Cell{-1}, Cell{1.0 / 3.0}, Cell{}});
  EXPECT_EQ(table_csv(table),
            "name,count,value,flag\n"
            "USA,3,0.1,true\n"
            "\"a, \"\"b\"\"\",,,false\n"
            "\"two\nlines\",-1,0.3333333333333333,\n");
}

}  // namespace
}  // namespace parley::io

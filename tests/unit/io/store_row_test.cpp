// The run store's rows: forecasts and codes as JSON text that read back to the same bits, and a
// checksum that any change to a row alters.

#include "io/store_row.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace parley::io {
namespace {

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(StoreRow, ValuesReadBackBitForBit) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> values{0.1,  1.0 / 3.0, -0.0,  5e-324, std::numeric_limits<double>::max(), 42.0,
                                   nan,  inf,       -inf, 1e-5,   -123.456};
  std::string text;
  encode_values(values, text);
  EXPECT_EQ(text.find(' '), std::string::npos);
  EXPECT_NE(text.find("null"), std::string::npos);
  const auto back = decode_values(text, values.size());
  ASSERT_TRUE(back.has_value()) << text;
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (std::isnan(values[k])) {
      EXPECT_TRUE(std::isnan((*back)[k]));
    } else {
      EXPECT_TRUE(same_bits(values[k], (*back)[k])) << k << ": " << text;
    }
  }
  encode_values({}, text);
  EXPECT_EQ(text, "[]");
  EXPECT_TRUE(decode_values(text, 0).has_value());
}

TEST(StoreRow, MalformedValuesAreRefused) {
  for (const char* text : {"", "[", "]", "[1,]", "[1,,2]", "[1 ,2]", "[1,2", "[1,2]x", "[nul]", "[1e999x]", "[abc]",
                           "{1,2}", "[1e400]", "[[1],2]"}) {
    EXPECT_FALSE(decode_values(text, 2).has_value()) << text;
  }
  EXPECT_FALSE(decode_values("[1,2,3]", 2).has_value());  // the wrong number of series
  EXPECT_TRUE(decode_values("[1,2]", 2).has_value());
}

TEST(StoreRow, CodesReadBack) {
  const std::vector<std::vector<std::uint64_t>> codes{{}, {0, 7, 18446744073709551615ULL}, {3}};
  std::string text;
  encode_codes(codes, text);
  EXPECT_EQ(text, "[[],[0,7,18446744073709551615],[3]]");
  EXPECT_EQ(decode_codes(text, 3), codes);
  EXPECT_FALSE(decode_codes(text, 2).has_value());
  for (const char* bad : {"[[1],", "[[1]", "[1]", "[[-1]]", "[[1.5]]", "[[18446744073709551616]]", "[[],[]]x"}) {
    EXPECT_FALSE(decode_codes(bad, 2).has_value()) << bad;
  }
}

TEST(StoreRow, TheChecksumSeesEveryChange) {
  const std::int64_t sum = row_checksum(7, "[1.5,2]", "[[3]]");
  EXPECT_EQ(sum, row_checksum(7, "[1.5,2]", "[[3]]"));
  EXPECT_NE(sum, row_checksum(8, "[1.5,2]", "[[3]]"));
  EXPECT_NE(sum, row_checksum(7, "[1.5,3]", "[[3]]"));
  EXPECT_NE(sum, row_checksum(7, "[1.5,2]", "[[4]]"));
  EXPECT_NE(sum, row_checksum(7, "[1.5,2][", "[3]]"));  // a byte moved from one text to the other
}

}  // namespace
}  // namespace parley::io

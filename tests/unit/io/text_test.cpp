// Every reader checks that its input is UTF-8 text first, and says where it is not.

#include "io/text.hpp"

#include <gtest/gtest.h>

#include "parley/errors.hpp"

namespace parley::io {
namespace {

std::string where(std::string_view text) {
  try {
    check_utf8(text, "f.yaml");
  } catch (const ScenarioError& error) {
    return error.diagnostics().front().to_string();
  }
  return "ok";
}

TEST(Utf8, WellFormedTextPasses) {
  EXPECT_EQ(where(""), "ok");
  EXPECT_EQ(where("plain ASCII\nlines\n"), "ok");
  EXPECT_EQ(where("\xEF\xBB\xBFwith a byte-order mark"), "ok");
  EXPECT_EQ(where("Pakistan \xE2\x80\x94 Islamabad, \xC3\xA9t\xC3\xA9, \xF0\x9F\x87\xB5 \xF4\x8F\xBF\xBF"), "ok");
}

TEST(Utf8, TheFirstBadByteIsReportedAtItsLineAndColumn) {
  EXPECT_EQ(where("title: bad \xFF"), "f.yaml:1:12: byte 0xFF is not UTF-8 text; save the file as UTF-8");
  // Columns count characters: the bad byte follows a two-byte and a three-byte character.
  EXPECT_EQ(where("a\n\xC3\xA9\xE2\x80\x94x\x80"), "f.yaml:2:4: byte 0x80 is not UTF-8 text; save the file as UTF-8");
  EXPECT_EQ(where(std::string_view("nul\n\n  \0x", 8)), "f.yaml:3:3: a NUL byte: the file is not text");
}

TEST(Utf8, MalformedSequencesAreRefused) {
  for (const char* bad : {
           "\xC0\xAF",          // overlong '/'
           "\xE0\x80\xAF",      // overlong, three bytes
           "\xED\xA0\x80",      // a UTF-16 surrogate, U+D800
           "\xF4\x90\x80\x80",  // above U+10FFFF
           "\xF5\x80\x80\x80",  // no such lead byte
           "\xE2\x80",          // cut short at the end
           "\xE2\x28\xA1",      // a continuation byte missing
           "\xBF",              // a lone continuation byte
       }) {
    EXPECT_NE(where(bad), "ok") << testing::PrintToString(std::string(bad));
  }
}

}  // namespace
}  // namespace parley::io

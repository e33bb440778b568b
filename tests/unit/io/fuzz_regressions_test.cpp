// Every input the fuzz targets start from (fuzz/corpus/) or once failed on (fuzz/regressions/) goes
// through its reader as the fuzz target runs it: a result or a located parley::Error, nothing else.
// So a finding, once kept, is tested by every build, not only by the fuzz build.

#include <gtest/gtest.h>

#include <filesystem>

#include "fuzz/fuzz_one.hpp"
#include "support/process.hpp"

namespace parley::test {
namespace {

TEST(FuzzRegressions, EveryKeptInputEndsInAResultOrALocatedError) {
  std::size_t inputs = 0;
  for (const char* reader : fuzz::kReaders) {
    for (const char* folder : {"corpus", "regressions"}) {
      const auto directory = source_dir() / "fuzz" / folder / reader;
      if (!std::filesystem::is_directory(directory)) continue;
      for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        const std::string text = read_text(entry.path());
        EXPECT_NO_THROW((void)fuzz::read_one(reader, text)) << reader << ": " << entry.path();
        ++inputs;
      }
    }
  }
  EXPECT_GE(inputs, 6U);  // a seed for every reader at least
}

TEST(FuzzRegressions, TheSeedsAreAccepted) {
  for (const char* reader : fuzz::kReaders) {
    const auto directory = source_dir() / "fuzz" / "corpus" / reader;
    ASSERT_TRUE(std::filesystem::is_directory(directory)) << directory;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
      EXPECT_TRUE(fuzz::read_one(reader, read_text(entry.path()))) << reader << ": " << entry.path();
    }
  }
}

}  // namespace
}  // namespace parley::test

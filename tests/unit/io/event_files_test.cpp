// Many event files on many threads (aggregate_files): the same dyads, counts and first error as
// reading them one after another, whatever the thread count.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "parley/errors.hpp"
#include "parley/io/events.hpp"
#include "support/events.hpp"

namespace parley::io::events {
namespace {

using test::gdelt2_row;
using test::TempFile;

// Files of different sizes whose events repeat across files (the same day, actors and code).
std::vector<std::unique_ptr<TempFile>> files_with_repeats() {
  std::vector<std::unique_ptr<TempFile>> files;
  const std::vector<std::string> countries{"USA", "PAK", "CHN", "IND", "AFG"};
  for (int f = 0; f < 23; ++f) {
    std::string text;
    const int rows = f == 3 ? 40000 : 50 + 37 * f;  // one file larger than what a worker may hold ahead
    for (int k = 0; k < rows; ++k) {
      const std::string& a = countries[static_cast<std::size_t>((k + f) % 5)];
      const std::string& b = countries[static_cast<std::size_t>((k * 3 + 1) % 5)];
      const std::string day = std::to_string(10 + (k + f) % 9);
      const std::string code = k % 3 == 0 ? "043" : k % 3 == 1 ? "190" : "0311";
      text += gdelt2_row(std::to_string(f * 100000 + k), "202011" + day, a + "GOV", a, b, b, code,
                         "http://example.org/" + std::to_string(k % 11));
    }
    files.push_back(std::make_unique<TempFile>("f" + std::to_string(f) + ".CSV", text));
  }
  return files;
}

std::string summary(const Aggregator& aggregator, const std::vector<ReadCounts>& reads) {
  std::string out = dyads_csv(aggregator.result());
  const AggregateCounts& c = aggregator.counts();
  out += std::to_string(c.events) + " " + std::to_string(c.without_actor) + " " + std::to_string(c.same_actor) + " " +
         std::to_string(c.duplicates) + " " + std::to_string(c.counted) + "\n";
  for (const auto& read : reads) out += std::to_string(read.rows) + "/" + std::to_string(read.bytes) + " ";
  return out;
}

TEST(EventFiles, AnyThreadCountGivesTheResultOfOneThread) {
  const auto files = files_with_repeats();
  std::vector<std::filesystem::path> paths;
  for (const auto& file : files) paths.push_back(file->path());
  for (const auto dedup : {Dedup::day, Dedup::url}) {  // url: which duplicate is kept depends on the order
    AggregateOptions options;
    options.dedup = dedup;
    options.period = Period::day;
    Aggregator one(options);
    const std::string expected = summary(one, aggregate_files(paths, {}, one, 1));
    EXPECT_NE(one.counts().duplicates, 0U);
    for (const unsigned threads : {2U, 3U, 8U}) {
      Aggregator many(options);
      EXPECT_EQ(summary(many, aggregate_files(paths, {}, many, threads)), expected) << threads << " threads";
    }
  }
}

TEST(EventFiles, TheFirstErrorInFileOrderWhateverTheThreads) {
  const std::string good = gdelt2_row("1", "20201113", "USA", "USA", "PAK", "PAK", "043");
  std::vector<std::unique_ptr<TempFile>> files;
  std::vector<std::filesystem::path> paths;
  for (int f = 0; f < 9; ++f) {
    std::string text;
    for (int k = 0; k < 2000; ++k) text += good;
    if (f == 4) text += gdelt2_row("2", "20201131", "USA", "USA", "PAK", "PAK", "043");
    if (f == 7) text += "a\tb\n";
    files.push_back(std::make_unique<TempFile>("e" + std::to_string(f) + ".CSV", text));
    paths.push_back(files.back()->path());
  }
  for (const unsigned threads : {1U, 2U, 4U}) {
    Aggregator aggregator({});
    try {
      (void)aggregate_files(paths, {}, aggregator, threads);
      FAIL() << "no error with " << threads << " threads";
    } catch (const ScenarioError& error) {
      EXPECT_EQ(error.diagnostics().front().to_string(),
                paths[4].string() + ":2001:3: SQLDATE: '20201131' is not a day of the calendar")
          << threads;
    }
  }
  paths.emplace_back("/nonexistent/f.CSV");
  Aggregator aggregator({});
  EXPECT_THROW((void)aggregate_files({paths[0], paths.back(), paths[1]}, {}, aggregator, 2), InputNotFoundError);
}

}  // namespace
}  // namespace parley::io::events

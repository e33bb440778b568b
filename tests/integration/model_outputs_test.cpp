// The models' own outputs through the real binary: a variant's tables beside the model's, each
// model's Monte Carlo indicator in its own file, and a store of another layout refused on resume.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "support/process.hpp"

namespace parley::test {
namespace {

TEST(ModelOutputs, AVariantWritesItsOwnTables) {
  const auto directory = fresh_directory("variant-tables");
  const auto outcome = run_parley(
      {"run", "-m", "exchange", "-m", "exchange@short", "-p", "exchange@short.rounds=2", "-o", "out", "-q"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string full = read_text(directory / "out" / "exchange_rounds.csv");
  const std::string short_run = read_text(directory / "out" / "exchange_rounds@short.csv");
  EXPECT_NE(full, short_run);
  EXPECT_EQ(std::count(short_run.begin(), short_run.end(), '\n'), 1 + 2 * 6);  // header, 2 rounds x 6 issues
  EXPECT_NE(read_text(directory / "out" / "run.json").find("\"exchanges@short.csv\""), std::string::npos);
}

TEST(ModelOutputs, EachVariantsIndicatorHasItsOwnFile) {
  const auto directory = fresh_directory("variant-indicators");
  const auto outcome = run_parley({"mc", "-n", "30", "-m", "exchange", "-m", "exchange@short", "-p",
                                   "exchange@short.rounds=1", "-o", "out", "-q"},
                                  directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string full = read_text(directory / "out" / "mc_exchanges.csv");
  const std::string short_run = read_text(directory / "out" / "mc_exchanges@short.csv");
  EXPECT_TRUE(full.starts_with("actor_a,supplies_a,actor_b,supplies_b,samples,share\n"));
  EXPECT_TRUE(short_run.starts_with("actor_a,supplies_a,actor_b,supplies_b,samples,share\n"));
  EXPECT_NE(full, short_run);
  const std::string claims = read_text(directory / "out" / "mc_claims.csv");
  EXPECT_NE(claims.find("airspace_for_strikes,exchange,us_airspace x ttp_campaign,30,"), std::string::npos);
  EXPECT_NE(claims.find("airspace_for_strikes,exchange@short,us_airspace x ttp_campaign,30,"), std::string::npos);
}

TEST(ModelOutputs, AStoreOfAnotherLayoutIsNotResumed) {
  const auto directory = fresh_directory("store-layout");
  ASSERT_EQ(run_parley({"mc", "-n", "10", "-o", "out", "-q"}, directory).exit_code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((directory / "out" / "samples.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM meta WHERE key = 'layout'", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const auto outcome = run_parley({"mc", "-n", "20", "-o", "out", "-q", "--resume"}, directory);
  EXPECT_EQ(outcome.exit_code, 64);
  EXPECT_NE(outcome.err.find("the store was written by another version of parley (layout 1"), std::string::npos)
      << outcome.err;
}

}  // namespace
}  // namespace parley::test

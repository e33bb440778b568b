// The run store finds its own damage: a row edited by hand or bytes flipped on disk stop `--resume`
// with an error that names the damaged samples, and deleting those samples lets the run compute
// them again, to the same results as a run that was never damaged.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "parley/errors.hpp"
#include "parley/io/store.hpp"
#include "parley/registry.hpp"
#include "parley/run.hpp"
#include "support/process.hpp"
#include "support/scenarios.hpp"

namespace parley::test {
namespace {

void sql(const std::filesystem::path& store, const char* statement) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(store.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int status = sqlite3_exec(db, statement, nullptr, nullptr, &message);
  const std::string said = message != nullptr ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  ASSERT_EQ(status, SQLITE_OK) << said;
}

const std::vector<std::string> kRun{"mc", "-n", "40", "-j", "2", "-q"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(RunStore, AnEditedForecastIsFoundAndRecomputed) {
  const auto directory = fresh_directory("store-edited");
  ASSERT_EQ(run_parley(with(kRun, {"-o", "whole"}), directory).exit_code, 0);
  ASSERT_EQ(run_parley(with(kRun, {"-o", "edited"}), directory).exit_code, 0);
  const auto store = directory / "edited" / "samples.sqlite";
  sql(store, "UPDATE samples SET forecasts = replace(forecasts, '[', '[1') WHERE sample = 17");
  const auto resumed = run_parley(with(kRun, {"-o", "edited", "--resume"}), directory);
  EXPECT_EQ(resumed.exit_code, 65);
  EXPECT_NE(resumed.err.find("samples.sqlite: sample 17: 1 stored sample is damaged"), std::string::npos)
      << resumed.err;
  EXPECT_NE(resumed.err.find("DELETE FROM samples WHERE sample IN (17)"), std::string::npos) << resumed.err;
  // The remedy the message gives: delete the damaged samples and resume.
  sql(store, "DELETE FROM samples WHERE sample IN (17)");
  const auto repaired = run_parley(with(kRun, {"-o", "edited", "--resume"}), directory);
  ASSERT_EQ(repaired.exit_code, 0) << repaired.err;
  EXPECT_EQ(read_text(directory / "whole" / "mc_summary.csv"), read_text(directory / "edited" / "mc_summary.csv"));
}

// `parley store check FILE` says whether a store is whole, which run it holds and how far it got,
// without changing it; a damaged one is exit 65 naming its damaged samples.
TEST(RunStore, StoreCheckFindsDamageWithoutChangingTheStore) {
  const auto directory = fresh_directory("store-check");
  ASSERT_EQ(run_parley(with(kRun, {"-o", "out"}), directory).exit_code, 0);
  const auto store = directory / "out" / "samples.sqlite";
  const auto intact = run_parley({"store", "check", store.string()}, directory);
  EXPECT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_NE(intact.out.find("samples.sqlite: intact"), std::string::npos) << intact.out;
  EXPECT_NE(intact.out.find("seed 20230105"), std::string::npos) << intact.out;
  EXPECT_NE(intact.out.find("samples: 40 of 40, all there"), std::string::npos) << intact.out;

  sql(store, "DELETE FROM samples WHERE sample >= 30");
  const auto part = run_parley({"store", "check", store.string()}, directory);
  EXPECT_EQ(part.exit_code, 0) << part.err;
  EXPECT_NE(part.out.find("samples: 30 of 40; `parley mc` with the run's options and --store"), std::string::npos)
      << part.out;

  sql(store, "UPDATE samples SET occurrences = '{}' WHERE sample = 12");
  const std::string before = read_text(store);
  const auto damaged = run_parley({"store", "check", store.string()}, directory);
  EXPECT_EQ(damaged.exit_code, 65);
  EXPECT_NE(damaged.err.find("samples.sqlite: sample 12: 1 stored sample is damaged"), std::string::npos)
      << damaged.err;
  EXPECT_EQ(read_text(store), before);
  EXPECT_FALSE(std::filesystem::exists(directory / "out" / "samples.sqlite-wal"));

  EXPECT_EQ(run_parley({"store", "check", "absent.sqlite"}, directory).exit_code, 66);
  const auto other = run_parley({"store", "check", (directory / "out" / "run.json").string()}, directory);
  EXPECT_EQ(other.exit_code, 65) << other.err;
  EXPECT_NE(other.err.find("run.json: the database is damaged (SQLite: file is not a database)"), std::string::npos)
      << other.err;
}

TEST(RunStore, AChecksumLeftOutOrChangedIsDamage) {
  const auto directory = fresh_directory("store-checksum");
  ASSERT_EQ(run_parley(with(kRun, {"-o", "out"}), directory).exit_code, 0);
  sql(directory / "out" / "samples.sqlite", "UPDATE samples SET checksum = checksum + 1 WHERE sample IN (3, 30)");
  const auto resumed = run_parley(with(kRun, {"-o", "out", "--resume"}), directory);
  EXPECT_EQ(resumed.exit_code, 65);
  EXPECT_NE(resumed.err.find("2 stored samples are damaged (a row that does not match its checksum): 3, 30"),
            std::string::npos)
      << resumed.err;
}

// Bytes flipped anywhere in the file: never a run that ends well with other results.
TEST(RunStore, FlippedBytesNeverPassSilently) {
  const auto directory = fresh_directory("store-flipped");
  ASSERT_EQ(run_parley(with(kRun, {"-o", "whole"}), directory).exit_code, 0);
  const std::string expected = read_text(directory / "whole" / "mc_summary.csv");
  const auto size = std::filesystem::file_size(directory / "whole" / "samples.sqlite");
  ASSERT_GT(size, 8192U);
  for (const double at : {0.3, 0.5, 0.7, 0.9}) {
    const auto folder = directory / ("flipped" + std::to_string(static_cast<int>(at * 10)));
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(directory / "whole" / "samples.sqlite", folder / "samples.sqlite");
    {
      std::fstream file(folder / "samples.sqlite", std::ios::in | std::ios::out | std::ios::binary);
      const auto offset = static_cast<std::streamoff>(at * static_cast<double>(size));
      for (int k = 0; k < 8; ++k) {
        file.seekg(offset + k);
        const int byte = file.get();
        file.seekp(offset + k);
        file.put(static_cast<char>(byte ^ 0x5A));
      }
    }
    const auto resumed = run_parley(with(kRun, {"-o", folder.filename().string(), "--resume"}), directory);
    if (resumed.exit_code == 0) {
      // Bytes that carry nothing (free space in a page) may change without harm.
      EXPECT_EQ(read_text(folder / "mc_summary.csv"), expected) << "at " << at;
    } else {
      EXPECT_EQ(resumed.exit_code, 65) << "at " << at << ": " << resumed.err;
      EXPECT_NE(resumed.err.find("damaged"), std::string::npos) << resumed.err;
    }
  }
}

// A store whose write-ahead log was lost (copied without its `-wal` file, or the file deleted after a
// crash) has lost the samples committed since its last checkpoint, and nothing else: it still names
// its run, and --resume computes the lost samples again, to the results of a run never interrupted.
TEST(RunStore, AStoreThatLostItsWriteAheadLogResumes) {
  const auto directory = fresh_directory("store-lost-wal");
  ASSERT_EQ(run_parley(with(kRun, {"-o", "whole"}), directory).exit_code, 0);
  std::filesystem::create_directories(directory / "kept");
  std::filesystem::copy_file(directory / "whole" / "samples.sqlite", directory / "kept" / "samples.sqlite");
  sql(directory / "kept" / "samples.sqlite", "DELETE FROM samples WHERE sample >= 20");
  // Samples 20 to 39 committed to the log only (no checkpoint), then the file copied without the log.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((directory / "kept" / "samples.sqlite").c_str(), &db), SQLITE_OK);
  const std::string whole = (directory / "whole" / "samples.sqlite").string();
  const std::string statements = "PRAGMA wal_autocheckpoint=0; ATTACH '" + whole +
                                 "' AS whole; INSERT INTO samples SELECT * FROM whole.samples WHERE sample >= 20;";
  ASSERT_EQ(sqlite3_exec(db, statements.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  ASSERT_TRUE(std::filesystem::exists(directory / "kept" / "samples.sqlite-wal"));
  std::filesystem::create_directories(directory / "lost");
  std::filesystem::copy_file(directory / "kept" / "samples.sqlite", directory / "lost" / "samples.sqlite");
  sqlite3_close(db);

  const auto resumed = run_parley(with(kRun, {"-o", "lost", "--resume"}), directory);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(read_text(directory / "whole" / "mc_summary.csv"), read_text(directory / "lost" / "mc_summary.csv"));
}

// Copied without its log right after its creation, a store still says which run it holds: the run's
// description is checkpointed into the database file as soon as it is written.
TEST(RunStore, ANewStoreNamesItsRunWithoutItsLog) {
  const Scenario scenario = two_actor_scenario();
  RunRequest request;
  request.models = select_models({"compromise"}, {}, 1);
  const MonteCarlo mc(scenario, request);
  const auto directory = fresh_directory("store-new-without-wal");
  const io::RunStore store(directory / "s.db", R"({"run":1})", mc, false);
  for (const char* copy : {"same.db", "other.db"}) std::filesystem::copy_file(directory / "s.db", directory / copy);
  EXPECT_NO_THROW(io::RunStore(directory / "same.db", R"({"run":1})", mc, true));
  EXPECT_THROW(io::RunStore(directory / "other.db", R"({"run":2})", mc, true), UsageError);
}

TEST(RunStore, AFileThatIsNotAStoreIsRefused) {
  const auto directory = fresh_directory("store-not-a-database");
  std::filesystem::create_directories(directory / "out");
  std::ofstream(directory / "out" / "samples.sqlite") << std::string(9000, 'x');
  const auto resumed = run_parley(with(kRun, {"-o", "out", "--resume"}), directory);
  EXPECT_EQ(resumed.exit_code, 65) << resumed.err;
  EXPECT_NE(resumed.err.find("damaged"), std::string::npos) << resumed.err;
}

}  // namespace
}  // namespace parley::test

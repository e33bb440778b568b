// The run store finds its own damage: a row edited by hand or bytes flipped on disk stop `--resume`
// with an error that names the damaged samples, and deleting those samples lets the run compute
// them again, to the same results as a run that was never damaged.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "support/process.hpp"

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

// `parley mc`: results identical whatever the thread count, and a run killed at any moment and
// resumed gives exactly the summary of an uninterrupted one.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/process.hpp"

namespace parley::test {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

TEST(MonteCarlo, SameResultsWithOneTwoAndEightThreads) {
  const auto directory = fresh_directory("mc-threads");
  for (const char* threads : {"1", "2", "8"}) {
    const auto outcome =
        run_parley({"mc", "-n", "120", "-j", threads, "-q", "-o", std::string("t") + threads}, directory);
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  }
  for (const char* file : {"mc_summary.csv", "mc_claims.csv", "mc_exchanges.csv"}) {
    const std::string one = read_text(directory / "t1" / file);
    EXPECT_FALSE(one.empty());
    EXPECT_EQ(one, read_text(directory / "t2" / file)) << file;
    EXPECT_EQ(one, read_text(directory / "t8" / file)) << file;
  }
  const auto summary = lines_of(read_text(directory / "t1" / "mc_summary.csv"));
  EXPECT_EQ(summary[0],
            "model,issue,samples,missing,mean,sd,q05,q25,q50,q75,q95,median,low50,high50,low80,high80,low95,high95");
  // The headline leads, its intervals combining the samples with the calibrated error: wider than the
  // samples' own 90 % range.
  ASSERT_TRUE(summary[1].starts_with("ensemble,pak_alignment,120,0,"));
  const auto cells = [](const std::string& line) {
    std::vector<double> values;
    std::size_t start = 0;
    for (std::size_t column = 0; column < 18; ++column) {
      const std::size_t end = line.find(',', start);
      const std::string cell = line.substr(start, end - start);
      values.push_back(column < 2 || cell.empty() ? 0.0 : std::stod(cell));
      start = end + 1;
    }
    return values;
  };
  const auto headline = cells(summary[1]);
  EXPECT_LT(headline[14], headline[6]);   // low80 below q05
  EXPECT_GT(headline[15], headline[10]);  // high80 above q95
  const auto claims = lines_of(read_text(directory / "t1" / "mc_claims.csv"));
  EXPECT_EQ(claims[0], "claim,model,issue,samples,holds,probability,calibrated_probability");
  EXPECT_TRUE(claims[1].starts_with("no_anti_china_camp,ensemble,"));
  bool trade = false;
  for (const auto& line : claims) trade = trade || line.starts_with("airspace_for_strikes,exchange,");
  EXPECT_TRUE(trade);
}

// Waits until `file` exists (the run has created its store), at most a minute: a loaded machine or a
// sanitizer build may take longer than any fixed pause to get there.
bool appears(const std::filesystem::path& file) {
  for (int tries = 0; tries < 6000; ++tries) {
    if (std::filesystem::exists(file)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST(MonteCarlo, KilledAndResumedEqualsUninterrupted) {
  const auto directory = fresh_directory("mc-resume");
  const std::vector<std::string> run{"mc", "-n", "3000", "-j", "2", "-q"};
  auto whole_args = run;
  whole_args.insert(whole_args.end(), {"-o", "whole"});
  ASSERT_EQ(run_parley(whole_args, directory).exit_code, 0);

  auto killed_args = run;
  killed_args.insert(killed_args.end(), {"-o", "killed"});
  const pid_t pid = start_parley(killed_args, directory);
  ASSERT_TRUE(appears(directory / "killed" / "samples.sqlite"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::kill(pid, SIGKILL);
  const int killed = wait_for(pid);
  auto resumed_args = killed_args;
  resumed_args.push_back("--resume");
  const auto resumed = run_parley(resumed_args, directory);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  if (killed != -SIGKILL) GTEST_LOG_(INFO) << "the first run ended before the kill (exit " << killed << ")";
  for (const char* file : {"mc_summary.csv", "mc_claims.csv", "mc_exchanges.csv"}) {
    EXPECT_EQ(read_text(directory / "whole" / file), read_text(directory / "killed" / file)) << file;
  }
}

// A run killed while it creates its store leaves a store that describes no run (here an empty file,
// which SQLite reads as an empty database): resuming it starts the run afresh.
TEST(MonteCarlo, AStoreKilledAtItsCreationResumesFromTheStart) {
  const auto directory = fresh_directory("mc-resume-empty");
  ASSERT_EQ(run_parley({"mc", "-n", "60", "-q", "-o", "whole"}, directory).exit_code, 0);
  std::filesystem::create_directories(directory / "empty");
  std::ofstream(directory / "empty" / "samples.sqlite").close();
  const auto resumed = run_parley({"mc", "-n", "60", "-q", "-o", "empty", "--resume"}, directory);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(read_text(directory / "whole" / "mc_summary.csv"), read_text(directory / "empty" / "mc_summary.csv"));
}

TEST(MonteCarlo, InterruptStopsCleanlyAndResumes) {
  const auto directory = fresh_directory("mc-interrupt");
  const pid_t pid = start_parley({"mc", "-n", "200000", "-j", "2", "-q", "-o", "out"}, directory);
  ASSERT_TRUE(appears(directory / "out" / "samples.sqlite"));  // Ctrl-C is caught before the store exists
  ::kill(pid, SIGINT);
  ASSERT_EQ(wait_for(pid), 130) << read_text(directory / ".stderr");
  EXPECT_NE(read_text(directory / ".stderr").find("Continue with --resume"), std::string::npos)
      << read_text(directory / ".stderr");
  // Resuming a different run is refused.
  const auto other = run_parley({"mc", "-n", "100", "-q", "-o", "out", "--resume"}, directory);
  EXPECT_EQ(other.exit_code, 64);
  EXPECT_NE(other.err.find("holds a different run"), std::string::npos) << other.err;
  // A store that exists is not overwritten without --resume.
  const auto again = run_parley({"mc", "-n", "200000", "-q", "-o", "out"}, directory);
  EXPECT_EQ(again.exit_code, 64);
  EXPECT_NE(again.err.find("--resume"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace parley::test

namespace parley::test {
namespace {

// `parley` never loads MPI: started by a launcher it stops at once and names the binary that does,
// instead of running the whole job on every rank.
TEST(MonteCarlo, ParleyUnderMpirunNamesParleyMpi) {
  const auto directory = fresh_directory("mc-mpi-refused");
  const std::string command = "cd '" + directory.string() + "' && OMPI_COMM_WORLD_SIZE=2 '" PARLEY_BINARY
                              "' mc -n 40 -q -o out >out.txt 2>err.txt";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 64);
  EXPECT_NE(read_text(directory / "err.txt").find("parley-mpi"), std::string::npos) << read_text(directory / "err.txt");
  EXPECT_FALSE(std::filesystem::exists(directory / "out" / "samples.sqlite"));
}

// Two MPI ranks give exactly the files of one process (only when built with MPI).
TEST(MonteCarlo, TwoMpiRanksEqualOneProcess) {
#ifndef PARLEY_WITH_MPI
  GTEST_SKIP() << "built without MPI (PARLEY_WITH_MPI=OFF)";
#else
  const auto directory = fresh_directory("mc-mpi");
  ASSERT_EQ(run_parley({"mc", "-n", "400", "-q", "-o", "one"}, directory).exit_code, 0);
  // Open MPI refuses root unless told; CI runs as root. The leak checker of a sanitizer build would
  // report Open MPI's own allocations.
  const std::string command = "cd '" + directory.string() +
                              "' && OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
                              "ASAN_OPTIONS=detect_leaks=0 mpirun --oversubscribe -np 2 '" PARLEY_MPI_BINARY
                              "' mc -n 400 -q -o two >mpi.out 2>mpi.err";
  const int status = std::system(command.c_str());
  ASSERT_EQ(status, 0) << read_text(directory / "mpi.err");
  for (const char* file : {"mc_summary.csv", "mc_claims.csv", "mc_exchanges.csv"}) {
    EXPECT_EQ(read_text(directory / "one" / file), read_text(directory / "two" / file)) << file;
  }
  // When rank 0 cannot open the store, every rank exits with its code (73), not 1.
  const std::string failing = "cd '" + directory.string() +
                              "' && OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
                              "ASAN_OPTIONS=detect_leaks=0 mpirun --oversubscribe -np 2 '" PARLEY_MPI_BINARY
                              "' mc -n 40 -q -o two --store /proc/no/such/store.db >fail.out 2>fail.err";
  const int failed = std::system(failing.c_str());
  ASSERT_TRUE(WIFEXITED(failed));
  EXPECT_EQ(WEXITSTATUS(failed), 73) << read_text(directory / "fail.err");
#endif
}

}  // namespace
}  // namespace parley::test

// Hostile conditions end in a clear error and an exit code, never in an abort or a silent success:
// more threads than parley starts, a disk that fills up while Monte Carlo's workers run (simulated
// with a file-size limit, which makes writes fail as a full disk does, on any machine), and a full
// standard output.

#include <gtest/gtest.h>

#include <fstream>

#include "support/process.hpp"

namespace parley::test {
namespace {

TEST(Reliability, TooManyThreadsAreRefused) {
  const auto directory = fresh_directory("threads-limit");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"mc", "-n", "50", "-j", "100000", "-q", "-o", "a"},
        std::vector<std::string>{"sensitivity", "-n", "20", "-j", "100000", "-m", "compromise", "-q", "-o", "b"},
        std::vector<std::string>{"run", "-j", "5000", "-q", "-o", "c"}}) {
    const auto outcome = run_parley(args, directory);
    EXPECT_EQ(outcome.exit_code, 64) << args.front() << ": " << outcome.err;
    EXPECT_NE(outcome.err.find("at most 1024 threads"), std::string::npos) << outcome.err;
  }
}

// Work that could not fit in memory is refused before anything is allocated or written.
TEST(Reliability, WorkBeyondMemoryIsRefusedUpFront) {
  const auto directory = fresh_directory("memory-limit");
  const auto mc = run_parley({"mc", "-n", "1099511627776", "-q", "-o", "mc"}, directory);
  EXPECT_EQ(mc.exit_code, 64) << mc.err;
  EXPECT_NE(mc.err.find("1099511627776 samples would need about"), std::string::npos) << mc.err;
  EXPECT_FALSE(std::filesystem::exists(directory / "mc"));
  const auto sensitivity = run_parley(
      {"sensitivity", "-n", "20", "--bootstrap", "1000000000", "-m", "compromise", "-q", "-o", "s"}, directory);
  EXPECT_EQ(sensitivity.exit_code, 64) << sensitivity.err;
  EXPECT_NE(sensitivity.err.find("use fewer base samples (-n) or resamples (--bootstrap)"), std::string::npos)
      << sensitivity.err;
}

// exchange counts what its candidates would take before it makes one: 100 actors on 500 issues
// would need about 116 GiB, more than half of any machine CI runs on.
TEST(Reliability, ExchangeRefusesAScenarioBeyondMemory) {
  const auto directory = fresh_directory("exchange-memory");
  std::string yaml = "parley: 1\ntitle: Wide\nas_of: 2023-01-05\nactors:\n";
  for (int a = 0; a < 100; ++a) {
    yaml += "  - {id: A" + std::to_string(a) + ", name: A, kind: state, capability: 1, stances: {";
    for (int i = 0; i < 500; ++i) {
      yaml += (i > 0 ? ", i" : "i") + std::to_string(i) + ": {position: " + std::to_string((a * 7 + i) % 101) +
              ", salience: 0.5}";
    }
    yaml += "}}\n";
  }
  yaml += "issues:\n";
  for (int i = 0; i < 500; ++i)
    yaml += "  - {id: i" + std::to_string(i) + ", question: Q, scale: {min: 0, max: 100}}\n";
  std::ofstream(directory / "wide.yaml") << yaml;
  const auto outcome = run_parley({"run", "wide.yaml", "-m", "exchange", "-q", "-o", "out"}, directory);
  EXPECT_EQ(outcome.exit_code, 64) << outcome.err;
  EXPECT_NE(outcome.err.find("exchange on 100 actors and 500 issues would need about"), std::string::npos)
      << outcome.err;
}

// Runs parley with its files limited to `kilobytes` (writes past it fail with EFBIG, as on a full disk).
Outcome run_limited(int kilobytes, const std::string& args, const std::filesystem::path& directory) {
  return run_program(
      "bash", {"-c", "ulimit -f " + std::to_string(kilobytes) + "; trap '' XFSZ; exec '" PARLEY_BINARY "' " + args},
      directory);
}

TEST(Reliability, AFullDiskStopsMonteCarloCleanlyAndTheRunResumes) {
  const auto directory = fresh_directory("full-disk-mc");
  ASSERT_EQ(run_parley({"mc", "-n", "3000", "-j", "2", "-q", "-o", "whole"}, directory).exit_code, 0);
  const auto full = run_limited(256, "mc -n 3000 -j 2 -q -o full", directory);
  EXPECT_EQ(full.exit_code, 73) << full.err;
  EXPECT_NE(full.err.find("full/samples.sqlite: "), std::string::npos) << full.err;  // an INSERT or the COMMIT
  const auto resumed = run_parley({"mc", "-n", "3000", "-j", "2", "-q", "-o", "full", "--resume"}, directory);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(read_text(directory / "whole" / "mc_summary.csv"), read_text(directory / "full" / "mc_summary.csv"));
}

// What a command prints must reach standard output whole: on a full one, exit 73, never 0.
TEST(Reliability, AFullStandardOutputIsAnError) {
  const auto directory = fresh_directory("full-stdout");
  std::ofstream(directory / "d.csv") << "'#A'\t'NL'\t'Netherlands'\n'#A'\t'DE'\t'Germany'\n'#P'\t'toll'\t''\n"
                                        "'#D'\t'NL'\t'toll'\t3.0\t0.7\t1.0\n'#D'\t'DE'\t'toll'\t6\t0.2\t0.5\n";
  for (const char* args : {"models", "models --format json", "scenarios", "show pakistan-2023",
                           "timeline pakistan-2023", "import decide d.csv", "run -o out"}) {
    const auto outcome =
        run_program("bash", {"-c", std::string("exec '" PARLEY_BINARY "' ") + args + " >/dev/full"}, directory);
    EXPECT_EQ(outcome.exit_code, 73) << args << ": " << outcome.err;
    EXPECT_NE(outcome.err.find("cannot write to standard output"), std::string::npos) << args << ": " << outcome.err;
  }
}

// A symbolic link planted where an output goes is replaced by the output, its target left alone.
TEST(Reliability, OutputsReplaceSymbolicLinksAndNeverFollowThem) {
  const auto directory = fresh_directory("output-symlink");
  std::filesystem::create_directories(directory / "out");
  std::ofstream(directory / "target.txt") << "keep me";
  std::filesystem::create_symlink(directory / "target.txt", directory / "out" / "forecast.csv");
  const auto outcome = run_parley({"run", "-q", "-o", "out"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(read_text(directory / "target.txt"), "keep me");
  EXPECT_FALSE(std::filesystem::is_symlink(directory / "out" / "forecast.csv"));
  EXPECT_TRUE(read_text(directory / "out" / "forecast.csv").starts_with("model,issue,forecast,"));
}

// A disk that fills up during `run -o`: exit 73, and every file in the folder is whole (the same as
// an unhindered run's), with no temporary file left; the message says how to draw the report again.
TEST(Reliability, AFullDiskLeavesNoHalfWrittenFile) {
  const auto directory = fresh_directory("full-disk-run");
  ASSERT_EQ(run_parley({"run", "-q", "-o", "whole"}, directory).exit_code, 0);
  const auto full = run_limited(128, "run -q -o full", directory);  // only report.html is larger than 128 KiB
  EXPECT_EQ(full.exit_code, 73) << full.err;
  EXPECT_NE(full.err.find("`parley report full` draws the report again"), std::string::npos) << full.err;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory / "full")) {
    const auto name = entry.path().filename().string();
    EXPECT_FALSE(name.starts_with(".")) << name << " left behind";
    if (name.starts_with(".")) continue;
    if (name == "run.json") continue;  // holds timings; its place in the order is what matters
    EXPECT_EQ(read_text(entry.path()), read_text(directory / "whole" / name)) << name << " is not whole";
    ++files;
  }
  EXPECT_GT(files, 5U);
  EXPECT_TRUE(std::filesystem::exists(directory / "full" / "run.json"));
  // Every file too large: nothing at all is written, not even an empty file.
  const auto nothing = run_limited(0, "run -q -o none", directory);
  EXPECT_EQ(nothing.exit_code, 73) << nothing.err;
  EXPECT_TRUE(!std::filesystem::exists(directory / "none") || std::filesystem::is_empty(directory / "none"));
  // import -o on a full disk: an error, and no empty scenario file left behind.
  std::ofstream(directory / "d.csv") << "'#A'\t'NL'\t'Netherlands'\n'#P'\t'toll'\t''\n'#D'\t'NL'\t'toll'\t3\t0.7\t1\n";
  const auto decide = run_limited(0, "import decide d.csv -o d.yaml", directory);
  EXPECT_EQ(decide.exit_code, 73) << decide.err;
  EXPECT_FALSE(std::filesystem::exists(directory / "d.yaml"));
}

TEST(Reliability, AnInputThatIsNotAFileIsNamedForWhatItIs) {
  const auto directory = fresh_directory("input-kinds");
  std::filesystem::create_directories(directory / "folder");
  const auto folder = run_parley({"validate", "folder"}, directory);
  EXPECT_EQ(folder.exit_code, 66);
  EXPECT_NE(folder.err.find("folder: a folder, not a scenario file"), std::string::npos) << folder.err;
  const auto device = run_parley({"run", "/dev/null", "-q", "-o", "out"}, directory);
  EXPECT_EQ(device.exit_code, 66);
  EXPECT_NE(device.err.find("/dev/null: not a regular file"), std::string::npos) << device.err;
}

// Text that is not UTF-8 is found by the reader, at its line and column, whatever the command: not
// by a JSON writer after the outputs began (exit 70), nor copied into an imported scenario.
TEST(Reliability, TextThatIsNotUtf8IsFoundWhereItIs) {
  const auto directory = fresh_directory("bad-utf8");
  std::string yaml = run_parley({"show", "pakistan-2023", "--format", "yaml"}, directory).out;
  const auto title = yaml.find("title: ");
  ASSERT_NE(title, std::string::npos);
  yaml.insert(title + 7, "\xFF");
  std::ofstream(directory / "bad.yaml") << yaml;
  for (const std::vector<std::string>& args : {std::vector<std::string>{"validate", "bad.yaml"},
                                               std::vector<std::string>{"run", "bad.yaml", "-q", "-o", "out"},
                                               std::vector<std::string>{"show", "bad.yaml", "--format", "json"}}) {
    const auto outcome = run_parley(args, directory);
    EXPECT_EQ(outcome.exit_code, 65) << args.front() << ": " << outcome.err;
    EXPECT_NE(outcome.err.find("bad.yaml:2:8: byte 0xFF is not UTF-8 text"), std::string::npos) << outcome.err;
  }
  EXPECT_FALSE(std::filesystem::exists(directory / "out"));
  std::ofstream(directory / "d.csv") << "'#A'\t'NL'\t'Nether\xC0\xAFlands'\n'#P'\t'toll'\t''\n";
  const auto imported = run_parley({"import", "decide", "d.csv"}, directory);
  EXPECT_EQ(imported.exit_code, 65);
  EXPECT_NE(imported.err.find("d.csv:1:18: byte 0xC0 is not UTF-8 text"), std::string::npos) << imported.err;
}

}  // namespace
}  // namespace parley::test

#pragma once
// Runs the real parley binary, as a user would, and captures what it did.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace parley::test {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `parley ARGS...` in `directory` (created if missing).
[[nodiscard]] Outcome run_parley(const std::vector<std::string>& args, const std::filesystem::path& directory);

// Runs `PROGRAM ARGS...` in `directory` (created if missing).
[[nodiscard]] Outcome run_program(const std::string& program, const std::vector<std::string>& args,
                                  const std::filesystem::path& directory);

// A fresh empty folder under the system's temporary directory, unique to this test.
[[nodiscard]] std::filesystem::path fresh_directory(const std::string& name);

// Starts `parley ARGS...` in `directory` without waiting (stdout and stderr go to .stdout and
// .stderr there); wait_for returns its exit code, or minus the signal that ended it.
[[nodiscard]] pid_t start_parley(const std::vector<std::string>& args, const std::filesystem::path& directory);
[[nodiscard]] int wait_for(pid_t pid);

[[nodiscard]] std::string read_text(const std::filesystem::path& path);
[[nodiscard]] std::filesystem::path source_dir();

}  // namespace parley::test

#pragma once
// Runs the real parley binary, as a user would, and captures what it did.

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

// A fresh empty folder under the system's temporary directory, unique to this test.
[[nodiscard]] std::filesystem::path fresh_directory(const std::string& name);

[[nodiscard]] std::string read_text(const std::filesystem::path& path);
[[nodiscard]] std::filesystem::path source_dir();

}  // namespace parley::test

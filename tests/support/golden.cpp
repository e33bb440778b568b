#include "support/golden.hpp"

#include <cstdlib>
#include <string>

#include "support/process.hpp"

namespace parley::test {

std::optional<std::filesystem::path> golden_dir() {
  std::filesystem::path candidate;
  if (const char* configured = std::getenv("PARLEY_GOLDEN_DIR"); configured != nullptr && *configured != '\0') {
    candidate = configured;
  } else {
    candidate = source_dir().parent_path() / "shared" / "golden";
  }
  std::error_code error;
  if (!std::filesystem::is_directory(candidate, error)) return std::nullopt;
  return candidate;
}

bool running_in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

}  // namespace parley::test

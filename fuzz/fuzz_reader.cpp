// A libFuzzer target for one of parley's readers (PARLEY_FUZZ_READER, set per executable in
// fuzz/CMakeLists.txt): the scenario YAML reader, the calibration reader, or an importer by name.
// Any input must end in a result or in parley::Error (a located message); a crash, a hang, a
// sanitizer report or another exception is a finding. What a reader accepts is written back out
// (YAML and JSON), so that no writer meets what a reader let through. Run by scripts/fuzz.sh.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_one.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::fuzz::read_one(PARLEY_FUZZ_READER, text);
  return 0;
}

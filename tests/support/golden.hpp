#pragma once
// The external reference data in ../shared/golden (or $PARLEY_GOLDEN_DIR). Outside CI a golden
// test skips with a clear message when the folder is absent; under CI (CI=true) that is a failure.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

namespace parley::test {

[[nodiscard]] std::optional<std::filesystem::path> golden_dir();
[[nodiscard]] bool running_in_ci();

}  // namespace parley::test

// Sets `variable` to the golden folder, or skips (fails under CI) when it is missing.
#define PARLEY_REQUIRE_GOLDEN(variable)                                                                              \
  const auto variable##_found = ::parley::test::golden_dir();                                                        \
  if (!variable##_found) {                                                                                           \
    if (::parley::test::running_in_ci()) {                                                                           \
      FAIL() << "golden data not found (CI=true): set PARLEY_GOLDEN_DIR or place shared/golden beside the checkout"; \
    }                                                                                                                \
    GTEST_SKIP() << "golden data not found: set PARLEY_GOLDEN_DIR or place shared/golden beside the checkout";       \
  }                                                                                                                  \
  const std::filesystem::path variable = *variable##_found

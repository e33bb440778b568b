#pragma once
// A light lexical pass over YAML text that finds what yaml-cpp reports badly or not at all: a
// quoted value never closed (yaml-cpp silently takes the rest of the file into it) and a flow
// list or mapping never closed (yaml-cpp points at wherever it gave up, not at the bracket).

#include <optional>
#include <string>
#include <string_view>

namespace parley::io {

struct SyntaxProblem {
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::string message;
};

[[nodiscard]] std::optional<SyntaxProblem> find_unclosed(std::string_view text);

}  // namespace parley::io

#pragma once

#include <string>

namespace parley {

// A citation of a declared source, optionally with a locator: `seed:p4` = paragraph 4 of `seed`.
struct SourceRef {
  std::string id;
  std::string locator;

  bool operator==(const SourceRef&) const = default;
  [[nodiscard]] static SourceRef parse(const std::string& text);
  [[nodiscard]] std::string to_string() const;
};

}  // namespace parley

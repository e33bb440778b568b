#pragma once
// Small text helpers the importers share.

#include <string>
#include <string_view>

namespace parley::io {

// A parley identifier for any name: letters, digits, '_' and '-' kept, anything else '_'
// ("Li Peng" -> "Li_Peng"); "_" for an empty name.
[[nodiscard]] std::string identifier(std::string_view text);

// Throws ScenarioError at the line and column of the first byte of `text` that is not part of
// well-formed UTF-8 (overlong forms, surrogates and code points above U+10FFFF included), or of a
// NUL: every reader checks its input with this before parsing, so no writer meets a bad byte.
void check_utf8(std::string_view text, const std::string& file);

// ASCII lower case.
[[nodiscard]] std::string lower(std::string_view text);

}  // namespace parley::io

#pragma once
// Small text helpers the importers share.

#include <string>
#include <string_view>

namespace parley::io {

// A parley identifier for any name: letters, digits, '_' and '-' kept, anything else '_'
// ("Li Peng" -> "Li_Peng"); "_" for an empty name.
[[nodiscard]] std::string identifier(std::string_view text);

// ASCII lower case.
[[nodiscard]] std::string lower(std::string_view text);

}  // namespace parley::io

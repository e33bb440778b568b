#pragma once
// SHA-256 (FIPS 180-4), for the scenario content hash recorded in run.json.

#include <string>
#include <string_view>

namespace parley {

// Lower-case hexadecimal digest of `data`.
[[nodiscard]] std::string sha256_hex(std::string_view data);

}  // namespace parley

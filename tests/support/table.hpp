#pragma once
// A CSV output file as rows keyed by its header, for tests that compare tables.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace parley::test {

using Row = std::map<std::string, std::string>;
using Table = std::vector<Row>;

// Any line endings; blank lines skipped.
[[nodiscard]] Table read_table(const std::filesystem::path& path, char delimiter = ',');

}  // namespace parley::test

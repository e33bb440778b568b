#pragma once
// The CSV files of an output folder as the report reads them: rows keyed by the header.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley::report {

using Row = std::map<std::string, std::string>;

// A CSV output file as rows keyed by its header; empty when the file is not there.
[[nodiscard]] std::vector<Row> read_csv(const std::filesystem::path& path);

// The cell `key` of `row` as a number; nullopt when it is empty or absent.
[[nodiscard]] std::optional<double> number_of(const Row& row, const std::string& key);

}  // namespace parley::report

#pragma once
// The CSV files of an output folder as the report reads them: rows keyed by the header.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::report {

// One row of a CSV file: its cells, found by the header's column names. The rows of a file share
// one header, so that a file of many rows costs its cells and nothing per row beyond them.
class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> header, std::vector<std::string> cells)
      : header_(std::move(header)), cells_(std::move(cells)) {}

  // The cell of column `key`; nullptr when the file has no such column (or this row no such cell).
  [[nodiscard]] const std::string* find(std::string_view key) const;
  // The cell of column `key`; throws std::out_of_range when there is none, as a map's at() does.
  [[nodiscard]] const std::string& at(std::string_view key) const;

 private:
  std::shared_ptr<const std::vector<std::string>> header_;
  std::vector<std::string> cells_;
};

// A CSV output file as rows keyed by its header; empty when the file is not there.
[[nodiscard]] std::vector<Row> read_csv(const std::filesystem::path& path);

// The cell `key` of `row` as a number; nullopt when it is empty or absent.
[[nodiscard]] std::optional<double> number_of(const Row& row, const std::string& key);

}  // namespace parley::report

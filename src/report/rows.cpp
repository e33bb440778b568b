#include "report/rows.hpp"

#include <stdexcept>

#include "io/delimited.hpp"
#include "parley/io/files.hpp"

namespace parley::report {

const std::string* Row::find(std::string_view key) const {
  const std::vector<std::string>& header = *header_;
  for (std::size_t c = 0; c < header.size() && c < cells_.size(); ++c) {
    if (header[c] == key) return &cells_[c];
  }
  return nullptr;
}

const std::string& Row::at(std::string_view key) const {
  const std::string* cell = find(key);
  if (cell == nullptr) throw std::out_of_range("report: no column '" + std::string(key) + "'");
  return *cell;
}

std::vector<Row> read_csv(const std::filesystem::path& path) {
  std::vector<Row> rows;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return rows;
  auto records = io::read_delimited(io::read_text_file(path), ',', path.string());
  if (records.empty()) return rows;
  auto header = std::make_shared<std::vector<std::string>>();
  for (auto& cell : records[0].cells) header->push_back(std::move(cell.text));
  rows.reserve(records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].blank()) continue;
    std::vector<std::string> cells;
    cells.reserve(std::min(header->size(), records[r].cells.size()));
    for (std::size_t c = 0; c < header->size() && c < records[r].cells.size(); ++c) {
      cells.push_back(std::move(records[r].cells[c].text));
    }
    rows.emplace_back(header, std::move(cells));
  }
  return rows;
}

std::optional<double> number_of(const Row& row, const std::string& key) {
  const std::string* cell = row.find(key);
  if (cell == nullptr || cell->empty()) return std::nullopt;
  return io::parse_number(*cell);
}

}  // namespace parley::report

#include "report/rows.hpp"

#include "io/delimited.hpp"
#include "parley/io/files.hpp"

namespace parley::report {

std::vector<Row> read_csv(const std::filesystem::path& path) {
  std::vector<Row> rows;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return rows;
  const auto records = io::read_delimited(io::read_text_file(path), ',', path.string());
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].blank()) continue;
    Row row;
    for (std::size_t c = 0; c < records[0].cells.size() && c < records[r].cells.size(); ++c) {
      row[records[0].cells[c].text] = records[r].cells[c].text;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<double> number_of(const Row& row, const std::string& key) {
  const auto found = row.find(key);
  if (found == row.end() || found->second.empty()) return std::nullopt;
  return io::parse_number(found->second);
}

}  // namespace parley::report

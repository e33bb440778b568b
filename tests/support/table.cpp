#include "support/table.hpp"

#include "io/delimited.hpp"
#include "parley/io/files.hpp"

namespace parley::test {

Table read_table(const std::filesystem::path& path, char delimiter) {
  const auto records = io::read_delimited(io::read_text_file(path), delimiter, path.string());
  Table table;
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].blank()) continue;
    Row row;
    for (std::size_t c = 0; c < records[0].cells.size() && c < records[r].cells.size(); ++c) {
      row[records[0].cells[c].text] = records[r].cells[c].text;
    }
    table.push_back(std::move(row));
  }
  return table;
}

}  // namespace parley::test

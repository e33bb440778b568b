#include "io/csv.hpp"

#include <algorithm>

#include "parley/model.hpp"

namespace parley::io {

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_number(double value) {
  return table_cell(value);
}

void quote_csv_cell(std::string& out, std::size_t start) {
  const auto special = [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; };
  if (std::none_of(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), special)) return;
  const std::string cell = csv_cell(out.substr(start));
  out.replace(start, std::string::npos, cell);
}

void append_csv_text(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += text;
  quote_csv_cell(out, start);
}

void append_csv_number(std::string& out, double value) {
  append_table_cell(out, value);
}

void append_csv_row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(cells[i]);
  }
  out += '\n';
}

}  // namespace parley::io

#pragma once
// Writing tidy CSV: one header row, RFC 4180 quoting, numbers in shortest round-trip form.

#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

[[nodiscard]] std::string csv_cell(const std::string& text);
// Shortest text that reads back to the same double; "" for NaN (pandas and R read it as missing).
[[nodiscard]] std::string csv_number(double value);
void append_csv_row(std::string& out, const std::vector<std::string>& cells);
// Quotes, in place, the cell that `out` holds from `start` on, if it needs it (RFC 4180).
void quote_csv_cell(std::string& out, std::size_t start);
// Append one cell to `out` without a string of its own: text (quoted where it must be), and a number
// as csv_number writes it.
void append_csv_text(std::string& out, std::string_view text);
void append_csv_number(std::string& out, double value);

}  // namespace parley::io

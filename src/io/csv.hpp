#pragma once
// Writing tidy CSV: one header row, RFC 4180 quoting, numbers in shortest round-trip form.

#include <string>
#include <vector>

namespace parley::io {

[[nodiscard]] std::string csv_cell(const std::string& text);
// Shortest text that reads back to the same double; "" for NaN (pandas and R read it as missing).
[[nodiscard]] std::string csv_number(double value);
void append_csv_row(std::string& out, const std::vector<std::string>& cells);

}  // namespace parley::io

#pragma once
// Reading delimited text tables (TSV, CSV, `;`-separated) as the data files of our field come:
// quoted or not, with LF, CRLF or CR-only line endings. Every cell keeps its line and column so
// that a reader can say exactly where a bad value is.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

struct Cell {
  std::string text;  // unquoted ("" inside quotes becomes "), surrounding spaces kept
  int column = 1;    // 1-based column of the cell's first character in its line
};

struct Record {
  int line = 1;  // 1-based line of the record's first character
  std::vector<Cell> cells;
  int end_column = 1;  // the column just after the last character of the record

  // True when every cell is empty or blank.
  [[nodiscard]] bool blank() const;
};

// Splits `text` into records; blank lines are kept as records with one empty cell, so that line
// numbers stay right (callers skip them). A quoted cell may hold delimiters and line breaks.
// Throws ScenarioError (file:line:column) for an unclosed quote or text after a closing quote.
[[nodiscard]] std::vector<Record> read_delimited(std::string_view text, char delimiter, const std::string& file);

// The cell's text without surrounding spaces and tabs.
[[nodiscard]] std::string_view trimmed(const Cell& cell);

// The cell as a finite number, or nothing when it is not one (an empty cell is not one either).
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

}  // namespace parley::io

#include "io/delimited.hpp"

#include <charconv>
#include <cmath>

#include "parley/errors.hpp"

namespace parley::io {
namespace {

// Walks the text one character at a time, keeping line and column, treating CRLF and CR as LF.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  [[nodiscard]] bool done() const { return at_ >= text_.size(); }
  [[nodiscard]] char peek() const { return text_[at_]; }
  [[nodiscard]] bool at_line_end() const { return peek() == '\n' || peek() == '\r'; }
  [[nodiscard]] int line() const { return line_; }
  [[nodiscard]] int column() const { return column_; }

  // Consumes one character; a line break (LF, CRLF or CR) counts as one.
  void advance() {
    if (at_line_end()) {
      if (peek() == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
      ++at_;
      ++line_;
      column_ = 1;
      return;
    }
    // Columns count characters, not bytes: skip UTF-8 continuation bytes.
    ++at_;
    while (at_ < text_.size() && (static_cast<unsigned char>(text_[at_]) & 0xC0U) == 0x80U) ++at_;
    ++column_;
  }

  // The text from `from` to the current position (for unquoted cells).
  [[nodiscard]] std::size_t offset() const { return at_; }
  [[nodiscard]] std::string_view slice(std::size_t from) const { return text_.substr(from, at_ - from); }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
  int column_ = 1;
};

[[noreturn]] void fail(const std::string& file, int line, int column, std::string message) {
  Diagnostic diagnostic{{file, line, column}, "", std::move(message)};
  throw ScenarioError(std::move(diagnostic));
}

Cell read_quoted(Cursor& cursor, char delimiter, const std::string& file) {
  const int line = cursor.line();
  Cell cell{"", cursor.column()};
  cursor.advance();  // the opening quote
  while (true) {
    if (cursor.done()) fail(file, line, cell.column, "this quoted cell is never closed");
    if (cursor.peek() == '"') {
      cursor.advance();
      if (!cursor.done() && cursor.peek() == '"') {
        cell.text += '"';
        cursor.advance();
        continue;
      }
      break;
    }
    if (cursor.at_line_end()) {
      cell.text += '\n';
      cursor.advance();
      continue;
    }
    const std::size_t from = cursor.offset();
    cursor.advance();
    cell.text += cursor.slice(from);
  }
  // Spaces may follow the closing quote; anything else is a malformed cell.
  while (!cursor.done() && (cursor.peek() == ' ' || (cursor.peek() == '\t' && delimiter != '\t'))) cursor.advance();
  if (!cursor.done() && cursor.peek() != delimiter && !cursor.at_line_end()) {
    fail(file, cursor.line(), cursor.column(), "text after the closing quote of a quoted cell");
  }
  return cell;
}

}  // namespace

bool Record::blank() const {
  for (const auto& cell : cells) {
    if (!trimmed(cell).empty()) return false;
  }
  return true;
}

std::vector<Record> read_delimited(std::string_view text, char delimiter, const std::string& file) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte-order mark
  std::vector<Record> records;
  Cursor cursor(text);
  while (!cursor.done()) {
    Record record{cursor.line(), {}, 1};
    while (true) {
      // Leading spaces before a quote are allowed; remember where the cell starts.
      const std::size_t from = cursor.offset();
      const int column = cursor.column();
      while (!cursor.done() && cursor.peek() == ' ') cursor.advance();
      Cell cell;
      if (!cursor.done() && cursor.peek() == '"') {
        cell = read_quoted(cursor, delimiter, file);
      } else {
        while (!cursor.done() && cursor.peek() != delimiter && !cursor.at_line_end()) cursor.advance();
        cell = Cell{std::string(cursor.slice(from)), column};
      }
      record.cells.push_back(std::move(cell));
      if (cursor.done() || cursor.at_line_end()) break;
      cursor.advance();  // the delimiter
    }
    record.end_column = cursor.column();
    records.push_back(std::move(record));
    if (!cursor.done()) cursor.advance();  // the line break
  }
  return records;
}

std::string_view trimmed(const Cell& cell) {
  std::string_view text = cell.text;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace parley::io

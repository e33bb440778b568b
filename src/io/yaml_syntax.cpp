#include "io/yaml_syntax.hpp"

#include <vector>

namespace parley::io {
namespace {

struct Position {
  int line = 0;
  int column = 0;
  char opener = '\0';  // '\0': none
};

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// A quote or bracket starts a value only at the beginning of one: first on its line, or after
// one of these indicators. Elsewhere (`Pakistan's`, `see [1]`) it is part of a plain value.
bool starts_value(char previous) {
  return previous == '\0' || previous == ':' || previous == '-' || previous == '[' || previous == '{' ||
         previous == ',' || previous == '?';
}

// `key: |`, `key: >-`, `- |2`: the lines that follow, indented deeper, are literal text.
bool opens_block_scalar(std::string_view line) {
  std::size_t end = line.size();
  if (const auto comment = line.find(" #"); comment != std::string_view::npos) end = comment;
  while (end > 0 && is_space(line[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && !is_space(line[start - 1])) --start;
  const std::string_view token = line.substr(start, end - start);
  if (token.empty() || (token[0] != '|' && token[0] != '>')) return false;
  for (std::size_t i = 1; i < token.size(); ++i) {
    if (token[i] != '-' && token[i] != '+' && (token[i] < '0' || token[i] > '9')) return false;
  }
  std::size_t before = start;
  while (before > 0 && is_space(line[before - 1])) --before;
  return before > 0 && (line[before - 1] == ':' || line[before - 1] == '-');
}

int indentation(std::string_view line) {
  int count = 0;
  while (static_cast<std::size_t>(count) < line.size() && line[static_cast<std::size_t>(count)] == ' ') ++count;
  return count;
}

}  // namespace

std::optional<SyntaxProblem> find_unclosed(std::string_view text) {
  std::vector<Position> open;  // unclosed [ and {
  Position quote;              // an unclosed ' or " (opener '\0': none)
  int block_indent = -1;       // inside a block scalar deeper than this
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    start = end + 1;
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (block_indent >= 0 && quote.opener == '\0') {
      if (blank || indentation(line) > block_indent) continue;
      block_indent = -1;
    }
    char previous = '\0';  // the last non-space character outside quotes on this line
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      const int column = static_cast<int>(i) + 1;
      if (quote.opener != '\0') {
        if (quote.opener == '"' && c == '\\') {
          ++i;
        } else if (c == quote.opener) {
          if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = Position{};
            previous = c;
          }
        }
        continue;
      }
      if (is_space(c)) continue;
      if (c == '#' && (i == 0 || is_space(line[i - 1]))) break;
      const bool at_value_start = starts_value(previous);
      if ((c == '"' || c == '\'') && at_value_start) {
        quote = Position{line_number, column, c};
      } else if ((c == '[' || c == '{') && (at_value_start || !open.empty())) {
        open.push_back({line_number, column, c});
      } else if ((c == ']' || c == '}') && !open.empty()) {
        const char expected = open.back().opener == '[' ? ']' : '}';
        if (c != expected) {
          return SyntaxProblem{line_number, column,
                               std::string("'") + c + "' closes the '" + open.back().opener + "' opened at line " +
                                   std::to_string(open.back().line) + ", column " + std::to_string(open.back().column)};
        }
        open.pop_back();
      }
      previous = c;
    }
    if (quote.opener == '\0' && open.empty() && opens_block_scalar(line)) block_indent = indentation(line);
    if (end == text.size()) break;
  }
  if (quote.opener != '\0') {
    return SyntaxProblem{quote.line, quote.column,
                         std::string("a ") + (quote.opener == '"' ? "double" : "single") +
                             "-quoted value is never closed (add the closing " + quote.opener + ")"};
  }
  if (!open.empty()) {
    const Position& first = open.front();
    const bool list = first.opener == '[';
    return SyntaxProblem{first.line, first.column,
                         std::string("this '") + first.opener + "' is never closed (add the closing '" +
                             (list ? ']' : '}') + "' of the " + (list ? "list" : "mapping") + ")"};
  }
  return std::nullopt;
}

}  // namespace parley::io

// Splitting event rows into fields, and what every layout's parser shares (rows.hpp).

#include "io/events/rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "parley/errors.hpp"

namespace parley::io::events::detail {

void split_tabs(std::string_view line, Fields& fields, bool na) {
  fields.count = 0;
  std::size_t start = 0;
  while (true) {
    const void* found = std::memchr(line.data() + start, '\t', line.size() - start);
    const std::size_t end =
        found == nullptr ? line.size() : static_cast<std::size_t>(static_cast<const char*>(found) - line.data());
    if (fields.count < kMaxColumns) {
      std::string_view value = line.substr(start, end - start);
      if (na && value == "NA") value = {};
      fields.at[fields.count] = value;
      fields.column[fields.count] = start + 1;
    }
    ++fields.count;
    if (found == nullptr) return;
    start = end + 1;
  }
}

void split_quoted(std::string_view line, Fields& fields) {
  fields.count = 0;
  fields.unquoted.clear();
  std::size_t k = 0;
  while (true) {
    const std::size_t start = k;
    std::string_view value;
    if (k < line.size() && line[k] == '"') {
      std::string text;
      bool doubled = false;
      std::size_t i = k + 1;
      const std::size_t first = i;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            doubled = true;
            text += '"';
            i += 2;
            continue;
          }
          break;
        }
        text += line[i];
        ++i;
      }
      if (doubled) {
        fields.unquoted.push_back(std::move(text));
        value = fields.unquoted.back();
      } else {
        value = line.substr(first, i - first);
      }
      k = std::min(line.size(), i + 1);
    } else {
      const std::size_t end = std::min(line.find(',', k), line.size());
      value = line.substr(k, end - k);
      if (value == "NA") value = {};
      k = end;
    }
    if (fields.count < kMaxColumns) {
      fields.at[fields.count] = value;
      fields.column[fields.count] = start + 1;
    }
    ++fields.count;
    if (k >= line.size() || line[k] != ',') return;
    ++k;
  }
}

Header::Header(const Fields& fields, std::string file, std::string about)
    : file_(std::move(file)), about_(std::move(about)) {
  for (std::size_t f = 0; f < std::min(fields.count, kMaxColumns); ++f) names_.emplace_back(fields.at[f]);
}

std::size_t Header::index(std::string_view name, bool required) const {
  const auto found = std::find(names_.begin(), names_.end(), name);
  if (found != names_.end()) return static_cast<std::size_t>(found - names_.begin());
  if (!required) return names_.size();
  throw ScenarioError(diagnostic_at(file_, 1, 1, std::string(name), "the header has no such column (" + about_ + ")"));
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
  return day <= days;
}

int digits_value(std::string_view text) {
  int value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  return value;
}

void RowParser::fail(std::size_t field, const std::string& message) const {
  const auto column = static_cast<int>(field < kMaxColumns ? fields_.column[field] : 1);
  throw ScenarioError(diagnostic_at(file_, static_cast<int>(line_), column, column_name(field), message));
}

bool RowParser::bad(std::size_t field, const std::string& message) {
  if (!options_.skip_bad) fail(field, message);
  ++skipped_;
  return false;
}

bool RowParser::bad_columns(const std::string& message) {
  if (!options_.skip_bad) throw ScenarioError(diagnostic_at(file_, static_cast<int>(line_), 1, "columns", message));
  ++skipped_;
  return false;
}

}  // namespace parley::io::events::detail

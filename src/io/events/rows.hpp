#pragma once
// Internal to the event readers: a row split into fields, and the parser each data set's layout
// provides (gdelt.cpp, icews.cpp). reader.cpp feeds lines and chooses the parser from the first one.

#include <array>
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/io/events.hpp"

namespace parley::io::events::detail {

constexpr std::size_t kMaxColumns = 64;

// A row's fields, as views into the line. Quoted fields with doubled quotes are rewritten into
// `unquoted` (rare): a deque, so that adding one leaves the views of the others in place.
struct Fields {
  std::array<std::string_view, kMaxColumns> at{};
  std::array<std::size_t, kMaxColumns> column{};  // each field's first byte, from 1
  std::size_t count = 0;
  std::deque<std::string> unquoted;
};

// Splits at each tab; `na` empties fields that read `NA` (ICEWS's and R's empty).
void split_tabs(std::string_view line, Fields& fields, bool na = false);
// Comma-separated with "..." fields ("" inside for a quote) and NA for empty.
void split_quoted(std::string_view line, Fields& fields);

// A header row's column names, and where each column parley reads is in it.
class Header {
 public:
  // `names`: the header's fields; `about`: what such a header holds, for the message of a missing column.
  Header(const Fields& fields, std::string file, std::string about);
  // The index of column `name`; ScenarioError at line 1 naming it when it is missing and `required`,
  // else names().size() (a column the row never has: its field reads empty).
  [[nodiscard]] std::size_t index(std::string_view name, bool required = true) const;
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::string file_;
  std::string about_;
};

[[nodiscard]] bool all_digits(std::string_view text);
[[nodiscard]] bool valid_date(int year, int month, int day);
// The value of `count` decimal digits at `text` (checked by the caller).
[[nodiscard]] int digits_value(std::string_view text);

// One data set's rows into the canonical record. Its mistakes stop the read at the row's file, line,
// column and column name, or are counted and skipped under ReadOptions::skip_bad.
class RowParser {
 public:
  RowParser(std::string file, const ReadOptions& options) : file_(std::move(file)), options_(options) {}
  RowParser(const RowParser&) = delete;
  RowParser& operator=(const RowParser&) = delete;
  virtual ~RowParser() = default;

  // Fills `event` from the row at `line`; false when the row was skipped (skip_bad).
  virtual bool parse(std::string_view text, std::size_t line, Event& event) = 0;
  [[nodiscard]] std::size_t skipped() const { return skipped_; }

 protected:
  // The name of a column, for messages.
  [[nodiscard]] virtual std::string column_name(std::size_t field) const = 0;
  [[noreturn]] void fail(std::size_t field, const std::string& message) const;
  // A malformed row: an error, or counted and skipped under skip_bad. Returns false to skip.
  bool bad(std::size_t field, const std::string& message);
  // A row with the wrong number of columns.
  bool bad_columns(const std::string& message);

  Fields fields_;
  std::string file_;
  const ReadOptions& options_;
  std::size_t line_ = 0;
  std::size_t skipped_ = 0;
};

// The parser for a GDELT file whose first line is `first`, or nullptr when it is not one; `header`
// is set when that line is a header row (not an event).
[[nodiscard]] std::unique_ptr<RowParser> gdelt_parser(std::string_view first, const std::string& file,
                                                      const ReadOptions& options, bool& header);
// The parser for an ICEWS file whose first line (its header) is `first`, or nullptr when it is not one.
[[nodiscard]] std::unique_ptr<RowParser> icews_parser(std::string_view first, const std::string& file,
                                                      const ReadOptions& options);

}  // namespace parley::io::events::detail

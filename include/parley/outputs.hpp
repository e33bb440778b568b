#pragma once
// What a model reports beyond its forecasts, declared in its registry entry so that every layer —
// run outputs, Monte Carlo, the run store, MPI, the report, the docs — handles it without knowing
// the model:
// - tables (e.g. exchange's `exchanges.csv`): named, typed columns, filled with typed cells;
// - indicators: per-sample events Monte Carlo counts (e.g. which pairs of actors traded which
//   issues), each occurrence a key of actor and issue indices.

#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "parley/analysis.hpp"

namespace parley {

enum class ColumnType { integer, real, text, boolean };

[[nodiscard]] std::string_view to_string(ColumnType type);

struct Column {
  std::string name;
  ColumnType type = ColumnType::real;
  std::string unit;  // e.g. "issue scale", "probability"; "" when it has none
  std::string description;
  bool per_issue = false;  // one column per issue the model bargains over, named NAME:ISSUE
};

// A table a model may write, as its registry entry declares it.
struct TableSpec {
  std::string name;  // the file is NAME.csv
  std::string row;   // what one row is, e.g. "realised exchange"
  std::string when;  // when the model writes it, e.g. "offers=true"; "" for every run
  std::vector<Column> columns;
};

// One value of a table: none (an empty cell), an integer, a real number (NaN reads as none), text or
// a yes/no.
class Cell {
 public:
  Cell() = default;
  Cell(int value) : value_(std::int64_t{value}) {}                       // NOLINT(google-explicit-constructor)
  Cell(std::int64_t value) : value_(value) {}                            // NOLINT(google-explicit-constructor)
  Cell(std::size_t value) : value_(static_cast<std::int64_t>(value)) {}  // NOLINT(google-explicit-constructor)
  Cell(double value) : value_(value) {}                                  // NOLINT(google-explicit-constructor)
  Cell(bool value) : value_(value) {}                                    // NOLINT(google-explicit-constructor)
  Cell(std::string value) : value_(std::move(value)) {}                  // NOLINT(google-explicit-constructor)
  Cell(const char* value) : value_(std::string(value)) {}                // NOLINT(google-explicit-constructor)

  // As a CSV file holds it: integers in full, reals as the shortest text that reads back to the
  // same double, "true"/"false", "" for none and NaN.
  [[nodiscard]] std::string text() const;
  // Appends text() to `out`, without making a string of it first.
  void append_text(std::string& out) const;
  [[nodiscard]] bool empty() const;
  // The value as a number, when it is an integer or a real that is not NaN.
  [[nodiscard]] std::optional<double> number() const;

  bool operator==(const Cell&) const = default;
  // Compares the cell as written: `cell == "true"`.
  bool operator==(std::string_view text) const { return this->text() == text; }
  bool operator==(const char* text) const { return this->text() == text; }

 private:
  std::variant<std::monostate, std::int64_t, double, bool, std::string> value_;
};

// Writes the cell's text.
std::ostream& operator<<(std::ostream& out, const Cell& cell);

// A table as a model filled it: its columns (per-issue columns expanded) and its rows.
struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;

  [[nodiscard]] std::vector<std::string> header() const;
};

// An empty table of `spec`, its per-issue columns expanded over `issues` (ids, in order).
[[nodiscard]] Table make_table(const TableSpec& spec, const std::vector<std::string>& issues = {});

// A number as a table cell's text: the shortest text that reads back to the same double; "" for NaN.
[[nodiscard]] std::string table_cell(double value);
// The same, appended to `out`.
void append_table_cell(std::string& out, double value);

// What one part of an indicator's key names: one of the problem's actors or one of its issues.
enum class KeyPart { actor, issue };

struct KeyColumn {
  std::string name;  // the column of mc_NAME.csv and of the store
  KeyPart part = KeyPart::actor;
};

// The two sides of a trade as a run's own table holds them (for the report): each side's actor, the
// issue it gives ground on, and where its position on that issue starts and ends.
struct TradeColumns {
  std::string table;  // the model's table (TableSpec::name)
  std::string round;
  std::string order;
  std::string gain;
  struct Side {
    std::string actor;
    std::string gives;
    std::string from;
    std::string to;
  };
  std::array<Side, 2> sides;
};

// A per-sample event a model reports: Monte Carlo counts in how many samples each key occurs
// (mc_NAME.csv), stores them, and judges the scenario's claims of kind `answers` by them.
struct IndicatorSpec {
  std::string name;   // e.g. "exchanges": mc_exchanges.csv, the store's table
  std::string item;   // one of them, e.g. "exchange": the store's code column
  std::string title;  // for the report, e.g. "Exchanges"
  std::string description;
  std::vector<KeyColumn> key;
  // Claims of this kind are judged by the keys that occur (Claim::bears_out); none: no claim is.
  std::optional<ClaimKind> answers;
  // When the keys are trades between two actors (key: actor, issue given, actor, issue given):
  // where a run's table lists them, so that the report can draw them.
  std::optional<TradeColumns> trades;
};

// The keys of one indicator that occurred in a run, each key.size() indices into the problem's
// actors or issues (as the spec's key parts say), flattened; a key occurs at most once.
struct Indicator {
  std::string name;
  std::vector<std::size_t> keys;
};

}  // namespace parley

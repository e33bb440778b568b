#include "parley/outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <ostream>

namespace parley {

std::string_view to_string(ColumnType type) {
  switch (type) {
    case ColumnType::integer:
      return "integer";
    case ColumnType::real:
      return "real";
    case ColumnType::text:
      return "text";
    case ColumnType::boolean:
      return "boolean";
  }
  return "text";
}

void append_table_cell(std::string& out, double value) {
  if (!std::isnan(value)) fmt::format_to(std::back_inserter(out), "{}", value);
}

std::string table_cell(double value) {
  std::string text;
  append_table_cell(text, value);
  return text;
}

std::string Cell::text() const {
  std::string text;
  append_text(text);
  return text;
}

void Cell::append_text(std::string& out) const {
  std::visit(
      [&out](const auto& held) {
        using Held = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<Held, std::int64_t>) {
          fmt::format_to(std::back_inserter(out), "{}", held);
        } else if constexpr (std::is_same_v<Held, double>) {
          append_table_cell(out, held);
        } else if constexpr (std::is_same_v<Held, bool>) {
          out += held ? "true" : "false";
        } else if constexpr (std::is_same_v<Held, std::string>) {
          out += held;
        }
      },
      value_);
}

bool Cell::empty() const {
  if (std::holds_alternative<std::monostate>(value_)) return true;
  if (const auto* real = std::get_if<double>(&value_)) return std::isnan(*real);
  return false;
}

std::optional<double> Cell::number() const {
  if (const auto* integer = std::get_if<std::int64_t>(&value_)) return static_cast<double>(*integer);
  if (const auto* real = std::get_if<double>(&value_); real != nullptr && !std::isnan(*real)) return *real;
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const Cell& cell) {
  return out << cell.text();
}

std::vector<std::string> Table::header() const {
  std::vector<std::string> names;
  names.reserve(columns.size());
  for (const auto& column : columns) names.push_back(column.name);
  return names;
}

Table make_table(const TableSpec& spec, const std::vector<std::string>& issues) {
  Table table{spec.name, {}, {}};
  for (const auto& column : spec.columns) {
    if (!column.per_issue) {
      table.columns.push_back(column);
      continue;
    }
    for (const auto& issue : issues) {
      Column expanded = column;
      expanded.name = column.name + ":" + issue;
      expanded.per_issue = false;
      table.columns.push_back(std::move(expanded));
    }
  }
  return table;
}

}  // namespace parley

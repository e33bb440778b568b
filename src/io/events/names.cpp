// The names of the event options' values, one table each: what the CLI, events.json and the docs say.

#include <array>
#include <utility>

#include "parley/io/events.hpp"

namespace parley::io::events {
namespace {

template <typename Value, std::size_t N>
using Names = std::array<std::pair<Value, std::string_view>, N>;

constexpr Names<Format, 3> kFormats{{{Format::gdelt2, "gdelt2"}, {Format::gdelt1, "gdelt1"}, {Format::icews, "icews"}}};
constexpr Names<GoldsteinTable, 3> kGoldsteinTables{
    {{GoldsteinTable::gdelt, "gdelt"}, {GoldsteinTable::icews, "icews"}, {GoldsteinTable::phoenix, "phoenix"}}};
constexpr Names<QuadConvention, 3> kQuadConventions{
    {{QuadConvention::gdelt, "gdelt"}, {QuadConvention::standard, "standard"}, {QuadConvention::phoenix, "phoenix"}}};
constexpr Names<Period, 4> kPeriods{
    {{Period::day, "day"}, {Period::week, "week"}, {Period::month, "month"}, {Period::year, "year"}}};
constexpr Names<Dedup, 3> kDedups{{{Dedup::none, "none"}, {Dedup::day, "day"}, {Dedup::url, "url"}}};

template <typename Value, std::size_t N>
std::string_view name_of(const Names<Value, N>& names, Value value) {
  for (const auto& [known, name] : names) {
    if (known == value) return name;
  }
  return {};  // every value has a name: the tables above list them all
}

template <typename Value, std::size_t N>
std::optional<Value> value_of(const Names<Value, N>& names, std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Format format) {
  return name_of(kFormats, format);
}
std::optional<Format> parse_format(std::string_view text) {
  return value_of(kFormats, text);
}
std::string_view to_string(GoldsteinTable table) {
  return name_of(kGoldsteinTables, table);
}
std::optional<GoldsteinTable> parse_goldstein_table(std::string_view text) {
  return value_of(kGoldsteinTables, text);
}
std::string_view to_string(QuadConvention convention) {
  return name_of(kQuadConventions, convention);
}
std::optional<QuadConvention> parse_quad_convention(std::string_view text) {
  return value_of(kQuadConventions, text);
}
std::string_view to_string(Period period) {
  return name_of(kPeriods, period);
}
std::optional<Period> parse_period(std::string_view text) {
  return value_of(kPeriods, text);
}
std::string_view to_string(Dedup dedup) {
  return name_of(kDedups, dedup);
}
std::optional<Dedup> parse_dedup(std::string_view text) {
  return value_of(kDedups, text);
}

}  // namespace parley::io::events

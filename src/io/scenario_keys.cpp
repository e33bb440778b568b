#include "parley/io/scenario_keys.hpp"

#include <fmt/format.h>

#include "core/scenario_schema.hpp"
#include "parley/errors.hpp"
#include "parley/text.hpp"

namespace parley::io {
namespace {

using schema::Key;
using schema::Need;

// One row per key, in file order.
class DocsWriter {
 public:
  template <typename Value>
  void text(const Key& key, Value& /*value*/) {
    row(key, "text");
  }
  template <typename Value>
  void number(const Key& key, Value& /*value*/) {
    row(key, number_type(key.bounds));
  }
  void integer(const Key& key, const int& /*value*/) { row(key, "integer"); }
  void boolean(const Key& key, const bool& /*value*/, bool /*fallback*/) { row(key, "boolean"); }
  template <typename Value>
  void date(const Key& key, Value& /*value*/) {
    row(key, "date (YYYY-MM-DD)");
  }
  template <typename Value, typename Message>
  void choice(const Key& key, Value& /*value*/, Message /*invalid*/) {
    using Enum = std::remove_cvref_t<decltype(enum_of(std::declval<Value&>()))>;
    std::vector<std::string> names;
    for (const auto& entry : names_of(Enum{})) names.push_back(fmt::format("`{}`", entry.name));
    row(key, "one of " + join(names));
  }
  void refs(const Key& key, const std::vector<SourceRef>& /*refs*/) { row(key, "list of source references"); }
  template <typename Item>
  void list(const Key& key, const std::vector<Item>& /*items*/) {
    row(key, "list");
  }
  template <typename Value>
  void object(const Key& key, Value& /*value*/) {
    row(key, "map");
  }
  void stances(const Key& key, const std::vector<IssueStance>& /*stances*/) { row(key, "map"); }
  void change(const Key& key, const std::optional<Change>& /*change*/) {
    row(key, "change: `{set: V}`, `{add: V}` or `{scale: F}`");
  }
  void claim_test(const Claim& /*claim*/) {
    for (const Key* key : {&schema::kWithin, &schema::kAbove, &schema::kBelow, &schema::kExchange}) row(*key, "");
  }
  void json_only(std::string_view /*name*/, const std::string& /*value*/) {}

  [[nodiscard]] std::string table() const { return "| key | required | type | meaning |\n|---|---|---|---|\n" + rows_; }

 private:
  template <typename Enum>
  static Enum enum_of(Enum& value) {
    return value;
  }
  template <typename Enum>
  static Enum enum_of(std::optional<Enum>& value) {
    return value.value_or(Enum{});
  }
  template <typename Enum>
  static Enum enum_of(const std::optional<Enum>& value) {
    return value.value_or(Enum{});
  }

  static std::string number_type(const schema::Bounds& bounds) {
    if (bounds.min && bounds.max) return "number in " + range_text(*bounds.min, *bounds.max);
    if (bounds.min) return fmt::format("number ≥ {}", *bounds.min);
    if (bounds.max) return fmt::format("number ≤ {}", *bounds.max);
    return "number";
  }

  void row(const Key& key, const std::string& type) {
    std::string required;
    if (!key.when.empty()) {
      required = std::string(key.when);
    } else {
      required = key.need == Need::required ? "yes" : key.need == Need::strict ? "strict" : "no";
    }
    std::string meaning(key.meaning);
    std::string escaped;
    for (const char c : meaning) {
      if (c == '|') escaped += '\\';
      escaped += c;
    }
    rows_ += fmt::format("| `{}` | {} | {} | {} |\n", key.name, required, key.type.empty() ? type : std::string(key.type),
                         escaped);
  }

  std::string rows_;
};

template <typename Part>
std::string table_of() {
  const Part part{};
  DocsWriter writer;
  schema::fields(writer, part);
  return writer.table();
}

}  // namespace

const std::vector<std::string>& scenario_parts() {
  static const std::vector<std::string> parts{"top",      "source", "actor",       "stance",   "issue", "scale",
                                              "relation", "event",  "effect",      "uncertainty", "override", "claim"};
  return parts;
}

std::string scenario_key_table(std::string_view part) {
  if (part == "top") return table_of<Scenario>();
  if (part == "source") return table_of<Source>();
  if (part == "actor") return table_of<Actor>();
  if (part == "stance") return table_of<Stance>();
  if (part == "issue") return table_of<Issue>();
  if (part == "scale") return table_of<Scale>();
  if (part == "relation") return table_of<Relation>();
  if (part == "event") return table_of<Event>();
  if (part == "effect") return table_of<Effect>();
  if (part == "uncertainty") return table_of<Uncertainty>();
  if (part == "override") return table_of<NoiseOverride>();
  if (part == "claim") return table_of<Claim>();
  throw UsageError(fmt::format("--keys {}: not a part of a scenario{}; the parts: {}", part,
                               did_you_mean(part, scenario_parts()), join(scenario_parts())));
}

}  // namespace parley::io

// Writes a scenario back to YAML by walking the schema (core/scenario_schema.hpp): required keys
// always, others when they say something (a text that is not empty, a number that is set, a list
// that is not empty, a switch that is not at its default).

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/scenario_schema.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley::io {
namespace {

using schema::Key;
using schema::Need;

// Numbers go out in their shortest form that reads back to the same double.
std::string number_text(double value) {
  return fmt::format("{}", value);
}

class YamlWriter {
 public:
  std::string write(const Scenario& scenario) {
    out_ << YAML::BeginMap;
    schema::fields(*this, scenario);
    out_ << YAML::EndMap;
    return std::string(out_.c_str()) + "\n";
  }

  void text(const Key& key, const std::string& value) {
    if (required(key) || !value.empty()) pair(key.name, value);
  }
  void text(const Key& key, const std::optional<std::string>& value) {
    if (value) pair(key.name, *value);
  }
  void number(const Key& key, double value) { pair(key.name, number_text(value)); }
  void number(const Key& key, const std::optional<double>& value) {
    if (value) number(key, *value);
  }
  void integer(const Key& key, int value) { pair(key.name, std::to_string(value)); }
  void boolean(const Key& key, bool value, bool fallback) {
    if (value != fallback) pair(key.name, value ? "true" : "false");
  }
  void date(const Key& key, const Date& value) { pair(key.name, value.to_string()); }
  void date(const Key& key, const std::optional<Date>& value) {
    if (value) date(key, *value);
  }
  template <typename Enum>
  void choice(const Key& key, Enum value, std::string (*/*invalid*/)(std::string_view)) {
    if (required(key) || value != Enum{}) pair(key.name, std::string(enum_name(value)));
  }
  template <typename Enum>
  void choice(const Key& key, const std::optional<Enum>& value, std::string (*/*invalid*/)(std::string_view)) {
    if (value) pair(key.name, std::string(enum_name(*value)));
  }

  void refs(const Key& key, const std::vector<SourceRef>& refs) {
    if (refs.empty()) return;
    out_ << YAML::Key << std::string(key.name) << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& ref : refs) out_ << ref.to_string();
    out_ << YAML::EndSeq;
  }

  template <typename Item>
  void list(const Key& key, const std::vector<Item>& items) {
    if (!required(key) && items.empty()) return;
    out_ << YAML::Key << std::string(key.name) << YAML::Value << YAML::BeginSeq;
    for (const auto& item : items) part(key, item);
    out_ << YAML::EndSeq;
  }

  template <typename Part>
  void object(const Key& key, const Part& value) {
    if constexpr (requires { value.empty(); }) {
      if (!required(key) && value.empty()) return;
    }
    out_ << YAML::Key << std::string(key.name) << YAML::Value;
    part(key, value);
  }

  void stances(const Key& key, const std::vector<IssueStance>& stances) {
    if (stances.empty()) return;
    out_ << YAML::Key << std::string(key.name) << YAML::Value << YAML::BeginMap;
    for (const auto& [issue, stance] : stances) {
      out_ << YAML::Key << issue << YAML::Value;
      part({.flow = true}, stance);
    }
    out_ << YAML::EndMap;
  }

  void change(const Key& key, const std::optional<Change>& value) {
    if (!value) return;
    out_ << YAML::Key << std::string(key.name) << YAML::Value << YAML::Flow << YAML::BeginMap;
    pair(to_string(value->operation), number_text(value->value));
    out_ << YAML::EndMap;
  }

  void claim_test(const Claim& claim) {
    switch (claim.kind) {
      case ClaimKind::within:
        out_ << YAML::Key << std::string(schema::kWithin.name) << YAML::Value << YAML::Flow << YAML::BeginSeq
             << number_text(claim.low) << number_text(claim.high) << YAML::EndSeq;
        break;
      case ClaimKind::above:
        number(schema::kAbove, claim.low);
        break;
      case ClaimKind::below:
        number(schema::kBelow, claim.high);
        break;
      case ClaimKind::exchange:
        out_ << YAML::Key << std::string(schema::kExchange.name) << YAML::Value << YAML::Flow << YAML::BeginMap;
        out_ << YAML::Key << "actors" << YAML::Value << YAML::Flow << claim.actors;
        out_ << YAML::Key << "issues" << YAML::Value << YAML::Flow << claim.issues;
        out_ << YAML::EndMap;
        break;
    }
  }

  void json_only(std::string_view /*name*/, const std::string& /*value*/) {}

 private:
  static bool required(const Key& key) { return key.need == Need::required; }

  template <typename Part>
  void part(const Key& key, const Part& value) {
    if (key.flow) out_ << YAML::Flow;
    out_ << YAML::BeginMap;
    schema::fields(*this, value);
    out_ << YAML::EndMap;
  }

  void pair(std::string_view key, const std::string& value) {
    out_ << YAML::Key << std::string(key) << YAML::Value << value;
  }

  YAML::Emitter out_;
};

}  // namespace

std::string write_scenario_yaml(const Scenario& scenario) {
  return YamlWriter().write(scenario);
}

}  // namespace parley::io

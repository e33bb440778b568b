#include "parley/io/scenario_json.hpp"

#include "core/scenario_schema.hpp"

namespace parley::io {
namespace {

using Json = nlohmann::ordered_json;
using schema::Key;
using schema::Need;

// Writes a scenario as JSON by walking the schema (core/scenario_schema.hpp): the keys of the YAML
// format, every list and map written even when empty, optional values when they are set.
class JsonWriter {
 public:
  // `derived`: also the keys a reader does not take, computed from the others (a claim's kind).
  explicit JsonWriter(bool derived) : derived_(derived) {}

  template <typename Part>
  Json write(const Part& part) const {
    JsonWriter writer(derived_);
    schema::fields(writer, part);
    for (auto& [key, value] : writer.last_.items()) writer.out_[key] = std::move(value);
    return std::move(writer.out_);
  }

  void text(const Key& key, const std::string& value) {
    if (key.need == Need::required || !value.empty()) put(key, value);
  }
  void text(const Key& key, const std::optional<std::string>& value) {
    if (value) put(key, *value);
  }
  void number(const Key& key, double value) { put(key, value); }
  void number(const Key& key, const std::optional<double>& value) {
    if (value) put(key, *value);
  }
  void integer(const Key& key, int value) { put(key, value); }
  void boolean(const Key& key, bool value, bool fallback) {
    if (value != fallback) put(key, value);
  }
  void date(const Key& key, const Date& value) { put(key, value.to_string()); }
  void date(const Key& key, const std::optional<Date>& value) {
    if (value) put(key, value->to_string());
  }
  template <typename Enum>
  void choice(const Key& key, Enum value, std::string (* /*invalid*/)(std::string_view)) {
    if (key.need == Need::required || key.json_always || value != Enum{}) put(key, std::string(enum_name(value)));
  }
  template <typename Enum>
  void choice(const Key& key, const std::optional<Enum>& value, std::string (* /*invalid*/)(std::string_view)) {
    if (value) put(key, std::string(enum_name(*value)));
  }
  void refs(const Key& key, const std::vector<SourceRef>& refs) {
    Json list = Json::array();
    for (const auto& ref : refs) list.push_back(ref.to_string());
    put(key, std::move(list));
  }
  template <typename Item>
  void list(const Key& key, const std::vector<Item>& items) {
    Json list = Json::array();
    for (const auto& item : items) list.push_back(write(item));
    put(key, std::move(list));
  }
  template <typename Part>
  void object(const Key& key, const Part& value) {
    if constexpr (requires { value.empty(); }) {
      if (key.need != Need::required && value.empty()) return;
    }
    put(key, write(value));
  }
  void stances(const Key& key, const std::vector<IssueStance>& stances) {
    Json map = Json::object();
    for (const auto& [issue, stance] : stances) map[issue] = write(stance);
    put(key, std::move(map));
  }
  void change(const Key& key, const std::optional<Change>& value) {
    if (value) put(key, Json{{std::string(to_string(value->operation)), value->value}});
  }
  void claim_test(const Claim& claim) {
    switch (claim.kind) {
      case ClaimKind::within:
        put(schema::kWithin, Json::array({claim.low, claim.high}));
        break;
      case ClaimKind::above:
        put(schema::kAbove, claim.low);
        break;
      case ClaimKind::below:
        put(schema::kBelow, claim.high);
        break;
      case ClaimKind::exchange:
        put(schema::kExchange, Json{{"actors", claim.actors}, {"issues", claim.issues}});
        break;
    }
  }
  void json_only(std::string_view name, const std::string& value) {
    if (derived_) out_[std::string(name)] = value;
  }

 private:
  void put(const Key& key, Json value) { (key.json_last ? last_ : out_)[std::string(key.name)] = std::move(value); }

  bool derived_ = true;
  Json out_ = Json::object();
  Json last_ = Json::object();
};

}  // namespace

Json scenario_to_json(const Scenario& scenario) {
  return JsonWriter(true).write(scenario);
}

Json scenario_data(const Scenario& scenario) {
  return JsonWriter(false).write(scenario);
}

std::vector<Claim> claims_from_json(const nlohmann::json& claims) {
  std::vector<Claim> list;
  if (!claims.is_array()) return list;
  const auto text = [](const nlohmann::json& item, const char* key) {
    return item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : std::string{};
  };
  const auto number = [](const nlohmann::json& value) { return value.is_number() ? value.get<double>() : 0.0; };
  for (const auto& item : claims) {
    Claim claim;
    claim.id = text(item, "id");
    claim.text = text(item, "text");
    claim.issue = text(item, "issue");
    claim.model = text(item, "model");
    claim.rationale = text(item, "rationale");
    if (item.contains("within") && item["within"].is_array() && item["within"].size() == 2) {
      claim.kind = ClaimKind::within;
      claim.low = number(item["within"][0]);
      claim.high = number(item["within"][1]);
    } else if (item.contains("above")) {
      claim.kind = ClaimKind::above;
      claim.low = number(item["above"]);
    } else if (item.contains("below")) {
      claim.kind = ClaimKind::below;
      claim.high = number(item["below"]);
    } else if (item.contains("exchange") && item["exchange"].is_object()) {
      claim.kind = ClaimKind::exchange;
      for (const auto& actor : item["exchange"].value("actors", nlohmann::json::array())) {
        if (actor.is_string()) claim.actors.push_back(actor.get<std::string>());
      }
      for (const auto& issue : item["exchange"].value("issues", nlohmann::json::array())) {
        if (issue.is_string()) claim.issues.push_back(issue.get<std::string>());
      }
    }
    list.push_back(std::move(claim));
  }
  return list;
}

}  // namespace parley::io

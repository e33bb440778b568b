// Reads a scenario from YAML by walking the schema (core/scenario_schema.hpp): every key is read as
// its declaration says, and every problem is reported at its line and column in one pass.

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "core/scenario_schema.hpp"
#include "io/text.hpp"
#include "io/yaml_fields.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley::io {
namespace {

using schema::Key;
using schema::Need;

class ReadVisitor {
 public:
  explicit ReadVisitor(YamlContext& context) : context_(context) {}

  // Reads the mapping `node` into `part`.
  template <typename Part>
  void read(const YAML::Node& node, const std::string& path, Part& part) {
    Fields fields(context_, node, path, schema::key_names<Part>());
    if constexpr (std::is_same_v<Part, Scenario>) {
      if (!fields.valid()) return;
    }
    Current outer = std::move(current_);
    current_ = {&fields, &node, path, {}};
    fields_ = &fields;
    schema::fields(*this, part);
    after(path, part);
    current_ = std::move(outer);
    fields_ = current_.fields;
  }

  void text(const Key& key, std::string& value) { value = fields_->text(key.name, required(key)).value_or(""); }
  void text(const Key& key, std::optional<std::string>& value) { value = fields_->text(key.name, required(key)); }

  void number(const Key& key, double& value) {
    const auto read = fields_->number(key.name, required(key));
    if (!read) current_.absent.push_back(key.name);
    value = read.value_or(0.0);
  }
  void number(const Key& key, std::optional<double>& value) { value = fields_->number(key.name, required(key)); }

  void integer(const Key& key, int& value) {
    if (const auto read = fields_->integer(key.name, required(key))) value = static_cast<int>(*read);
  }

  void boolean(const Key& key, bool& value, bool fallback) {
    value = fields_->boolean(key.name, required(key)).value_or(fallback);
  }

  void date(const Key& key, Date& value) {
    if (const auto read = fields_->date(key.name, required(key))) {
      value = *read;
    } else {
      current_.absent.push_back(key.name);
    }
  }
  void date(const Key& key, std::optional<Date>& value) { value = fields_->date(key.name, required(key)); }

  template <typename Enum>
  void choice(const Key& key, Enum& value, std::string (*invalid)(std::string_view)) {
    if (const auto read = choice_of<Enum>(key, invalid)) value = *read;
  }
  template <typename Enum>
  void choice(const Key& key, std::optional<Enum>& value, std::string (*invalid)(std::string_view)) {
    value = choice_of<Enum>(key, invalid);
  }

  void refs(const Key& key, std::vector<SourceRef>& refs) {
    const auto node = fields_->node(key.name, required(key));
    if (!node || !expect_sequence(context_, *node, fields_->path(key.name))) return;
    for (std::size_t i = 0; i < node->size(); ++i) {
      const std::string path = fmt::format("{}[{}]", fields_->path(key.name), i);
      context_.remember(path, (*node)[i]);
      if (const auto text = read_text(context_, (*node)[i], path)) refs.push_back(SourceRef::parse(*text));
    }
  }

  template <typename Item>
  void list(const Key& key, std::vector<Item>& items) {
    const auto node = fields_->node(key.name, required(key));
    const std::string list_path = fields_->path(key.name);
    if (!node || !expect_sequence(context_, *node, list_path)) return;
    for (std::size_t i = 0; i < node->size(); ++i) {
      Item item{};
      read((*node)[i], fmt::format("{}[{}]", list_path, i), item);
      items.push_back(std::move(item));
    }
  }

  template <typename Part>
  void object(const Key& key, Part& part) {
    if (const auto node = fields_->node(key.name, required(key))) read(*node, fields_->path(key.name), part);
  }

  void stances(const Key& key, std::vector<IssueStance>& stances) {
    const auto node = fields_->node(key.name, required(key));
    if (!node) return;
    const std::string stances_path = fields_->path(key.name);
    if (!node->IsMap()) {
      context_.error(*node, stances_path, "expected a mapping from issue id to stance");
      return;
    }
    for (auto it = node->begin(); it != node->end(); ++it) {
      const std::string issue = it->first.Scalar();
      const std::string stance_path = fmt::format("{}.{}", stances_path, issue);
      Stance stance;
      read(it->second, stance_path, stance);
      stances.push_back({issue, std::move(stance)});
      context_.remember(stance_path, it->first);  // a stance's own errors point at its issue id
    }
  }

  void change(const Key& key, std::optional<Change>& change) {
    const auto node = fields_->node(key.name, required(key));
    if (!node) return;
    Fields operations(context_, *node, fields_->path(key.name), schema::change_keys());
    if (!operations.valid()) return;
    int given = 0;
    for (const auto& entry : schema::kOperationNames) {
      const std::string name(entry.name);
      if (!operations.has(name)) continue;
      ++given;
      if (const auto value = operations.number(name, true)) change = Change{entry.value, *value};
    }
    if (given != 1) {
      context_.error(*node, fields_->path(key.name), "give exactly one of set, add or scale");
      change.reset();
    }
  }

  // Exactly one of within: [low, high], above: X, below: X, exchange: {actors, issues}.
  void claim_test(Claim& claim) {
    int kinds = 0;
    if (const auto within = fields_->node(schema::kWithin.name, false)) {
      ++kinds;
      claim.kind = ClaimKind::within;
      const std::string within_path = fields_->path(schema::kWithin.name);
      if (expect_sequence(context_, *within, within_path) && within->size() == 2) {
        claim.low = read_number(context_, (*within)[0], within_path + "[0]").value_or(0.0);
        claim.high = read_number(context_, (*within)[1], within_path + "[1]").value_or(0.0);
      } else if (within->IsSequence()) {
        context_.error(*within, within_path, "write the range as [low, high]");
      }
    }
    if (const auto above = fields_->number(schema::kAbove.name, false)) {
      ++kinds;
      claim.kind = ClaimKind::above;
      claim.low = *above;
    }
    if (const auto below = fields_->number(schema::kBelow.name, false)) {
      ++kinds;
      claim.kind = ClaimKind::below;
      claim.high = *below;
    }
    if (const auto exchange = fields_->node(schema::kExchange.name, false)) {
      ++kinds;
      claim.kind = ClaimKind::exchange;
      Fields trade(context_, *exchange, fields_->path(schema::kExchange.name), schema::exchange_keys());
      claim.actors = texts(trade, "actors");
      claim.issues = texts(trade, "issues");
    }
    if (kinds != 1 && fields_->valid()) {
      context_.error(*current_.node, current_.path,
                     "a claim needs exactly one of within: [low, high], above: X, below: X, exchange: {...}");
    }
  }

  void json_only(std::string_view /*name*/, const std::string& /*value*/) {}

 private:
  static bool required(const Key& key) { return key.need == Need::required; }

  template <typename Enum>
  std::optional<Enum> choice_of(const Key& key, std::string (*invalid)(std::string_view)) {
    const auto text = fields_->text(key.name, required(key));
    if (!text) return std::nullopt;
    if (const auto value = enum_value<Enum>(*text)) return value;
    context_.error(*fields_->node(key.name, required(key)), fields_->path(key.name), invalid(*text));
    return std::nullopt;
  }

  std::vector<std::string> texts(Fields& fields, std::string_view key) {
    std::vector<std::string> values;
    const auto node = fields.node(key, true);
    if (!node || !expect_sequence(context_, *node, fields.path(key))) return values;
    for (std::size_t i = 0; i < node->size(); ++i) {
      if (const auto text = read_text(context_, (*node)[i], fmt::format("{}[{}]", fields.path(key), i))) {
        values.push_back(*text);
      }
    }
    return values;
  }

  // What a part's keys together decide once they are read.
  template <typename Part>
  void after(const std::string& path, Part& part) {
    if constexpr (std::is_same_v<Part, Scenario>) {
      if (absent("as_of")) context_.mark_unread("start");  // start is checked against as_of
    } else if constexpr (std::is_same_v<Part, Scale>) {
      if (absent("min") || absent("max")) {
        // Without both ends nothing on this issue can be range-checked.
        part.min = part.max = std::numeric_limits<double>::quiet_NaN();
        context_.mark_unread(path);
      }
    }
  }

  [[nodiscard]] bool absent(std::string_view key) const {
    return std::find(current_.absent.begin(), current_.absent.end(), key) != current_.absent.end();
  }

  // The part being read.
  struct Current {
    Fields* fields = nullptr;
    const YAML::Node* node = nullptr;
    std::string path;
    std::vector<std::string_view> absent;  // its required keys that could not be read
  };

  YamlContext& context_;
  Current current_;
  Fields* fields_ = nullptr;  // current_.fields
};

}  // namespace

LoadedScenario read_scenario_yaml(std::string_view text, const std::string& file, const ValidationOptions& options) {
  check_utf8(text, file);
  YamlContext context(file);
  const YAML::Node root = load_yaml(text, context);
  if (root.IsNull()) {
    context.error_at_position(1, 1, "the file is empty; a scenario needs parley, title, as_of, actors and issues");
    throw ScenarioError(context.errors());
  }
  LoadedScenario loaded;
  ReadVisitor(context).read(root, "", loaded.scenario);
  // Problems of form and of meaning are reported together; meaning is not checked where the
  // form already failed, so each mistake is reported once.
  std::vector<Diagnostic> errors = context.errors();
  ValidationReport report = validate(loaded.scenario, context, options);
  for (auto& diagnostic : report.errors) {
    if (!context.is_unread(diagnostic.path)) errors.push_back(std::move(diagnostic));
  }
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
    });
    throw ScenarioError(std::move(errors));
  }
  loaded.warnings = std::move(report.warnings);
  return loaded;
}

}  // namespace parley::io

#include "io/yaml_fields.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "io/yaml_syntax.hpp"
#include "parley/errors.hpp"
#include "parley/text.hpp"

namespace parley::io {
namespace {

std::string_view kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "a single value";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return "nothing";
  }
  return "nothing";
}

bool is_special_float(std::string_view text) {
  for (const std::string_view special :
       {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "-.inf", "+.Inf", "-.Inf", "+.INF", "-.INF", "nan",
        "inf", "-inf", "NaN", "Infinity", "-Infinity"}) {
    if (text == special) return true;
  }
  return false;
}

}  // namespace

Location YamlContext::locate(std::string_view path) const {
  std::string key(path);
  while (true) {
    const auto found = locations_.find(key);
    if (found != locations_.end()) return found->second;
    const auto cut = key.find_last_of(".[");
    if (cut == std::string::npos || key.empty()) break;
    key.resize(cut);
  }
  return {file_, 0, 0};
}

Location YamlContext::at(const YAML::Mark& mark) const {
  if (mark.line < 0) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

void YamlContext::remember(const std::string& path, const YAML::Node& node) {
  locations_[path] = at(node.Mark());
}

void YamlContext::error(const YAML::Node& node, const std::string& path, std::string message) {
  error_at(node.Mark(), path, std::move(message));
  mark_unread(path);
}

void YamlContext::error_at(const YAML::Mark& mark, const std::string& path, std::string message) {
  errors_.push_back({at(mark), path, std::move(message)});
}

bool YamlContext::is_unread(std::string_view path) const {
  for (const auto& unread : unread_) {
    if (path.substr(0, unread.size()) != unread) continue;
    if (path.size() == unread.size() || path[unread.size()] == '.' || path[unread.size()] == '[') return true;
  }
  return false;
}

Fields::Fields(YamlContext& context, const YAML::Node& node, std::string path, std::vector<std::string> allowed)
    : context_(context), node_(node), path_(std::move(path)) {
  context_.remember(path_, node_);
  if (!node_.IsMap()) {
    context_.error(node_, path_, fmt::format("expected a mapping of keys, found {}", kind_name(node_)));
    return;
  }
  valid_ = true;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const std::string key = it->first.Scalar();
    const std::string key_path = path_.empty() ? key : path_ + "." + key;
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      context_.error(it->first, key_path, unknown_key(key, allowed));
      continue;
    }
    if (has(key)) {
      context_.error(it->first, key_path, "duplicate key");
      continue;
    }
    context_.remember(key_path, it->second);
    entries_.push_back({key, it->first, it->second});
  }
}

bool Fields::has(std::string_view key) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& entry) { return entry.key == key; });
}

std::optional<YAML::Node> Fields::get(std::string_view key, bool required) {
  if (!valid_) return std::nullopt;
  for (const auto& entry : entries_) {
    if (entry.key != key) continue;
    if (entry.value.IsNull()) {
      context_.error(entry.key_node, path(key), "has no value");
      return std::nullopt;
    }
    return entry.value;
  }
  if (required) {
    // Reported on the mapping (the key is not there to point at); what is unread is the key.
    const std::string where = path_.empty() ? std::string(key) : path_;
    context_.error_at(node_.Mark(), where, fmt::format("missing required key '{}'", key));
    context_.mark_unread(path(key));
  }
  return std::nullopt;
}

std::optional<YAML::Node> Fields::node(std::string_view key, bool required) {
  return get(key, required);
}

std::optional<std::string> Fields::text(std::string_view key, bool required) {
  const auto value = get(key, required);
  if (!value) return std::nullopt;
  return read_text(context_, *value, path(key));
}

std::optional<double> Fields::number(std::string_view key, bool required) {
  const auto value = get(key, required);
  if (!value) return std::nullopt;
  return read_number(context_, *value, path(key));
}

std::optional<long long> Fields::integer(std::string_view key, bool required) {
  const auto value = get(key, required);
  if (!value) return std::nullopt;
  const auto text = read_text(context_, *value, path(key));
  if (!text) return std::nullopt;
  long long result = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), result);
  if (error != std::errc{} || end != text->data() + text->size()) {
    context_.error(*value, path(key), fmt::format("'{}' is not a whole number", *text));
    return std::nullopt;
  }
  return result;
}

std::optional<bool> Fields::boolean(std::string_view key, bool required) {
  const auto value = get(key, required);
  if (!value) return std::nullopt;
  const auto text = read_text(context_, *value, path(key));
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  context_.error(*value, path(key), fmt::format("'{}' is not a boolean (write true or false)", *text));
  return std::nullopt;
}

std::optional<Date> Fields::date(std::string_view key, bool required) {
  const auto value = get(key, required);
  if (!value) return std::nullopt;
  const auto text = read_text(context_, *value, path(key));
  if (!text) return std::nullopt;
  auto parsed = Date::parse(*text);
  if (!parsed)
    context_.error(*value, path(key),
                   fmt::format("'{}' is not a valid date ({})", *text, Date::explain_invalid(*text)));
  return parsed;
}

std::optional<std::string> read_text(YamlContext& context, const YAML::Node& node, const std::string& path) {
  if (!node.IsScalar()) {
    context.error(node, path, fmt::format("expected a single value, found {}", kind_name(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<double> read_number(YamlContext& context, const YAML::Node& node, const std::string& path) {
  const auto text = read_text(context, node, path);
  if (!text) return std::nullopt;
  if (is_special_float(*text)) {
    context.error(node, path, not_finite(*text));
    return std::nullopt;
  }
  const char* first = text->data();
  const char* last = first + text->size();
  if (first != last && *first == '+') ++first;
  double value = 0.0;
  const auto [end, error] = std::from_chars(first, last, value);
  if (error == std::errc::result_out_of_range) {
    context.error(node, path, not_finite(*text) + " (out of range)");
    return std::nullopt;
  }
  if (error != std::errc{} || end != last || first == last) {
    context.error(node, path, fmt::format("'{}' is not a number", *text));
    return std::nullopt;
  }
  return value;
}

bool expect_sequence(YamlContext& context, const YAML::Node& node, const std::string& path) {
  context.remember(path, node);
  if (node.IsSequence()) return true;
  context.error(node, path, fmt::format("expected a list, found {}", kind_name(node)));
  return false;
}

YAML::Node load_yaml(std::string_view text, YamlContext& context, std::string_view what) {
  if (const auto problem = find_unclosed(text)) {
    context.error_at_position(problem->line, problem->column, fmt::format("{}: {}", what, problem->message));
    throw ScenarioError(context.errors());
  }
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    context.error_at(error.mark, "", fmt::format("{}: {}", what, error.msg));
    throw ScenarioError(context.errors());
  }
}

}  // namespace parley::io

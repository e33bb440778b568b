#pragma once
// Typed access to yaml-cpp nodes that turns every problem into a located Diagnostic instead of
// an exception, so one pass over a file reports all its problems.

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.hpp"
#include "parley/validate.hpp"

namespace parley::io {

// Collects diagnostics and remembers where each key path is, for validation messages.
class YamlContext : public Locator {
 public:
  explicit YamlContext(std::string file) : file_(std::move(file)) {}

  [[nodiscard]] Location locate(std::string_view path) const override;
  [[nodiscard]] Location at(const YAML::Mark& mark) const;
  void remember(const std::string& path, const YAML::Node& node);
  // Reports a problem with the value at `path` and marks the path unread: later checks of
  // meaning skip it, so one mistake is reported once.
  void error(const YAML::Node& node, const std::string& path, std::string message);
  // Reports a problem at `mark` without marking anything unread.
  void error_at(const YAML::Mark& mark, const std::string& path, std::string message);
  // Reports a problem of the whole text (a syntax error) at a 1-based line and column.
  void error_at_position(int line, int column, std::string message) {
    errors_.push_back({{file_, line, column}, "", std::move(message)});
  }
  void mark_unread(const std::string& path) { unread_.push_back(path); }
  // True when `path` is, or lies under, a path that could not be read.
  [[nodiscard]] bool is_unread(std::string_view path) const;

  [[nodiscard]] const std::vector<Diagnostic>& errors() const { return errors_; }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::map<std::string, Location, std::less<>> locations_;
  std::vector<Diagnostic> errors_;
  std::vector<std::string> unread_;
};

// Parses `text` (YAML, or JSON, which YAML reads), reporting a syntax error at its place — an
// unclosed quote or bracket found by find_unclosed, else yaml-cpp's — as ScenarioError with the
// message prefixed by `what` ("YAML syntax error"). A file with no document gives a null node.
[[nodiscard]] YAML::Node load_yaml(std::string_view text, YamlContext& context,
                                   std::string_view what = "YAML syntax error");

// The keys of one mapping, checked against the keys it may have: unknown keys (with a hint),
// duplicates and a non-mapping node are reported once, here.
class Fields {
 public:
  Fields(YamlContext& context, const YAML::Node& node, std::string path, std::vector<std::string> allowed);

  [[nodiscard]] bool valid() const { return valid_; }
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] std::string path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  // Each getter reports a missing required key or a value of the wrong type.
  std::optional<std::string> text(std::string_view key, bool required);
  std::optional<double> number(std::string_view key, bool required);
  std::optional<long long> integer(std::string_view key, bool required);
  std::optional<bool> boolean(std::string_view key, bool required);
  std::optional<Date> date(std::string_view key, bool required);
  // The node itself, for nested structures; nullopt (and an error if required) when absent.
  std::optional<YAML::Node> node(std::string_view key, bool required);

 private:
  std::optional<YAML::Node> get(std::string_view key, bool required);

  YamlContext& context_;
  YAML::Node node_;
  std::string path_;
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  std::vector<Entry> entries_;
  bool valid_ = false;
};

// Scalar conversions shared by Fields and list readers.
std::optional<std::string> read_text(YamlContext& context, const YAML::Node& node, const std::string& path);
std::optional<double> read_number(YamlContext& context, const YAML::Node& node, const std::string& path);
bool expect_sequence(YamlContext& context, const YAML::Node& node, const std::string& path);

}  // namespace parley::io

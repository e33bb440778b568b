#pragma once
// Typed model parameters. Each model declares its parameters once (name, type, default, range or
// choices, description) in its registry entry; the CLI, the docs and run.json read them from there.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parley {

// text: free text the model itself parses (e.g. a list of issue ids); the registry checks nothing.
enum class ParameterType { integer, real, boolean, choice, text };

struct ParameterSpec {
  std::string name;
  ParameterType type = ParameterType::real;
  std::string default_value;  // as text, parsed by the same code as a command-line value
  std::optional<double> min;  // inclusive, for integer and real
  std::optional<double> max;
  std::vector<std::string> choices;  // for choice
  std::string description;
};

using ParameterValue = std::variant<std::int64_t, double, bool, std::string>;

// A model's resolved parameters: every declared parameter has a value.
class ParameterValues {
 public:
  void set(const std::string& name, ParameterValue value) { values_[name] = std::move(value); }
  [[nodiscard]] std::int64_t integer(const std::string& name) const;
  [[nodiscard]] double real(const std::string& name) const;
  [[nodiscard]] bool boolean(const std::string& name) const;
  [[nodiscard]] const std::string& choice(const std::string& name) const;
  [[nodiscard]] const std::string& text(const std::string& name) const;
  [[nodiscard]] const std::map<std::string, ParameterValue>& all() const { return values_; }

  bool operator==(const ParameterValues&) const = default;

 private:
  const ParameterValue& at(const std::string& name) const;
  std::map<std::string, ParameterValue> values_;
};

[[nodiscard]] std::string_view to_string(ParameterType type);
[[nodiscard]] std::string to_string(const ParameterValue& value);

// Parses `text` as a value of `spec`; throws ConfigError naming the model and parameter.
[[nodiscard]] ParameterValue parse_parameter(const std::string& model, const ParameterSpec& spec,
                                             const std::string& text);

// The defaults of every spec, overridden by `assignments` (name, text) in order. Unknown names and
// bad values throw ConfigError listing the valid parameters.
[[nodiscard]] ParameterValues resolve_parameters(const std::string& model, const std::vector<ParameterSpec>& specs,
                                                 const std::vector<std::pair<std::string, std::string>>& assignments);

}  // namespace parley

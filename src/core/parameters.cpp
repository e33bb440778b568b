#include "parley/parameters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/parameter_table.hpp"
#include "parley/text.hpp"
#include "parley/errors.hpp"

namespace parley {

const ParameterValue& ParameterValues::at(const std::string& name) const {
  const auto found = values_.find(name);
  if (found == values_.end()) throw ModelError(fmt::format("parameter '{}' was never resolved", name));
  return found->second;
}

std::int64_t ParameterValues::integer(const std::string& name) const {
  return std::get<std::int64_t>(at(name));
}
double ParameterValues::real(const std::string& name) const {
  return std::get<double>(at(name));
}
bool ParameterValues::boolean(const std::string& name) const {
  return std::get<bool>(at(name));
}
const std::string& ParameterValues::choice(const std::string& name) const {
  return std::get<std::string>(at(name));
}
const std::string& ParameterValues::text(const std::string& name) const {
  return std::get<std::string>(at(name));
}

std::string_view to_string(ParameterType type) {
  switch (type) {
    case ParameterType::integer:
      return "integer";
    case ParameterType::real:
      return "real";
    case ParameterType::boolean:
      return "boolean";
    case ParameterType::choice:
      return "choice";
    case ParameterType::text:
      return "text";
  }
  return "real";
}

std::string format_parameter_real(double value) {
  std::string text = fmt::format("{}", value);
  const auto exponent = text.find('e');
  if (exponent == std::string::npos) return text;
  std::size_t digits = exponent + 1;
  if (digits < text.size() && (text[digits] == '-' || text[digits] == '+')) ++digits;
  const std::size_t first = text.find_first_not_of('0', digits);
  text.erase(digits, (first == std::string::npos ? text.size() - 1 : first) - digits);
  if (text[exponent + 1] == '+') text.erase(exponent + 1, 1);
  return text;
}

std::string to_string(const ParameterValue& value) {
  return std::visit(
      [](const auto& held) -> std::string {
        using Held = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<Held, bool>) {
          return held ? "true" : "false";
        } else if constexpr (std::is_same_v<Held, std::string>) {
          return held;
        } else {
          return fmt::format("{}", held);
        }
      },
      value);
}

namespace {

template <typename Number>
std::optional<Number> parse_number(const std::string& text) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

void check_range(const std::string& model, const ParameterSpec& spec, double value, const std::string& text) {
  const bool too_low = spec.min && value < *spec.min;
  const bool too_high = spec.max && value > *spec.max;
  if (too_low || too_high) {
    const std::string range = fmt::format("[{}, {}]", spec.min ? fmt::format("{}", *spec.min) : "-inf",
                                          spec.max ? fmt::format("{}", *spec.max) : "inf");
    throw ConfigError(fmt::format("{}.{}: {}", model, spec.name, outside(text, range)));
  }
}

}  // namespace

ParameterValue parse_parameter(const std::string& model, const ParameterSpec& spec, const std::string& text) {
  switch (spec.type) {
    case ParameterType::integer: {
      const auto value = parse_number<std::int64_t>(text);
      if (!value) throw ConfigError(fmt::format("{}.{}: '{}' is not an integer", model, spec.name, text));
      check_range(model, spec, static_cast<double>(*value), text);
      return *value;
    }
    case ParameterType::real: {
      const auto value = parse_number<double>(text);
      if (!value || !std::isfinite(*value)) {
        throw ConfigError(fmt::format("{}.{}: '{}' is not a finite number", model, spec.name, text));
      }
      check_range(model, spec, *value, text);
      return *value;
    }
    case ParameterType::boolean:
      if (text == "true") return true;
      if (text == "false") return false;
      throw ConfigError(fmt::format("{}.{}: '{}' is not a boolean (true or false)", model, spec.name, text));
    case ParameterType::choice:
      for (const auto& choice : spec.choices) {
        if (choice == text) return text;
      }
      throw ConfigError(fmt::format("{}.{}: '{}' is not one of: {}{}", model, spec.name, text, join(spec.choices),
                                    did_you_mean(text, spec.choices)));
    case ParameterType::text:
      return text;
  }
  throw ConfigError(fmt::format("{}.{}: unsupported parameter type", model, spec.name));
}

ParameterValues resolve_parameters(const std::string& model, const std::vector<ParameterSpec>& specs,
                                   const std::vector<std::pair<std::string, std::string>>& assignments) {
  ParameterValues values;
  for (const auto& spec : specs) values.set(spec.name, parse_parameter(model, spec, spec.default_value));
  std::vector<std::string> names;
  names.reserve(specs.size());
  for (const auto& spec : specs) names.push_back(spec.name);
  for (const auto& assignment : assignments) {
    const std::string& name = assignment.first;
    const std::string& text = assignment.second;
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const ParameterSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      const std::string valid = names.empty() ? "it has no parameters" : "valid: " + join(names);
      throw ConfigError(fmt::format("{}.{}: unknown parameter of model '{}'{}; {}", model, name, model,
                                    did_you_mean(name, names), valid));
    }
    values.set(name, parse_parameter(model, *spec, text));
  }
  return values;
}

}  // namespace parley

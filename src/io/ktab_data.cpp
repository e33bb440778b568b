// What the KTAB readers share: lenient numbers and the checks of an actor's row (spec §11).

#include "io/ktab_data.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <algorithm>
#include <limits>

#include "parley/registry.hpp"
#include "parley/text.hpp"

namespace parley::io::ktab {

const std::vector<std::string>& enum_parameter_names() {
  static const std::vector<std::string> names{"VictoryProbModel", "PCEModel",         "StateTransitions",
                                              "VotingRule",       "BigRAdjust",       "BigRRange",
                                              "ThirdPartyCommit", "InterVecBrgn",     "BargnModel"};
  return names;
}

std::vector<std::string> parameter_values(std::string_view parameter) {
  for (const auto& spec : find_model("smp").parameters) {
    if (spec.name == parameter) return spec.choices;
  }
  return {};
}

std::optional<std::string> canonical_value(std::string_view parameter, std::string_view value) {
  const auto values = parameter_values(parameter);
  if (std::find(values.begin(), values.end(), value) != values.end()) return std::string(value);
  // KTAB's XML schema spells two values differently from KTAB's code.
  if (parameter == "VotingRule" && value == "Proportional") return "Prop";
  if (parameter == "BigRAdjust" && value == "No") return "None";
  return std::nullopt;
}

// KTAB's lenient number: leading whitespace skipped, the longest decimal prefix read (optional
// sign, digits, fraction, exponent), the rest ignored. nullopt when there is no such prefix.
std::optional<double> lenient_number(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) ++at;
  std::size_t end = at;
  if (end < text.size() && (text[end] == '+' || text[end] == '-')) ++end;
  const std::size_t digits_from = end;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
  std::size_t digits = end - digits_from;
  if (end < text.size() && text[end] == '.') {
    ++end;
    const std::size_t fraction_from = end;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
    digits += end - fraction_from;
  }
  if (digits == 0) return std::nullopt;
  if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
    std::size_t exponent = end + 1;
    if (exponent < text.size() && (text[exponent] == '+' || text[exponent] == '-')) ++exponent;
    const std::size_t exponent_digits = exponent;
    while (exponent < text.size() && std::isdigit(static_cast<unsigned char>(text[exponent])) != 0) ++exponent;
    if (exponent > exponent_digits) end = exponent;
  }
  std::string_view number = text.substr(at, end - at);
  if (number.front() == '+') number.remove_prefix(1);
  double value = 0.0;
  const auto [ptr, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error == std::errc::result_out_of_range) {
    // Correctly rounded, as KTAB reads it: too small a magnitude is 0, too large infinite.
    const std::size_t e = number.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && number.substr(e + 1).starts_with('-');
    const bool negative = number.front() == '-';
    const double magnitude = tiny ? 0.0 : std::numeric_limits<double>::infinity();
    return negative ? -magnitude : magnitude;
  }
  if (error != std::errc{} || ptr != number.data() + number.size()) return std::nullopt;
  return value;
}

std::optional<long long> lenient_integer(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) ++at;
  if (at < text.size() && text[at] == '+') ++at;
  long long value = 0;
  const auto [ptr, error] = std::from_chars(text.data() + at, text.data() + text.size(), value);
  if (error != std::errc{} || ptr == text.data() + at) return std::nullopt;
  return value;
}

// Checks an actor's saliences (0-100 each, running sum at most 100) and positions (0-100).
void check_actor(const KtabActor& actor, const std::vector<std::string>& dimensions,
                 const std::vector<Where>& position_at, const std::vector<Where>& salience_at, Errors& errors) {
  double sum = 0.0;
  for (std::size_t k = 0; k < actor.salience.size(); ++k) {
    const std::string key = fmt::format("actor[{}].salience[{}]", actor.name, dimensions[k]);
    const double s = actor.salience[k];
    if (!(s >= 0.0 && s <= 100.0)) errors.add(salience_at[k], key, "salience " + outside(s, 0.0, 100.0));
    sum += s;
    if (sum > 100.0) {
      errors.add(salience_at[k], key, fmt::format("the saliences so far sum to {}, more than 100", sum));
      break;
    }
  }
  for (std::size_t k = 0; k < actor.position.size(); ++k) {
    const double x = actor.position[k];
    if (!(x >= 0.0 && x <= 100.0)) {
      errors.add(position_at[k], fmt::format("actor[{}].position[{}]", actor.name, dimensions[k]),
                 "position " + outside(x, 0.0, 100.0) + ", the scale parley gives each KTAB dimension");
    }
  }
}

}  // namespace parley::io::ktab

#pragma once
// A model's parameters declared once, each bound to a field of the model's options struct, in the
// manner of HiGHS's option records: name, description, range or choices; the default is the field's
// value in a default-constructed struct. The registry's ParameterSpecs — and through them the CLI,
// validation, the docs tables and run.json — and the typed options a model is made with all come
// from this one declaration:
//
//   struct Options { Utility utility = Utility::linear; int rounds = 10; };
//   ParameterTable<Options> table;
//   table.choice("utility", &Options::utility, "how an actor values an outcome")
//        .integer("rounds", &Options::rounds, 1, 1000, "rounds of bargaining");
//
// Enums name their values in one table each, found by argument-dependent lookup:
//
//   constexpr EnumName<Utility> kUtilityNames[]{{Utility::linear, "linear"}, {Utility::quadratic, "quadratic"}};
//   constexpr std::span<const EnumName<Utility>> names_of(Utility) { return kUtilityNames; }

#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "parley/model.hpp"
#include "parley/parameters.hpp"

namespace parley {

template <typename Enum>
struct EnumName {
  Enum value;
  std::string_view name;
};

// The name of an enum value, from its type's table.
template <typename Enum>
[[nodiscard]] constexpr std::string_view enum_name(Enum value) {
  for (const auto& entry : names_of(Enum{})) {
    if (entry.value == value) return entry.name;
  }
  return {};
}

// The enum value a name stands for; nullopt when it names none.
template <typename Enum>
[[nodiscard]] constexpr std::optional<Enum> enum_value(std::string_view name) {
  for (const auto& entry : names_of(Enum{})) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// A real number as a parameter's default is written: the shortest text that reads back to it,
// with a plain exponent (1e-9, not 1e-09).
[[nodiscard]] std::string format_parameter_real(double value);

template <typename Options>
class ParameterTable {
 public:
  template <typename Integer>
  ParameterTable& integer(std::string_view name, Integer Options::*field, std::int64_t min, std::int64_t max,
                          std::string_view description) {
    static_assert(std::is_integral_v<Integer>);
    return add({.name = std::string(name),
                .type = ParameterType::integer,
                .default_value = fmt::format("{}", Options{}.*field),
                .min = static_cast<double>(min),
                .max = static_cast<double>(max),
                .description = std::string(description)},
               [field](Options& options, const ParameterValues& values, const std::string& key) {
                 options.*field = static_cast<Integer>(values.integer(key));
               });
  }

  ParameterTable& real(std::string_view name, double Options::*field, std::optional<double> min, std::optional<double> max,
                       std::string_view description) {
    return add({.name = std::string(name),
                .type = ParameterType::real,
                .default_value = format_parameter_real(Options{}.*field),
                .min = min,
                .max = max,
                .description = std::string(description)},
               [field](Options& options, const ParameterValues& values, const std::string& key) {
                 options.*field = values.real(key);
               });
  }

  ParameterTable& boolean(std::string_view name, bool Options::*field, std::string_view description) {
    return add({.name = std::string(name),
                .type = ParameterType::boolean,
                .default_value = Options{}.*field ? "true" : "false",
                .description = std::string(description)},
               [field](Options& options, const ParameterValues& values, const std::string& key) {
                 options.*field = values.boolean(key);
               });
  }

  ParameterTable& text(std::string_view name, std::string Options::*field, std::string_view description) {
    return add({.name = std::string(name),
                .type = ParameterType::text,
                .default_value = Options{}.*field,
                .description = std::string(description)},
               [field](Options& options, const ParameterValues& values, const std::string& key) {
                 options.*field = values.text(key);
               });
  }

  // A yes/no switch spelled as two choices (e.g. "parley" and "ktab"), the first meaning false.
  ParameterTable& choice(std::string_view name, bool Options::*field, std::string_view no, std::string_view yes,
                         std::string_view description) {
    return add({.name = std::string(name),
                .type = ParameterType::choice,
                .default_value = std::string(Options{}.*field ? yes : no),
                .choices = {std::string(no), std::string(yes)},
                .description = std::string(description)},
               [field, yes = std::string(yes)](Options& options, const ParameterValues& values,
                                               const std::string& key) { options.*field = values.choice(key) == yes;
               });
  }

  // Every value of the enum, in its name table's order.
  template <typename Enum>
  ParameterTable& choice(std::string_view name, Enum Options::*field, std::string_view description) {
    std::vector<Enum> allowed;
    for (const auto& entry : names_of(Enum{})) allowed.push_back(entry.value);
    return choice(name, field, allowed, description);
  }

  // Only the values `allowed`, in that order.
  template <typename Enum>
  ParameterTable& choice(std::string_view name, Enum Options::*field, const std::vector<Enum>& allowed,
                         std::string_view description) {
    std::vector<std::string> choices;
    choices.reserve(allowed.size());
    for (const Enum value : allowed) choices.emplace_back(enum_name(value));
    return add({.name = std::string(name),
                .type = ParameterType::choice,
                .default_value = std::string(enum_name(Options{}.*field)),
                .choices = std::move(choices),
                .description = std::string(description)},
               [field](Options& options, const ParameterValues& values, const std::string& key) {
                 options.*field = *enum_value<Enum>(values.choice(key));
               });
  }

  // An enum that may be left unset, spelled `unset` (e.g. "variant": the model's variant decides);
  // the choices are `unset` and then every value of the enum.
  template <typename Enum>
  ParameterTable& choice(std::string_view name, std::optional<Enum> Options::*field, std::string_view unset,
                         std::string_view description) {
    std::vector<std::string> choices{std::string(unset)};
    for (const auto& entry : names_of(Enum{})) choices.emplace_back(entry.name);
    const std::optional<Enum> initial = Options{}.*field;
    return add({.name = std::string(name),
                .type = ParameterType::choice,
                .default_value = initial ? std::string(enum_name(*initial)) : std::string(unset),
                .choices = std::move(choices),
                .description = std::string(description)},
               [field, unset = std::string(unset)](Options& options, const ParameterValues& values,
                                                   const std::string& key) {
                 const std::string& chosen = values.choice(key);
                 options.*field = chosen == unset ? std::nullopt : enum_value<Enum>(chosen);
               });
  }

  // The registry's view: one spec per parameter, in declaration order.
  [[nodiscard]] std::vector<ParameterSpec> specs() const {
    std::vector<ParameterSpec> specs;
    for (const auto& entry : entries_) specs.push_back(entry.spec);
    return specs;
  }

  // The options that resolved values stand for (every declared parameter must have a value).
  [[nodiscard]] Options bind(const ParameterValues& values) const {
    Options options{};
    for (const auto& entry : entries_) entry.assign(options, values, entry.spec.name);
    return options;
  }

 private:
  using Assign = std::function<void(Options&, const ParameterValues&, const std::string&)>;
  struct Entry {
    ParameterSpec spec;
    Assign assign;
  };

  ParameterTable& add(ParameterSpec spec, Assign assign) {
    entries_.push_back(Entry{std::move(spec), std::move(assign)});
    return *this;
  }

  std::vector<Entry> entries_;
};

// A registry entry whose parameters are `table`'s and whose model `make` builds from the typed
// options they resolve to.
template <typename Options, typename Make>
[[nodiscard]] ModelInfo with_parameters(ModelInfo info, ParameterTable<Options> table, Make make) {
  info.parameters = table.specs();
  info.make = [table = std::move(table), make = std::move(make)](const ParameterValues& values) {
    return make(table.bind(values));
  };
  return info;
}

}  // namespace parley

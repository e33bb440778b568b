#pragma once
// KTAB's SMP scenario as its two file layouts hold it, before it becomes a parley scenario; what the
// CSV reader (ktab_csv.cpp) and the XML reader (ktab_xml.cpp) share. Private to src/io.

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/errors.hpp"

namespace parley::io::ktab {

inline constexpr std::size_t kMinActors = 3;
inline constexpr std::size_t kMaxActors = 250;

struct Where {
  int line = 0;
  int column = 0;
};

struct KtabActor {
  std::string name;
  std::string description;
  double capability = 0.0;
  std::vector<double> position;  // 0-100
  std::vector<double> salience;  // 0-100
  Where where;
};

struct Adjustment {
  std::size_t adjusting = 0;
  std::size_t reference = 0;
  double value = 0.0;
  Where where;  // its <adjust>
};

inline constexpr std::uint64_t kKtabCsvSeed = 15455440707583219804ULL;  // KTAB's default seed for CSV runs

struct KtabScenario {
  std::string format;  // "CSV" or "XML"
  std::string name;
  std::string description;
  std::vector<std::string> dimensions;
  std::vector<KtabActor> actors;
  std::vector<std::string> parameters;  // smp.NAME=VALUE
  std::optional<std::uint64_t> seed;
  std::vector<Adjustment> adjustments;
};

// Diagnostics of one file: collected, or thrown at once. Collecting stops at kMostErrors: a file
// that says it has many actors or dimensions and has none would otherwise give millions.
class Errors {
 public:
  static constexpr std::size_t kMostErrors = 100;
  explicit Errors(std::string file) : file_(std::move(file)) {}
  void add(Where where, std::string key, std::string message) {
    list_.push_back(diagnostic_at(file_, where.line, where.column, std::move(key), std::move(message)));
    if (list_.size() == kMostErrors) {
      list_.push_back(diagnostic_at(file_, where.line, where.column, "",
                                    fmt::format("stopped reading after {} errors", kMostErrors)));
      throw ScenarioError(std::move(list_));
    }
  }
  [[noreturn]] void fail(Where where, std::string key, std::string message) {
    add(where, std::move(key), std::move(message));
    throw ScenarioError(std::move(list_));
  }
  void throw_if_any() {
    if (!list_.empty()) throw ScenarioError(std::move(list_));
  }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Diagnostic> list_;
};

// KTAB's lenient number: leading whitespace skipped, the longest decimal prefix read (optional
// sign, digits, fraction, exponent), the rest ignored; a magnitude too small for a double reads as 0.
// nullopt when there is no such prefix.
[[nodiscard]] std::optional<double> lenient_number(std::string_view text);
// The same for a whole number.
[[nodiscard]] std::optional<long long> lenient_integer(std::string_view text);

// Checks an actor's saliences (0-100 each, running sum at most 100) and positions (0-100).
void check_actor(const KtabActor& actor, const std::vector<std::string>& dimensions,
                 const std::vector<Where>& position_at, const std::vector<Where>& salience_at, Errors& errors);

// The readers: throw ScenarioError at file, line, column and field.
// KTAB's nine enumerated model parameters, as elements of <ModelParameters>, in KTAB's order; each
// is an smp parameter of the same name.
[[nodiscard]] const std::vector<std::string>& enum_parameter_names();

// KTAB's code spelling of a value of one of those parameters, written either that way or as KTAB's
// XML schema spells it ("Proportional" for Prop, "No" for None); nullopt when it is neither.
[[nodiscard]] std::optional<std::string> canonical_value(std::string_view parameter, std::string_view value);

// The values KTAB's code spells for one of those parameters (the smp parameter's choices).
[[nodiscard]] std::vector<std::string> parameter_values(std::string_view parameter);

[[nodiscard]] KtabScenario read_csv(std::string_view text, const std::string& file);
[[nodiscard]] KtabScenario read_xml_scenario(std::string_view text, const std::string& file);

}  // namespace parley::io::ktab

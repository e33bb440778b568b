#pragma once
// Checks a scenario's meaning (ranges, references, duplicates, the timeline). Pure: the file
// positions come from a Locator that the reader fills while parsing.

#include <string>
#include <string_view>
#include <vector>

#include "parley/errors.hpp"
#include "parley/scenario.hpp"

namespace parley {

// Maps a key path such as `actors[3].stances.cpec.salience` to where it is in the file.
class Locator {
 public:
  virtual ~Locator() = default;
  [[nodiscard]] virtual Location locate(std::string_view path) const;
};

struct ValidationOptions {
  bool strict = false;  // unsourced actors, stances, relations, events are errors, not warnings
};

struct ValidationReport {
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;

  [[nodiscard]] bool ok() const { return errors.empty(); }
};

[[nodiscard]] ValidationReport validate(const Scenario& scenario, const Locator& locator,
                                        const ValidationOptions& options);

// Throws ScenarioError with every error of the report; returns the warnings otherwise.
std::vector<Diagnostic> throw_if_invalid(ValidationReport report);

}  // namespace parley

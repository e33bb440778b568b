#pragma once
// From parley's problem to the model's unit cube and back (docs/models/smp.md, "Scenarios").

#include <cstddef>
#include <string>
#include <vector>

#include "models/smp/engine.hpp"
#include "models/smp/options.hpp"
#include "parley/problem.hpp"

namespace parley::models::smp {

struct Mapping {
  std::vector<std::size_t> issues;  // the problem's issues that are the model's dimensions, in problem order
  std::vector<std::size_t> actors;  // the problem's actors that take part, in problem order
  Input input;
};

// Selects the issues (`issue_list`: comma-separated ids, empty for all with participants) and the
// actors (those with capability and some salience on them), scales positions to [0, 1] per issue
// and saliences per `mode`, and reads `accommodation` ("ADJUSTING:REFERENCE=VALUE,...", actor ids).
// Throws ConfigError for unknown ids and for saliences `given` that sum to more than 1; with
// `ktab_checks`, UnsolvableError for an actor without capability or salience (KTAB aborts). With
// `issue_capabilities`, the stances' own capabilities go into Input::issue_capability when some stance's
// differs from its actor's default (else it stays empty: the run is KTAB's, bit for bit).
[[nodiscard]] Mapping map_problem(const Problem& problem, const std::string& issue_list, SalienceMode mode,
                                  const std::string& accommodation, bool ktab_checks = false,
                                  bool issue_capabilities = false);
// The same into `mapping`, its memory reused.
void map_problem(const Problem& problem, const std::string& issue_list, SalienceMode mode,
                 const std::string& accommodation, bool ktab_checks, bool issue_capabilities, Mapping& mapping);

// A total salience at most this far above 1 counts as 1 (the rounding of saliences divided by 100).
inline constexpr double kSalienceTolerance = 1e-9;

}  // namespace parley::models::smp

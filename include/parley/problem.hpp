#pragma once
// What a model sees: the present actors' stances on each issue, with capabilities resolved.

#include <optional>
#include <string>
#include <vector>

#include "parley/scenario.hpp"

namespace parley {

struct Participant {
  std::size_t actor = 0;  // index into Problem::actors
  double position = 0.0;
  double salience = 0.0;
  double capability = 0.0;  // the stance's own capability, or the actor's default

  bool operator==(const Participant&) const = default;
};

struct IssueProblem {
  std::string id;
  double min = 0.0;
  double max = 100.0;
  std::optional<double> status_quo;
  std::vector<Participant> participants;  // in the scenario's actor order

  bool operator==(const IssueProblem&) const = default;
};

// A relation between two present actors (directed, as the scenario gives it).
struct Affinity {
  std::size_t from = 0;  // index into Problem::actors
  std::size_t to = 0;
  double value = 0.0;  // -1 hostility ... 1 alliance

  bool operator==(const Affinity&) const = default;
};

struct Problem {
  std::vector<std::string> actors;  // ids of the present actors
  std::vector<double> capabilities;  // their default capabilities (stances may override per issue)
  std::vector<IssueProblem> issues;
  std::vector<Affinity> affinities;  // the scenario's relations between present actors, in its order

  bool operator==(const Problem&) const = default;
};

// Builds the problem from a scenario (usually one from scenario_at): absent actors are left out.
[[nodiscard]] Problem make_problem(const Scenario& scenario);

}  // namespace parley

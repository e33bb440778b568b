#include "models/smp/input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include "parley/text.hpp"
#include "parley/errors.hpp"

namespace parley::models::smp {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    std::string_view part = text.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

void select_issues(const Problem& problem, const std::string& issue_list, std::vector<std::size_t>& selected) {
  selected.clear();
  if (issue_list.empty()) {
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      if (!problem.issues[i].participants.empty()) selected.push_back(i);
    }
    return;
  }
  std::vector<std::string> ids;
  for (const auto& issue : problem.issues) ids.push_back(issue.id);
  for (const auto& id : split(issue_list, ',')) {
    const auto found = std::find(ids.begin(), ids.end(), id);
    if (found == ids.end()) {
      throw ConfigError(fmt::format("smp.issues: '{}' is not an issue of the scenario{}; issues: {}", id,
                                    did_you_mean(id, ids), join(ids)));
    }
    const auto index = static_cast<std::size_t>(found - ids.begin());
    if (problem.issues[index].participants.empty()) continue;  // nobody takes a stance: not a dimension
    if (std::find(selected.begin(), selected.end(), index) == selected.end()) selected.push_back(index);
  }
  std::sort(selected.begin(), selected.end());
}

double capability_of(const Problem& problem, std::size_t actor) {
  if (actor < problem.capabilities.size()) return problem.capabilities[actor];
  for (const auto& issue : problem.issues) {
    for (const auto& participant : issue.participants) {
      if (participant.actor == actor) return participant.capability;
    }
  }
  return 0.0;
}

const Participant* participant_of(const IssueProblem& issue, std::size_t actor) {
  for (const auto& participant : issue.participants) {
    if (participant.actor == actor) return &participant;
  }
  return nullptr;
}

// Where an actor without a stance on the issue stands: the status quo, or else the
// capability-and-salience-weighted mean of the stances (their plain mean when no one weighs anything).
double fill_position(const IssueProblem& issue) {
  if (issue.status_quo) return *issue.status_quo;
  double weighted = 0.0;
  double weight = 0.0;
  double plain = 0.0;
  for (const auto& participant : issue.participants) {
    weighted += participant.position * participant.capability * participant.salience;
    weight += participant.capability * participant.salience;
    plain += participant.position;
  }
  return weight > 0.0 ? weighted / weight : plain / static_cast<double>(issue.participants.size());
}

std::vector<double> read_accommodation(const Problem& problem, const std::vector<std::size_t>& actors,
                                       const std::string& text) {
  if (text.empty()) return {};
  const std::size_t n = actors.size();
  std::vector<double> matrix(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) matrix[i * n + i] = 1.0;
  const auto index_of = [&](const std::string& id) {
    for (std::size_t a = 0; a < n; ++a) {
      if (problem.actors[actors[a]] == id) return a;
    }
    throw ConfigError(
        fmt::format("smp.ideal_adjustment: '{}' is not an actor of the run{}", id, did_you_mean(id, problem.actors)));
  };
  for (const auto& pair : split(text, ',')) {
    const std::size_t colon = pair.find(':');
    const std::size_t equals = pair.find('=');
    if (colon == std::string::npos || equals == std::string::npos || equals < colon) {
      throw ConfigError(
          fmt::format("smp.ideal_adjustment: '{}' is not ADJUSTING:REFERENCE=VALUE (actor ids and a number)", pair));
    }
    const std::size_t adjusting = index_of(pair.substr(0, colon));
    const std::size_t reference = index_of(pair.substr(colon + 1, equals - colon - 1));
    const std::string number = pair.substr(equals + 1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc{} || end != number.data() + number.size() || !(value >= 0.0 && value <= 1.0)) {
      throw ConfigError(fmt::format("smp.ideal_adjustment: '{}' in '{}' is not a number in [0, 1]", number, pair));
    }
    matrix[adjusting * n + reference] = value;
  }
  // The matrix starts as the identity: an actor whose ideal follows others must lower its own entry.
  for (std::size_t i = 0; i < n; ++i) {
    double row = 0.0;
    for (std::size_t j = 0; j < n; ++j) row += matrix[i * n + j];
    if (row > 1.0 + 1e-10) {
      const std::string& id = problem.actors[actors[i]];
      throw ConfigError(
          fmt::format("smp.ideal_adjustment: {}'s entries sum to {}, more than 1 (the matrix starts as the "
                      "identity: give {}:{}=VALUE too)",
                      id, row, id, id));
    }
  }
  return matrix;
}

}  // namespace

Mapping map_problem(const Problem& problem, const std::string& issue_list, SalienceMode mode,
                    const std::string& accommodation, bool ktab_checks, bool issue_capabilities) {
  Mapping mapping;
  map_problem(problem, issue_list, mode, accommodation, ktab_checks, issue_capabilities, mapping);
  return mapping;
}

void map_problem(const Problem& problem, const std::string& issue_list, SalienceMode mode,
                 const std::string& accommodation, bool ktab_checks, bool issue_capabilities, Mapping& mapping) {
  select_issues(problem, issue_list, mapping.issues);
  mapping.actors.clear();
  const std::size_t d = mapping.issues.size();
  for (std::size_t a = 0; a < problem.actors.size(); ++a) {
    const bool capable = capability_of(problem, a) > 0.0;
    bool cares = false;
    bool stands = false;
    for (const std::size_t i : mapping.issues) {
      const Participant* participant = participant_of(problem.issues[i], a);
      if (participant != nullptr) stands = true;
      if (participant != nullptr && participant->salience > 0.0) cares = true;
    }
    if (ktab_checks && stands && !(capable && cares)) {
      throw UnsolvableError(fmt::format("smp: {} has {} (checks=ktab: KTAB aborts the run here)", problem.actors[a],
                                        capable ? "no salience on any of the model's issues" : "no capability"));
    }
    if (capable && cares) mapping.actors.push_back(a);
  }
  const std::size_t n = mapping.actors.size();
  Input& input = mapping.input;
  input.actors = n;
  input.dimensions = d;
  input.capability.resize(n);
  input.position.assign(n * d, 0.0);
  input.salience.assign(n * d, 0.0);
  for (std::size_t k = 0; k < d; ++k) {
    const IssueProblem& issue = problem.issues[mapping.issues[k]];
    const double fill = fill_position(issue);
    for (std::size_t a = 0; a < n; ++a) {
      const Participant* participant = participant_of(issue, mapping.actors[a]);
      const double position = participant != nullptr ? participant->position : fill;
      input.position[a * d + k] = (position - issue.min) / (issue.max - issue.min);
      input.salience[a * d + k] = participant != nullptr ? participant->salience : 0.0;
    }
  }
  bool all_shares = true;
  for (std::size_t a = 0; a < n; ++a) {
    input.capability[a] = capability_of(problem, mapping.actors[a]);
    double total = 0.0;
    for (std::size_t k = 0; k < d; ++k) total = total + input.salience[a * d + k];
    if (total > 1.0 + kSalienceTolerance) {
      all_shares = false;
      if (mode == SalienceMode::given) {
        throw ConfigError(fmt::format(
            "smp.salience=given: {}'s saliences on the model's issues sum to {}, more than 1; use salience=divide (or "
            "auto) to divide them by the number of issues",
            problem.actors[mapping.actors[a]], total));
      }
    }
  }
  if (mode == SalienceMode::divide || (mode == SalienceMode::automatic && !all_shares)) {
    for (double& s : input.salience) s = s / static_cast<double>(d);
  }
  input.issue_capability.clear();
  if (issue_capabilities) {
    bool varies = false;
    input.issue_capability.assign(n * d, 0.0);
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t k = 0; k < d; ++k) {
        const Participant* participant = participant_of(problem.issues[mapping.issues[k]], mapping.actors[a]);
        const double c = participant != nullptr ? participant->capability : input.capability[a];
        input.issue_capability[a * d + k] = c;
        if (c != input.capability[a]) varies = true;  // a stance's own, not the actor's default
      }
    }
    if (!varies) input.issue_capability.clear();
  }
  input.accommodation = read_accommodation(problem, mapping.actors, accommodation);
  input.names.resize(n);
  for (std::size_t a = 0; a < n; ++a) input.names[a] = problem.actors[mapping.actors[a]];
}

}  // namespace parley::models::smp

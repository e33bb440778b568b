#include "parley/what_if.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "parley/text.hpp"
#include "parley/validate.hpp"

namespace parley {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.emplace_back(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

// Why `text` is not a change, or "" when it is one (then `change` holds it).
std::string parse_into(std::string_view text, WhatIf& change) {
  change.text = trimmed(text);
  const std::size_t equals = change.text.find('=');
  if (equals == std::string::npos || equals == 0) {
    return "write a change as PATH=VALUE, PATH+=VALUE or PATH*=FACTOR, e.g. actors.PAK.capability=0.05";
  }
  std::string path = change.text.substr(0, equals);
  change.operation = Operation::set;
  if (path.back() == '+' || path.back() == '*') {
    change.operation = path.back() == '+' ? Operation::add : Operation::scale;
    path.pop_back();
  }
  path = trimmed(path);
  change.value = trimmed(std::string_view(change.text).substr(equals + 1));
  if (change.value.empty()) return "the change has no value after '='";
  change.path = split_path(path);
  for (const auto& part : change.path) {
    if (part.empty()) return fmt::format("'{}' is not a path: parts are separated by single dots", path);
  }
  return {};
}

[[noreturn]] void refuse(const WhatIf& change, const std::string& why) {
  throw UsageError(fmt::format("{} {}: {}", change.origin, change.text, why));
}

double number_of(const WhatIf& change) {
  double value = 0.0;
  const std::string& text = change.value;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    refuse(change, fmt::format("'{}' is not a number", text));
  }
  return value;
}

void change_number(const WhatIf& change, double& target) {
  target = Change{change.operation, number_of(change)}.apply(target);
}

void change_number(const WhatIf& change, std::optional<double>& target, double start) {
  target = Change{change.operation, number_of(change)}.apply(target.value_or(start));
}

std::string expect_field(const WhatIf& change, std::size_t at, const std::vector<std::string>& fields) {
  if (change.path.size() != at + 1) refuse(change, fmt::format("the path ends with one of: {}", join(fields)));
  const std::string& field = change.path[at];
  if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
    refuse(change,
           fmt::format("'{}' cannot be changed here{}; one of: {}", field, did_you_mean(field, fields), join(fields)));
  }
  return field;
}

std::string unknown(std::string_view what, const std::string& id, const std::vector<std::string>& ids) {
  return fmt::format("no {} '{}'{} (the scenario's: {})", what, id, did_you_mean(id, ids), join(ids));
}

// The index of the actor (or issue) the change's second part names; refuses an unknown id.
template <typename Item>
std::size_t index_by_id(const std::vector<Item>& items, const WhatIf& change, std::string_view what) {
  const std::string& id = change.path[1];
  std::size_t index = 0;
  while (index < items.size() && items[index].id != id) ++index;
  if (index == items.size()) {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto& item : items) ids.push_back(item.id);
    refuse(change, unknown(what, id, ids));
  }
  return index;
}

// Applies one change; returns the key path validation names its target by.
std::string apply_one(Scenario& scenario, const WhatIf& change) {
  const auto& path = change.path;
  const std::string& root = path.front();
  if (root == "actors" && path.size() >= 2) {
    const std::size_t index = index_by_id(scenario.actors, change, "actor");
    Actor& actor = scenario.actors[index];
    const std::string at = fmt::format("actors[{}]", index);
    if (path.size() >= 3 && path[2] == "stances") {
      if (path.size() < 4) refuse(change, "name the issue: actors.ID.stances.ISSUE.position");
      Stance* stance = actor.stance_on(path[3]);
      if (stance == nullptr) {
        std::vector<std::string> issues;
        for (const auto& held : actor.stances) issues.push_back(held.issue);
        refuse(change, fmt::format("{} takes no stance on '{}'{} (its stances: {}); a what-if changes stances, it "
                                   "does not create them",
                                   actor.id, path[3], did_you_mean(path[3], issues), join(issues)));
      }
      const std::string field = expect_field(change, 4, {"position", "salience", "capability"});
      if (field == "position") change_number(change, stance->position);
      if (field == "salience") change_number(change, stance->salience);
      if (field == "capability") change_number(change, stance->capability, actor.capability);
      return fmt::format("{}.stances.{}.{}", at, path[3], field);
    }
    const std::string field = expect_field(change, 2, {"capability", "present", "stances"});
    if (field == "capability") change_number(change, actor.capability);
    if (field == "present") {
      if (change.operation != Operation::set || (change.value != "true" && change.value != "false")) {
        refuse(change, "present is set to true or false");
      }
      actor.present = change.value == "true";
    }
    if (field == "stances") refuse(change, "name the issue: actors.ID.stances.ISSUE.position");
    return fmt::format("{}.{}", at, field);
  }
  if (root == "issues" && path.size() >= 2) {
    const std::size_t index = index_by_id(scenario.issues, change, "issue");
    Issue& issue = scenario.issues[index];
    expect_field(change, 2, {"status_quo"});
    if (!issue.status_quo && change.operation != Operation::set) {
      refuse(change, fmt::format("issue '{}' has no status quo to change; set one with =", issue.id));
    }
    change_number(change, issue.status_quo, 0.0);
    return fmt::format("issues[{}].status_quo", index);
  }
  if (root == "relations" && path.size() >= 3) {
    std::size_t index = 0;
    while (index < scenario.relations.size() &&
           (scenario.relations[index].from != path[1] || scenario.relations[index].to != path[2])) {
      ++index;
    }
    if (index == scenario.relations.size()) {
      std::vector<std::string> pairs;
      for (const auto& relation : scenario.relations) pairs.push_back(relation.from + "." + relation.to);
      refuse(change, unknown("relation", path[1] + "." + path[2], pairs));
    }
    expect_field(change, 3, {"affinity"});
    change_number(change, scenario.relations[index].affinity);
    return fmt::format("relations[{}].affinity", index);
  }
  refuse(change,
         fmt::format("'{}' is not a path a what-if changes; the paths: actors.ID.capability, actors.ID.present, "
                     "actors.ID.stances.ISSUE.position|salience|capability, issues.ID.status_quo, "
                     "relations.FROM.TO.affinity",
                     join(path, ".")));
}

}  // namespace

WhatIf parse_what_if(std::string_view text, const std::string& origin) {
  WhatIf change;
  change.origin = origin;
  const std::string why = parse_into(text, change);
  if (!why.empty()) throw UsageError(fmt::format("{} {}: {}", origin, trimmed(text), why));
  return change;
}

std::vector<WhatIf> read_what_if_patch(std::string_view text, const std::string& file) {
  std::vector<WhatIf> changes;
  std::vector<Diagnostic> errors;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    const std::string content = trimmed(line);
    if (content.empty() || content.front() == '#') {
      if (end == text.size()) break;
      continue;
    }
    WhatIf change;
    change.origin = fmt::format("{}:{}:", file, line_number);
    const std::string why = parse_into(content, change);
    if (why.empty()) {
      changes.push_back(std::move(change));
    } else {
      const int column = static_cast<int>(line.find_first_not_of(" \t")) + 1;
      errors.push_back(diagnostic_at(file, line_number, column, content, why));
    }
    if (end == text.size()) break;
  }
  if (!errors.empty()) throw ScenarioError(std::move(errors));
  return changes;
}

void apply_what_ifs(Scenario& scenario, const std::vector<WhatIf>& changes) {
  // The key path each change wrote, so that a range error is said of the change that caused it.
  std::vector<std::string> targets;
  targets.reserve(changes.size());
  for (const auto& change : changes) targets.push_back(apply_one(scenario, change));
  ValidationReport report = validate(scenario, Locator{}, {});
  if (report.ok()) return;
  std::vector<std::string> problems;
  for (const auto& error : report.errors) {
    const auto last = std::find(targets.rbegin(), targets.rend(), error.path);
    if (last == targets.rend()) {
      problems.push_back(error.path + ": " + error.message);
    } else {
      const WhatIf& change = changes[static_cast<std::size_t>(targets.rend() - last - 1)];
      problems.push_back(change.origin + " " + change.text + ": " + error.message);
    }
  }
  throw UsageError(fmt::format("the what-if leaves the scenario invalid: {}", join(problems, "; ")));
}

}  // namespace parley

#pragma once
// The scenario: a strategic system at one date plus the dated events that change it.
// Plain values; reading, validation and the timeline live elsewhere (io/, core/).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/date.hpp"
#include "parley/source_ref.hpp"

namespace parley {

struct Source {
  std::string id;
  std::string citation;
  std::string url;
  std::optional<Date> accessed;
  std::string note;

  bool operator==(const Source&) const = default;
};

enum class ActorKind { state, government, armed_group, organisation, faction };

struct Stance {
  double position = 0.0;
  double salience = 0.0;
  std::optional<double> capability;  // issue-specific; replaces the actor's default on this issue
  std::vector<SourceRef> sources;
  std::string rationale;

  bool operator==(const Stance&) const = default;
};

struct IssueStance {
  std::string issue;
  Stance stance;

  bool operator==(const IssueStance&) const = default;
};

struct Actor {
  std::string id;
  std::string name;
  ActorKind kind = ActorKind::state;
  double capability = 0.0;
  bool present = true;  // false: enters the system through an event
  std::string description;
  std::vector<SourceRef> sources;
  std::string rationale;
  std::vector<IssueStance> stances;  // in file order

  bool operator==(const Actor&) const = default;
  [[nodiscard]] const Stance* stance_on(std::string_view issue) const;
  [[nodiscard]] Stance* stance_on(std::string_view issue);
};

struct Scale {
  double min = 0.0;
  double max = 100.0;
  std::string low;   // what `min` means
  std::string high;  // what `max` means

  bool operator==(const Scale&) const = default;
};

struct Issue {
  std::string id;
  std::string question;
  Scale scale;
  std::optional<double> status_quo;
  std::optional<double> outcome;  // what was actually decided, when known: the truth a backtest scores
  std::string description;
  std::vector<SourceRef> sources;
  std::string rationale;

  bool operator==(const Issue&) const = default;
};

struct Relation {
  std::string from;
  std::string to;
  double affinity = 0.0;  // -1 hostility ... 1 alliance
  std::vector<SourceRef> sources;
  std::string rationale;

  bool operator==(const Relation&) const = default;
};

enum class Operation { set, add, scale };

struct Change {
  Operation operation = Operation::set;
  double value = 0.0;

  bool operator==(const Change&) const = default;
  [[nodiscard]] double apply(double current) const;
};

enum class Presence { enter, leave };

struct Effect {
  std::string actor;  // empty in an effect on a status quo alone
  std::optional<std::string> issue;
  std::optional<Change> position;
  std::optional<Change> salience;
  std::optional<Change> capability;
  std::optional<Presence> presence;
  std::optional<Change> status_quo;   // of `issue`
  std::optional<std::string> toward;  // with `affinity`: the relation from `actor` toward this actor
  std::optional<Change> affinity;

  bool operator==(const Effect&) const = default;
};

struct Event {
  Date date;
  bool approximate = false;
  std::string title;
  std::string description;
  std::vector<SourceRef> sources;
  std::vector<Effect> effects;

  bool operator==(const Event&) const = default;
};

struct Scenario {
  int format_version = 1;
  std::string title;
  std::string description;
  std::optional<Date> start;  // unset: the stances describe as_of
  Date as_of;
  std::vector<Source> sources;
  std::vector<Actor> actors;
  std::vector<Issue> issues;
  std::vector<Relation> relations;
  std::vector<Event> events;
  Uncertainty uncertainty;    // for Monte Carlo runs; empty: every judgement is taken as exact
  std::vector<Claim> claims;  // the source's claims about the outcome

  bool operator==(const Scenario&) const = default;

  [[nodiscard]] Date start_date() const { return start.value_or(as_of); }
  [[nodiscard]] const Actor* find_actor(std::string_view id) const;
  [[nodiscard]] Actor* find_actor(std::string_view id);
  [[nodiscard]] const Issue* find_issue(std::string_view id) const;
  [[nodiscard]] const Source* find_source(std::string_view id) const;
};

[[nodiscard]] std::string_view to_string(ActorKind kind);
[[nodiscard]] std::optional<ActorKind> parse_actor_kind(std::string_view text);
[[nodiscard]] std::string_view to_string(Operation operation);
[[nodiscard]] std::string_view to_string(Presence presence);

}  // namespace parley

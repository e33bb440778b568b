#include "parley/validate.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/scenario_schema.hpp"
#include "core/validate_analysis.hpp"
#include "parley/text.hpp"
#include "parley/timeline.hpp"

namespace parley {

Location Locator::locate(std::string_view /*path*/) const {
  return {};
}

namespace {

bool is_identifier(const std::string& id) {
  if (id.empty()) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

class Checker {
 public:
  Checker(const Scenario& scenario, const Locator& locator, const ValidationOptions& options)
      : scenario_(scenario), locator_(locator), options_(options) {
    // The first issue of each id: a scenario of many issues is checked in time linear in its size.
    for (const auto& issue : scenario.issues) issue_by_id_.try_emplace(issue.id, &issue);
  }

  ValidationReport run() {
    check_header();
    check_sources();
    check_issues();
    check_actors();
    check_relations();
    check_events();
    check_uncertainty();
    check_claims();
    report_unsourced();
    return std::move(report_);
  }

 private:
  void error(const std::string& path, std::string message) {
    report_.errors.push_back({locator_.locate(path), path, std::move(message)});
  }
  void warning(const std::string& path, std::string message) {
    report_.warnings.push_back({locator_.locate(path), path, std::move(message)});
  }

  void check_in_range(const std::string& path, double value, double low, double high) {
    if (!std::isfinite(value)) {
      error(path, not_finite(fmt::format("{}", value)));
    } else if (value < low || value > high) {
      // A share written as a percentage (KTAB's and many surveys' habit): say how to fix it.
      const bool percent = low == 0.0 && high == 1.0 && value >= 2.0 && value <= 100.0;
      error(path, outside(value, low, high) + (percent ? " (on a 0-100 scale? divide by 100)" : ""));
    }
  }
  void check_non_negative(const std::string& path, double value) {
    if (!std::isfinite(value)) {
      error(path, not_finite(fmt::format("{}", value)));
    } else if (value < 0) {
      error(path, negative_capability(value));
    }
  }

  // A number against the bounds the schema declares for its key: a range, or at least 0; a negative
  // capability is said to be negative, not outside [0, 1e+15].
  void check_bounds(const std::string& path, double value, const schema::Bounds& bounds) {
    if (bounds.min && bounds.max && !(*bounds.min == 0.0 && value < 0.0 && *bounds.max > 1e9)) {
      check_in_range(path, value, *bounds.min, *bounds.max);
    } else {
      check_non_negative(path, value);
    }
  }

  void check_id(const std::string& path, const std::string& id, std::set<std::string>& seen, std::string_view what) {
    if (!is_identifier(id)) {
      error(path, fmt::format("'{}' is not a valid {} id (letters, digits, '_' and '-')", id, what));
    } else if (!seen.insert(id).second) {
      error(path, fmt::format("duplicate {} id '{}'", what, id));
    }
  }

  void check_sources_cited(const std::string& path, const std::vector<SourceRef>& sources) {
    for (std::size_t i = 0; i < sources.size(); ++i) {
      if (scenario_.find_source(sources[i].id) == nullptr) {
        std::vector<std::string> ids;
        for (const auto& source : scenario_.sources) ids.push_back(source.id);
        error(fmt::format("{}.sources[{}]", path, i),
              fmt::format("unknown source '{}'{}", sources[i].id, did_you_mean(sources[i].id, ids)));
      }
    }
  }

  void note_unsourced(const std::string& path, const std::vector<SourceRef>& sources, const std::string& rationale,
                      bool needs_rationale) {
    if (sources.empty()) unsourced_.emplace_back(path, "cites no source");
    if (needs_rationale && rationale.empty()) unsourced_.emplace_back(path, "has no rationale");
  }

  void check_header() {
    if (scenario_.format_version != 1) {
      error("parley",
            fmt::format("format version {} is not supported (this parley reads version 1)", scenario_.format_version));
    }
    if (scenario_.title.empty()) error("title", "the title is empty");
    if (scenario_.start && *scenario_.start > scenario_.as_of) {
      error("start",
            fmt::format("start {} is after as_of {}", scenario_.start->to_string(), scenario_.as_of.to_string()));
    }
  }

  void check_sources() {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < scenario_.sources.size(); ++i) {
      const auto& source = scenario_.sources[i];
      check_id(fmt::format("sources[{}].id", i), source.id, seen, "source");
      if (source.citation.empty()) error(fmt::format("sources[{}].citation", i), "the citation is empty");
    }
  }

  void check_issues() {
    if (scenario_.issues.empty()) error("issues", "the scenario has no issues");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < scenario_.issues.size(); ++i) {
      const auto& issue = scenario_.issues[i];
      const std::string path = fmt::format("issues[{}]", i);
      check_id(path + ".id", issue.id, seen, "issue");
      if (issue.question.empty()) error(path + ".question", "the question is empty");
      const bool scale_ok =
          std::isfinite(issue.scale.min) && std::isfinite(issue.scale.max) && issue.scale.min < issue.scale.max;
      const auto beyond = [](double end) { return end < *schema::kScaleEnd.min || end > *schema::kScaleEnd.max; };
      if (!scale_ok) {
        error(path + ".scale.max",
              fmt::format("the scale's max {} must be greater than its min {}", issue.scale.max, issue.scale.min));
      } else if (beyond(issue.scale.min) || beyond(issue.scale.max)) {
        error(path + (beyond(issue.scale.min) ? ".scale.min" : ".scale.max"),
              outside(fmt::format("{}", beyond(issue.scale.min) ? issue.scale.min : issue.scale.max),
                      range_text(*schema::kScaleEnd.min, *schema::kScaleEnd.max)) +
                  " (rescale the issue)");
      } else {
        if (issue.status_quo) check_in_range(path + ".status_quo", *issue.status_quo, issue.scale.min, issue.scale.max);
        if (issue.outcome) check_in_range(path + ".outcome", *issue.outcome, issue.scale.min, issue.scale.max);
      }
      check_sources_cited(path, issue.sources);
    }
  }

  void check_actors() {
    if (scenario_.actors.empty()) error("actors", "the scenario has no actors");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < scenario_.actors.size(); ++i) {
      const auto& actor = scenario_.actors[i];
      const std::string path = fmt::format("actors[{}]", i);
      check_id(path + ".id", actor.id, seen, "actor");
      if (actor.name.empty()) error(path + ".name", "the name is empty");
      check_bounds(path + ".capability", actor.capability, schema::kCapability);
      check_sources_cited(path, actor.sources);
      note_unsourced(path, actor.sources, actor.rationale, false);
      std::set<std::string> issues_seen;
      for (const auto& [issue_id, stance] : actor.stances) {
        const std::string stance_path = fmt::format("{}.stances.{}", path, issue_id);
        if (!issues_seen.insert(issue_id).second) {
          error(stance_path, fmt::format("a second stance on issue '{}'", issue_id));
        }
        check_stance(stance_path, issue_id, stance);
      }
    }
    std::set<std::string_view> taken;  // issues someone takes a stance on
    for (const auto& actor : scenario_.actors) {
      for (const auto& entry : actor.stances) taken.insert(entry.issue);
    }
    for (std::size_t i = 0; i < scenario_.issues.size(); ++i) {
      const auto& issue = scenario_.issues[i];
      if (!taken.contains(issue.id))
        warning(fmt::format("issues[{}].id", i), fmt::format("no actor takes a stance on issue '{}'", issue.id));
    }
  }

  void check_stance(const std::string& path, const std::string& issue_id, const Stance& stance) {
    const auto found = issue_by_id_.find(issue_id);
    const Issue* issue = found == issue_by_id_.end() ? nullptr : found->second;
    if (issue == nullptr) {
      std::vector<std::string> ids;
      for (const auto& known : scenario_.issues) ids.push_back(known.id);
      error(path, fmt::format("unknown issue '{}'{}", issue_id, did_you_mean(issue_id, ids)));
    } else if (issue->scale.min < issue->scale.max) {
      check_in_range(path + ".position", stance.position, issue->scale.min, issue->scale.max);
    }
    check_bounds(path + ".salience", stance.salience, schema::kSalience);
    if (stance.capability) check_bounds(path + ".capability", *stance.capability, schema::kCapability);
    check_sources_cited(path, stance.sources);
    note_unsourced(path, stance.sources, stance.rationale, true);
  }

  void check_relations() {
    std::set<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 0; i < scenario_.relations.size(); ++i) {
      const auto& relation = scenario_.relations[i];
      const std::string path = fmt::format("relations[{}]", i);
      if (scenario_.find_actor(relation.from) == nullptr)
        error(path + ".from", fmt::format("unknown actor '{}'", relation.from));
      if (scenario_.find_actor(relation.to) == nullptr)
        error(path + ".to", fmt::format("unknown actor '{}'", relation.to));
      if (relation.from == relation.to) error(path + ".to", "a relation needs two different actors");
      if (!pairs.insert({relation.from, relation.to}).second) {
        error(path, fmt::format("duplicate relation {} -> {}", relation.from, relation.to));
      }
      check_bounds(path + ".affinity", relation.affinity, schema::kAffinity);
      check_sources_cited(path, relation.sources);
      note_unsourced(path, relation.sources, relation.rationale, false);
    }
  }

  // Checks each effect's references, then replays the timeline to catch values pushed out of range.
  void check_events() {
    const std::size_t errors_before = report_.errors.size();
    std::vector<std::string> paths(scenario_.events.size());
    for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
      const auto& event = scenario_.events[i];
      paths[i] = fmt::format("events[{}]", i);
      if (event.title.empty()) error(paths[i] + ".title", "the title is empty");
      if (event.date <= scenario_.start_date()) {
        error(paths[i] + ".date",
              fmt::format("{} is not after the scenario's start {}; stances already describe that date",
                          event.date.to_string(), scenario_.start_date().to_string()));
      }
      if (event.effects.empty()) error(paths[i] + ".effects", "an event needs at least one effect");
      for (std::size_t j = 0; j < event.effects.size(); ++j) {
        check_effect_references(fmt::format("{}.effects[{}]", paths[i], j), event.effects[j]);
      }
      check_sources_cited(paths[i], event.sources);
      note_unsourced(paths[i], event.sources, {}, false);
    }
    if (report_.errors.size() > errors_before) return;  // replaying needs sound references
    replay_timeline(paths);
  }

  void check_effect_references(const std::string& path, const Effect& effect) {
    const bool on_stance = effect.position || effect.salience || effect.capability;
    const bool on_actor = on_stance || effect.presence || effect.affinity;
    if (!on_actor && !effect.status_quo) {
      error(path, "the effect changes nothing (give position, salience, capability, presence, status_quo or affinity)");
    }
    if (effect.issue && scenario_.find_issue(*effect.issue) == nullptr) {
      error(path + ".issue", fmt::format("unknown issue '{}'", *effect.issue));
      return;
    }
    if (effect.status_quo && !effect.issue) error(path, "a change of status quo needs an 'issue'");
    if (effect.toward && !effect.affinity) error(path + ".toward", "'toward' goes with an 'affinity' change");
    if (effect.actor.empty()) {
      if (on_actor) error(path, "the effect needs an 'actor' (only a change of status quo names none)");
      return;
    }
    const Actor* actor = scenario_.find_actor(effect.actor);
    if (actor == nullptr) {
      error(path + ".actor", fmt::format("unknown actor '{}'", effect.actor));
      return;
    }
    if (effect.affinity) {
      if (!effect.toward) {
        error(path, "a change of affinity needs 'toward': the other actor of the relation");
      } else if (scenario_.find_actor(*effect.toward) == nullptr) {
        error(path + ".toward", fmt::format("unknown actor '{}'", *effect.toward));
      } else if (*effect.toward == effect.actor) {
        error(path + ".toward", "a relation joins two actors; 'toward' is the actor itself");
      }
    }
    if (effect.issue && on_stance && actor->stance_on(*effect.issue) == nullptr) {
      error(path + ".issue", fmt::format("actor '{}' has no stance on issue '{}'", effect.actor, *effect.issue));
    } else if (!effect.issue && (effect.position || effect.salience)) {
      error(path, "a change of position or salience needs an 'issue'");
    }
  }

  void replay_timeline(const std::vector<std::string>& paths) {
    Scenario state = scenario_;
    for (const Event* event : events_in_order(scenario_)) {
      const auto index = static_cast<std::size_t>(event - scenario_.events.data());
      for (std::size_t j = 0; j < event->effects.size(); ++j) {
        const Effect& effect = event->effects[j];
        const std::string path = fmt::format("{}.effects[{}]", paths[index], j);
        const Actor* before = state.find_actor(effect.actor);
        if (effect.presence && (*effect.presence == Presence::enter) == before->present) {
          error(path + ".presence", fmt::format("actor '{}' is already {} on {}", effect.actor,
                                                before->present ? "present" : "absent", event->date.to_string()));
        }
        if (effect.status_quo && effect.status_quo->operation != Operation::set &&
            !state.find_issue(*effect.issue)->status_quo) {
          error(path + ".status_quo", fmt::format("issue '{}' has no status quo on {} to {}; set one", *effect.issue,
                                                  event->date.to_string(), to_string(effect.status_quo->operation)));
        }
        const EffectValues old_values = values_touched(state, effect);
        apply_effect(state, effect);
        check_after_effect(path, state, effect, old_values, values_touched(state, effect));
      }
    }
  }

  // The values an effect may change, read before and after it applies.
  struct EffectValues {
    double position = 0.0;
    double salience = 0.0;
    double capability = 0.0;
    double status_quo = 0.0;
    double affinity = 0.0;
  };

  static EffectValues values_touched(const Scenario& state, const Effect& effect) {
    EffectValues values;
    if (effect.status_quo && effect.issue) {
      values.status_quo = state.find_issue(*effect.issue)->status_quo.value_or(0.0);
    }
    const Actor* actor = state.find_actor(effect.actor);
    if (actor == nullptr) return values;
    values.capability = actor->capability;
    if (effect.affinity && effect.toward) {
      for (const auto& relation : state.relations) {
        if (relation.from == effect.actor && relation.to == *effect.toward) values.affinity = relation.affinity;
      }
    }
    const Stance* stance = effect.issue ? actor->stance_on(*effect.issue) : nullptr;
    if (stance != nullptr) {
      values.position = stance->position;
      values.salience = stance->salience;
      values.capability = stance->capability.value_or(actor->capability);
    }
    return values;
  }

  // A value an effect pushed out of range, shown with how it got there: "0.7 + 0.4 = 1.1".
  static std::string arithmetic(double before, const Change& change, double after) {
    switch (change.operation) {
      case Operation::set:
        return fmt::format("{}", after);
      case Operation::add:
        return fmt::format("{} + {} = {}", before, change.value, after);
      case Operation::scale:
        return fmt::format("{} * {} = {}", before, change.value, after);
    }
    return fmt::format("{}", after);
  }

  void check_changed(const std::string& path, const Change& change, double before, double after, double low,
                     double high) {
    const std::string where = fmt::format("{}.{}", path, to_string(change.operation));
    if (!std::isfinite(after)) {
      error(where, fmt::format("{} is not a finite number", arithmetic(before, change, after)));
    } else if (after < low || after > high) {
      const std::string change_text = arithmetic(before, change, after);
      error(where, std::isfinite(high) ? outside(change_text, range_text(low, high))
                                       : change_text + " is negative; a capability must be >= 0");
    }
  }

  void check_after_effect(const std::string& path, const Scenario& state, const Effect& effect,
                          const EffectValues& before, const EffectValues& after) {
    if (effect.position) {
      const Issue* issue = state.find_issue(*effect.issue);
      check_changed(path + ".position", *effect.position, before.position, after.position, issue->scale.min,
                    issue->scale.max);
    }
    if (effect.salience) {
      check_changed(path + ".salience", *effect.salience, before.salience, after.salience, *schema::kSalience.min,
                    *schema::kSalience.max);
    }
    if (effect.capability) {
      check_changed(path + ".capability", *effect.capability, before.capability, after.capability,
                    *schema::kCapability.min, *schema::kCapability.max);
    }
    if (effect.status_quo) {
      const Issue* issue = state.find_issue(*effect.issue);
      check_changed(path + ".status_quo", *effect.status_quo, before.status_quo, after.status_quo, issue->scale.min,
                    issue->scale.max);
    }
    if (effect.affinity) {
      check_changed(path + ".affinity", *effect.affinity, before.affinity, after.affinity, *schema::kAffinity.min,
                    *schema::kAffinity.max);
    }
  }

  // The uncertainty block and the claims: validate_analysis.cpp, through these hooks.
  void check_uncertainty() { check_uncertainty_block(scenario_, hooks()); }
  void check_claims() { check_claim_list(scenario_, hooks()); }
  AnalysisHooks hooks() {
    return {
        [this](const std::string& path, std::string message) { error(path, std::move(message)); },
        [this](const std::string& path, double value, double low, double high) {
          check_in_range(path, value, low, high);
        },
        [this](const std::string& path, const std::string& id, std::set<std::string>& seen, std::string_view what) {
          check_id(path, id, seen, what);
        },
        [this](const std::string& path, const std::vector<SourceRef>& sources) { check_sources_cited(path, sources); }};
  }

  void report_unsourced() {
    if (unsourced_.empty()) return;
    if (options_.strict) {
      for (const auto& [path, what] : unsourced_) error(path, what + " (required in strict mode)");
      return;
    }
    std::vector<std::string> listed;
    for (std::size_t i = 0; i < unsourced_.size() && i < 12; ++i) {
      listed.push_back(unsourced_[i].first + " " + unsourced_[i].second);
    }
    std::string message = fmt::format("{} item(s) without source or rationale: ", unsourced_.size());
    for (std::size_t i = 0; i < listed.size(); ++i) message += (i == 0 ? "" : "; ") + listed[i];
    if (unsourced_.size() > listed.size()) message += fmt::format("; and {} more", unsourced_.size() - listed.size());
    report_.warnings.push_back({locator_.locate(""), "", message + " (an error when validated strictly)"});
  }

  const Scenario& scenario_;
  std::unordered_map<std::string_view, const Issue*> issue_by_id_;
  const Locator& locator_;
  const ValidationOptions& options_;
  ValidationReport report_;
  std::vector<std::pair<std::string, std::string>> unsourced_;
};

}  // namespace

ValidationReport validate(const Scenario& scenario, const Locator& locator, const ValidationOptions& options) {
  return Checker(scenario, locator, options).run();
}

std::vector<Diagnostic> throw_if_invalid(ValidationReport report) {
  if (!report.errors.empty()) throw ScenarioError(std::move(report.errors));
  return std::move(report.warnings);
}

}  // namespace parley

#include "parley/timeline.hpp"

#include <algorithm>

namespace parley {

std::vector<const Event*> events_in_order(const Scenario& scenario) {
  std::vector<const Event*> ordered;
  ordered.reserve(scenario.events.size());
  for (const auto& event : scenario.events) ordered.push_back(&event);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Event* a, const Event* b) { return a->date < b->date; });
  return ordered;
}

namespace {

// The status-quo and relation changes of an effect; false when what they name is not there.
bool apply_to_issue_and_relation(Scenario& scenario, const Effect& effect) {
  if (effect.status_quo) {
    if (!effect.issue) return false;
    const auto issue = std::find_if(scenario.issues.begin(), scenario.issues.end(),
                                    [&](const Issue& held) { return held.id == *effect.issue; });
    if (issue == scenario.issues.end()) return false;
    issue->status_quo = effect.status_quo->apply(issue->status_quo.value_or(0.0));
  }
  if (effect.affinity) {
    if (!effect.toward || scenario.find_actor(effect.actor) == nullptr || scenario.find_actor(*effect.toward) == nullptr) {
      return false;
    }
    auto relation = std::find_if(scenario.relations.begin(), scenario.relations.end(), [&](const Relation& held) {
      return held.from == effect.actor && held.to == *effect.toward;
    });
    if (relation == scenario.relations.end()) {
      scenario.relations.push_back({effect.actor, *effect.toward, 0.0, {}, ""});
      relation = scenario.relations.end() - 1;
    }
    relation->affinity = effect.affinity->apply(relation->affinity);
  }
  return true;
}

}  // namespace

bool apply_effect(Scenario& scenario, const Effect& effect) {
  if (!apply_to_issue_and_relation(scenario, effect)) return false;
  const bool on_actor = effect.position || effect.salience || effect.capability || effect.presence;
  if (!on_actor) return true;
  Actor* actor = scenario.find_actor(effect.actor);
  if (actor == nullptr) return false;
  Stance* stance = nullptr;
  if (effect.issue && (effect.position || effect.salience || effect.capability)) {
    stance = actor->stance_on(*effect.issue);
    if (stance == nullptr) return false;
  }
  if (effect.position && stance != nullptr) stance->position = effect.position->apply(stance->position);
  if (effect.salience && stance != nullptr) stance->salience = effect.salience->apply(stance->salience);
  if (effect.capability) {
    if (stance != nullptr) {
      stance->capability = effect.capability->apply(stance->capability.value_or(actor->capability));
    } else {
      actor->capability = effect.capability->apply(actor->capability);
    }
  }
  if (effect.presence) actor->present = *effect.presence == Presence::enter;
  return true;
}

Scenario scenario_at(const Scenario& scenario, Date date) {
  Scenario result = scenario;
  const Date start = scenario.start_date();
  for (const Event* event : events_in_order(scenario)) {
    if (event->date <= start || event->date > date) continue;
    for (const auto& effect : event->effects) apply_effect(result, effect);
  }
  std::erase_if(result.events, [&](const Event& event) { return event.date > start && event.date <= date; });
  result.start = date;
  result.as_of = date;
  return result;
}

}  // namespace parley

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

bool apply_effect(Scenario& scenario, const Effect& effect) {
  Actor* actor = scenario.find_actor(effect.actor);
  if (actor == nullptr) return false;
  Stance* stance = nullptr;
  if (effect.issue) {
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

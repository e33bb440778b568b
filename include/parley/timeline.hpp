#pragma once
// The event timeline: which events apply at a date, and the scenario as it stood then.

#include <vector>

#include "parley/scenario.hpp"

namespace parley {

// The events in the order they apply: by date, then by position in the file.
[[nodiscard]] std::vector<const Event*> events_in_order(const Scenario& scenario);

// Applies one effect. Returns false (leaving the scenario unchanged) when the effect names an
// actor or stance that does not exist; validation reports those before any run.
bool apply_effect(Scenario& scenario, const Effect& effect);

// The scenario as it stood on `date`: every event dated after start and on or before `date`
// applied in order. In the result, start and as_of are `date` and the applied events are gone.
[[nodiscard]] Scenario scenario_at(const Scenario& scenario, Date date);

}  // namespace parley

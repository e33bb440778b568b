#pragma once
// Small scenarios built in code, for tests that need a Monte Carlo run but not a file.

#include "parley/scenario.hpp"

namespace parley::test {

// Two actors, A at 10 and B at 90, of capability 1 and salience 0.5 on one issue `x` (0–100), as of
// 2023-01-01; positions vary by `position_sd` under Monte Carlo (0: not at all).
[[nodiscard]] Scenario two_actor_scenario(double position_sd = 0.0);

}  // namespace parley::test

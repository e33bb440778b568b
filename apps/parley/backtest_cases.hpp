#pragma once
// The decisions `backtest` and `calibrate` score: data files read with an importer, or scenario
// files (and folders of them) whose issues have an outcome.

#include <string>
#include <vector>

#include "io/backtest_outputs.hpp"
#include "parley/backtest.hpp"

namespace parley::cli {

// Fills `origin` with what was read. Throws InputNotFoundError, ScenarioError, UsageError.
[[nodiscard]] std::vector<BacktestCase> load_backtest_cases(const std::vector<std::string>& inputs,
                                                            const std::string& from, io::BacktestOrigin& origin);

// The most issues any case has (models that need several issues apply when it is 2 or more).
[[nodiscard]] std::size_t most_issues(const std::vector<BacktestCase>& cases);

}  // namespace parley::cli

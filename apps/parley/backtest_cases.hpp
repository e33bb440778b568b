#pragma once
// The decisions `backtest` and `calibrate` score: data files read with an importer, or scenario
// files (and folders of them) whose issues have an outcome.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "parley/backtest.hpp"
#include "parley/io/backtest_outputs.hpp"

namespace parley::cli {

// What `backtest` and `calibrate` share: the decisions, the seed, the bootstrap and the threads.
struct DecisionOptions {
  std::vector<std::string> inputs;
  std::string from;
  std::string seed = std::to_string(kDefaultSeed);
  int bootstrap = 2000;
  unsigned threads = 0;  // 0: every core
};

// Registers INPUT..., --from, --seed, --bootstrap and -j on `app`.
void add_decision_options(CLI::App* app, DecisionOptions& options);

// Fills `origin` with what was read. Throws InputNotFoundError, ScenarioError, UsageError.
[[nodiscard]] std::vector<BacktestCase> load_backtest_cases(const std::vector<std::string>& inputs,
                                                            const std::string& from, io::BacktestOrigin& origin);

// The most issues any case has (models that need several issues apply when it is 2 or more).
[[nodiscard]] std::size_t most_issues(const std::vector<BacktestCase>& cases);

}  // namespace parley::cli

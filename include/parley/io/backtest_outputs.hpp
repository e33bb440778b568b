#pragma once
// The files of a backtest's output folder (docs/output-format.md): backtest.json,
// backtest_summary.csv, backtest_issues.csv.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/backtest.hpp"

namespace parley::io {

// What was backtested, for backtest.json.
struct BacktestOrigin {
  std::vector<std::string> inputs;  // files as given
  std::string format;               // "scenario" or an import format
  std::string text;                 // the bytes read, concatenated (hashed)

  // SHA-256 (hex) of `text`.
  [[nodiscard]] std::string sha256() const;
};

[[nodiscard]] std::string backtest_summary_csv(const BacktestResult& result);
[[nodiscard]] std::string backtest_issues_csv(const BacktestResult& result);
// proposal,chosen: the model cross-validation chose for each case.
[[nodiscard]] std::string backtest_cv_csv(const CrossValidation& validation);
[[nodiscard]] nlohmann::ordered_json backtest_json(const BacktestResult& result, const BacktestRequest& request,
                                                   const BacktestOrigin& origin);

// The summary printed on the terminal: each model's MAE and its difference from the reference.
[[nodiscard]] std::string backtest_table(const BacktestResult& result);

// Writes every file into `directory` (created if needed); throws OutputError when it cannot.
void write_backtest_outputs(const std::filesystem::path& directory, const BacktestResult& result,
                            const BacktestRequest& request, const BacktestOrigin& origin);

}  // namespace parley::io

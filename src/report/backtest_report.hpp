#pragma once
// report.html of a `parley backtest` folder: the models' errors on decisions whose outcomes are known,
// how they spread over the issues, and how well the intervals held (built from backtest.json and its
// CSV files).

#include <filesystem>
#include <string>

namespace parley::report {

// Throws InputNotFoundError when backtest.json is missing or not JSON.
[[nodiscard]] std::string build_backtest_report(const std::filesystem::path& directory);

}  // namespace parley::report

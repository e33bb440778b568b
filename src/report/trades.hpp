#pragma once
// The trades models declare (IndicatorSpec::trades), as the report reads and shows them: a network of
// the actors that traded and, for one run, the first trades.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/outputs.hpp"
#include "report/rows.hpp"

namespace parley::report {

// A model's trades and the rows of the files that list them: the run's own table, or Monte
// Carlo's counts.
struct Trades {
  std::string model;
  const IndicatorSpec* spec = nullptr;
  std::string run_file;
  std::string mc_file;
  std::vector<Row> run;
  std::vector<Row> mc;
};

// The trades of every model in run.json (`run`) that declares them, read from `directory`.
[[nodiscard]] std::vector<Trades> read_trades(const nlohmann::json& run, const std::filesystem::path& directory);

// Whether a trade of the run bears a claim out.
[[nodiscard]] bool realised(const Trades& trades, const Claim& claim);

// The section's body: the note, the network and, for one run, the list.
[[nodiscard]] std::string trades_html(const Trades& trades);

}  // namespace parley::report

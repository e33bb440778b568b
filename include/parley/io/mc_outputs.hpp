#pragma once
// The files of a Monte Carlo run (docs/output-format.md#monte-carlo-outputs): run.json,
// mc_summary.csv, mc_claims.csv, mc_NAME.csv for each model's indicator (e.g. mc_exchanges.csv); and
// the summary table printed on the terminal.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "parley/io/run_outputs.hpp"
#include "parley/montecarlo.hpp"

namespace parley::io {

// What identifies a run, so that --resume continues only the same one.
[[nodiscard]] nlohmann::ordered_json mc_fingerprint(const RunRequest& request, Date at, const ScenarioOrigin& origin,
                                                    std::uint64_t samples);

// A fingerprint read back (a store's description of its run), for people: "parley VERSION, scenario
// sha256 PREFIX, at DATE, seed N, models A, B"; "?" for what it lacks. `samples`: the run's planned
// samples, 0 when unknown.
struct FingerprintSummary {
  std::string description;
  std::uint64_t samples = 0;
};
[[nodiscard]] FingerprintSummary summarise_fingerprint(std::string_view text);

[[nodiscard]] std::string mc_summary_csv(const MonteCarlo& mc, const McSummary& summary);
[[nodiscard]] std::string mc_claims_csv(const McSummary& summary);
// Each key of indicator series `series` that occurred, with the samples it occurred in.
[[nodiscard]] std::string mc_indicator_csv(const MonteCarlo& mc, const McSummary& summary, std::size_t series);
// Its file: mc_NAME.csv.
[[nodiscard]] std::string mc_indicator_file(const IndicatorSeries& series);

void write_mc_outputs(const std::filesystem::path& directory, const MonteCarlo& mc, const Scenario& scenario,
                      const McSummary& summary, const RunRequest& request, const ScenarioOrigin& origin,
                      std::uint64_t samples, const std::string& store, double seconds);

// Per issue, each model's mean and 90 % interval; then each claim's probability per model.
[[nodiscard]] std::string mc_table(const MonteCarlo& mc, const Scenario& scenario, const McSummary& summary);

}  // namespace parley::io

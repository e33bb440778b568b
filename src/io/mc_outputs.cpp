#include "io/mc_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/sha256.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"
#include "io/scenario_json.hpp"
#include "parley/timeline.hpp"
#include "parley/version.hpp"

namespace parley::io {

using Json = nlohmann::ordered_json;

Json mc_fingerprint(const RunRequest& request, Date at, const ScenarioOrigin& origin, std::uint64_t samples) {
  Json fingerprint;
  fingerprint["engine"] = kVersion;
  fingerprint["scenario_sha256"] = sha256_hex(origin.text);
  fingerprint["at"] = at.to_string();
  fingerprint["seed"] = request.seed;
  fingerprint["samples"] = samples;
  fingerprint["models"] = Json::array();
  for (const auto& selection : request.models) {
    fingerprint["models"].push_back(
        Json{{"name", selection.name}, {"parameters", parameters_json(selection.parameters)}});
  }
  return fingerprint;
}

std::string mc_summary_csv(const MonteCarlo& mc, const McSummary& summary) {
  std::string out;
  append_csv_row(out, {"model", "issue", "samples", "missing", "mean", "sd", "q05", "q25", "q50", "q75", "q95"});
  for (std::size_t s = 0; s < mc.series().size(); ++s) {
    const Series& series = mc.series()[s];
    const SeriesSummary& item = summary.series[s];
    append_csv_row(out, {series.model, series.issue, std::to_string(item.samples), std::to_string(item.missing),
                         csv_number(item.mean), csv_number(item.sd), csv_number(item.q05), csv_number(item.q25),
                         csv_number(item.q50), csv_number(item.q75), csv_number(item.q95)});
  }
  return out;
}

std::string mc_claims_csv(const McSummary& summary) {
  std::string out;
  append_csv_row(out, {"claim", "model", "issue", "samples", "holds", "probability"});
  for (const auto& claim : summary.claims) {
    append_csv_row(out, {claim.claim, claim.model, claim.issue, std::to_string(claim.samples),
                         std::to_string(claim.holds), csv_number(claim.probability())});
  }
  return out;
}

std::string mc_exchanges_csv(const MonteCarlo& mc, const McSummary& summary) {
  std::string out;
  append_csv_row(out, {"actor_a", "supplies_a", "actor_b", "supplies_b", "samples", "share"});
  const Problem& problem = mc.problem();
  for (const auto& item : summary.exchanges) {
    const ExchangeKey key = mc.decode(item.key);
    append_csv_row(out, {problem.actors[key.actor_a], problem.issues[key.issue_a].id, problem.actors[key.actor_b],
                         problem.issues[key.issue_b].id, std::to_string(item.samples),
                         csv_number(static_cast<double>(item.samples) / static_cast<double>(summary.samples))});
  }
  return out;
}

void write_mc_outputs(const std::filesystem::path& directory, const MonteCarlo& mc, const Scenario& scenario,
                      const McSummary& summary, const RunRequest& request, const ScenarioOrigin& origin,
                      std::uint64_t samples, const std::string& store, double seconds) {
  make_output_directory(directory);
  Json root;
  root["engine"] = Json{{"name", "parley"}, {"version", kVersion}};
  root["scenario"] = Json{{"name", origin.name}, {"title", scenario.title}, {"sha256", sha256_hex(origin.text)}};
  root["at"] = mc.at().to_string();
  root["seed"] = request.seed;
  root["samples"] = samples;
  root["models"] = Json::array();
  for (const auto& selection : request.models) {
    root["models"].push_back(
        Json{{"name", selection.name}, {"parameters", parameters_json(selection.parameters)}});
  }
  root["store"] = store;
  root["outputs"] = Json::array({"run.json", "scenario.json", "mc_summary.csv", "mc_claims.csv", "mc_exchanges.csv"});
  root["timings_seconds"] = Json{{"this_invocation", seconds}};
  write_text_file(directory / "run.json", root.dump(2) + "\n");
  Scenario at_date = scenario_at(scenario, mc.at());
  at_date.events = scenario.events;  // the whole timeline, for the report
  write_text_file(directory / "scenario.json", scenario_to_json(at_date).dump(2) + "\n");
  write_text_file(directory / "mc_summary.csv", mc_summary_csv(mc, summary));
  write_text_file(directory / "mc_claims.csv", mc_claims_csv(summary));
  write_text_file(directory / "mc_exchanges.csv", mc_exchanges_csv(mc, summary));
}

std::string mc_table(const MonteCarlo& mc, const Scenario& scenario, const McSummary& summary) {
  std::string out = fmt::format("{} — {} samples\n", scenario.title, summary.samples);
  for (const auto& issue : mc.problem().issues) {
    out += fmt::format("\n{}:\n  {:<12}{:>8}{:>8}   {:<18}\n", issue.id, "model", "mean", "sd", "90% of samples");
    for (std::size_t s = 0; s < mc.series().size(); ++s) {
      if (mc.series()[s].issue != issue.id) continue;
      const SeriesSummary& item = summary.series[s];
      const std::string range = std::isnan(item.q05) ? "-" : fmt::format("[{:.1f}, {:.1f}]", item.q05, item.q95);
      out += fmt::format("  {:<12}{:>8.1f}{:>8.1f}   {:<18}{}\n", mc.series()[s].model, item.mean, item.sd, range,
                         item.missing > 0 ? fmt::format(" ({} without a forecast)", item.missing) : "");
    }
  }
  if (!summary.claims.empty()) {
    out += "\nclaims (share of samples in which the model's forecast bears the claim out):\n";
    std::string current;
    for (const auto& claim : summary.claims) {
      if (claim.claim != current) {
        current = claim.claim;
        const auto found = std::find_if(scenario.claims.begin(), scenario.claims.end(),
                                        [&](const Claim& c) { return c.id == claim.claim; });
        out += fmt::format("  {}: \"{}\"\n", claim.claim, found != scenario.claims.end() ? found->text : "");
      }
      out += fmt::format("    {:<12}{:>6.1f}%\n", claim.model, 100.0 * claim.probability());
    }
  }
  return out;
}

}  // namespace parley::io

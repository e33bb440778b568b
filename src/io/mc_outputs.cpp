#include "parley/io/mc_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/sha256.hpp"
#include "io/answer_json.hpp"
#include "parley/io/calibration_json.hpp"
#include "io/csv.hpp"
#include "parley/io/files.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/timeline.hpp"
#include "parley/version.hpp"

namespace parley::io {

using Json = nlohmann::ordered_json;

Json mc_fingerprint(const RunRequest& request, Date at, const ScenarioOrigin& origin, std::uint64_t samples) {
  Json fingerprint;
  fingerprint["engine"] = kVersion;
  fingerprint["scenario_sha256"] = sha256_hex(origin.text);
  // What-ifs change the scenario its bytes do not: a store continues only under the same ones.
  if (!origin.what_if.empty()) fingerprint["what_if"] = origin.what_if;
  fingerprint["at"] = at.to_string();
  fingerprint["seed"] = request.seed;
  fingerprint["samples"] = samples;
  fingerprint["models"] = Json::array();
  for (const auto& selection : request.models) {
    fingerprint["models"].push_back(Json{{"name", selection.name}, {"parameters", parameters_json(selection.parameters)}});
  }
  // A store holds the ensemble's series only for the calibration it was made with.
  if (request.ensemble) fingerprint["ensemble"] = sha256_hex(write_calibration_json(*request.ensemble));
  return fingerprint;
}

FingerprintSummary summarise_fingerprint(std::string_view text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  FingerprintSummary summary;
  if (!json.is_object()) return summary;
  std::string models;
  for (const auto& model : json.value("models", nlohmann::json::array())) {
    if (!model.is_object()) continue;
    models += fmt::format("{}{}", models.empty() ? "" : ", ", model.value("name", "?"));
  }
  const auto field = [&](const char* key) {
    const auto found = json.find(key);
    return found == json.end() ? std::string("?") : found->is_string() ? found->get<std::string>() : found->dump();
  };
  summary.description = fmt::format("parley {}, scenario sha256 {}, at {}, seed {}, models {}", field("engine"),
                                    field("scenario_sha256").substr(0, 12), field("at"), field("seed"), models);
  const auto samples = json.find("samples");
  if (samples != json.end() && samples->is_number_unsigned()) summary.samples = samples->get<std::uint64_t>();
  return summary;
}

Json mc_answer_json(const MonteCarlo& mc, const McSummary& summary) {
  Answer answer;
  answer.calibration = *mc.ensemble();
  const std::size_t issues = mc.problem().issues.size();
  for (std::size_t i = 0; i < summary.headlines.size(); ++i) {
    IssueAnswer item;
    item.issue = summary.headlines[i].issue;
    const MixtureSummary& mixture = summary.headlines[i].mixture;
    item.forecast = summary.series[i].samples > 0 ? mixture.median : std::numeric_limits<double>::quiet_NaN();
    item.intervals = mixture.intervals;
    // A model agrees when the median of its samples lies inside the 50 % interval.
    for (std::size_t s = issues; s < mc.series().size(); ++s) {
      if (mc.series()[s].issue != item.issue || std::isnan(summary.series[s].q50)) continue;
      const double median = summary.series[s].q50;
      const bool inside = median >= item.intervals[0].low && median <= item.intervals[0].high;
      (inside ? item.agree : item.disagree).push_back({mc.series()[s].model, median});
    }
    answer.issues.push_back(std::move(item));
  }
  for (const auto& claim : summary.claims) {
    if (claim.model != kEnsembleName || std::isnan(claim.calibrated)) continue;
    answer.claims.push_back({claim.claim, claim.issue, claim.calibrated, 2 * claim.holds >= claim.samples});
  }
  Json json = answer_json(answer);
  json["monte_carlo"] =
      "forecast: the median of the samples' ensemble forecasts plus the calibrated error; intervals of that "
      "distribution; models: the medians of their samples; flags: see `parley run`";
  return json;
}

std::string mc_summary_csv(const MonteCarlo& mc, const McSummary& summary) {
  std::string out;
  append_csv_row(out, {"model", "issue", "samples", "missing", "mean", "sd", "q05", "q25", "q50", "q75", "q95",
                       "median", "low50", "high50", "low80", "high80", "low95", "high95"});
  for (std::size_t s = 0; s < mc.series().size(); ++s) {
    const Series& series = mc.series()[s];
    const SeriesSummary& item = summary.series[s];
    std::vector<std::string> row{
        series.model,          series.issue,         std::to_string(item.samples), std::to_string(item.missing),
        csv_number(item.mean), csv_number(item.sd),  csv_number(item.q05),         csv_number(item.q25),
        csv_number(item.q50),  csv_number(item.q75), csv_number(item.q95)};
    // The ensemble's rows: the predictive distribution, the samples and the calibrated error together.
    if (s < summary.headlines.size() && item.samples > 0) {
      const MixtureSummary& mixture = summary.headlines[s].mixture;
      row.push_back(csv_number(mixture.median));
      for (const auto& interval : mixture.intervals) {
        row.push_back(csv_number(interval.low));
        row.push_back(csv_number(interval.high));
      }
    } else {
      row.insert(row.end(), 7, "");
    }
    append_csv_row(out, row);
  }
  return out;
}

std::string mc_claims_csv(const McSummary& summary) {
  std::string out;
  append_csv_row(out, {"claim", "model", "issue", "samples", "holds", "probability", "calibrated_probability"});
  for (const auto& claim : summary.claims) {
    append_csv_row(out, {claim.claim, claim.model, claim.issue, std::to_string(claim.samples),
                         std::to_string(claim.holds), csv_number(claim.probability()), csv_number(claim.calibrated)});
  }
  return out;
}

std::string mc_indicator_csv(const MonteCarlo& mc, const McSummary& summary, std::size_t series) {
  std::string out;
  std::vector<std::string> header;
  for (const auto& part : mc.indicator_series()[series].spec->key) header.push_back(part.name);
  header.insert(header.end(), {"samples", "share"});
  append_csv_row(out, header);
  for (const auto& item : summary.indicators[series]) {
    std::vector<std::string> row = mc.key_ids(series, item.key);
    row.push_back(std::to_string(item.samples));
    row.push_back(csv_number(static_cast<double>(item.samples) / static_cast<double>(summary.samples)));
    append_csv_row(out, row);
  }
  return out;
}

std::string mc_indicator_file(const IndicatorSeries& series) {
  return "mc_" + series.name + ".csv";
}

void write_mc_outputs(const std::filesystem::path& directory, const MonteCarlo& mc, const Scenario& scenario,
                      const McSummary& summary, const RunRequest& request, const ScenarioOrigin& origin,
                      std::uint64_t samples, const std::string& store, double seconds) {
  make_output_directory(directory);
  Manifest manifest;
  if (mc.ensemble()) manifest.answer = mc_answer_json(mc, summary);
  manifest.source = scenario_source(origin, scenario.title);
  manifest.at = mc.at();
  manifest.seed = request.seed;
  manifest.before_models["samples"] = samples;
  for (const auto& selection : request.models) manifest.models.emplace_back(selection.name, selection.parameters);
  manifest.after_models["store"] = store;
  manifest.outputs = {"run.json", "scenario.json", "mc_summary.csv", "mc_claims.csv"};
  for (const auto& series : mc.indicator_series()) manifest.outputs.push_back(mc_indicator_file(series));
  manifest.timings = Json{{"this_invocation", seconds}};
  write_scenario_json(directory, scenario_at(scenario, mc.at()), scenario.events);
  write_text_file(directory / "mc_summary.csv", mc_summary_csv(mc, summary));
  write_text_file(directory / "mc_claims.csv", mc_claims_csv(summary));
  for (std::size_t k = 0; k < mc.indicator_series().size(); ++k) {
    write_text_file(directory / mc_indicator_file(mc.indicator_series()[k]), mc_indicator_csv(mc, summary, k));
  }
  remove_stale_outputs(directory, manifest.outputs);
  write_manifest(directory / "run.json", manifest);  // last: the files it lists are whole
}

std::string mc_table(const MonteCarlo& mc, const Scenario& scenario, const McSummary& summary) {
  std::string out = fmt::format("{} — {} samples\n", scenario.title, summary.samples);
  for (std::size_t i = 0; i < mc.problem().issues.size(); ++i) {
    const IssueProblem& issue = mc.problem().issues[i];
    out += fmt::format("\n{}:\n", issue.id);
    if (i < summary.headlines.size() && summary.series[i].samples > 0) {
      const MixtureSummary& mixture = summary.headlines[i].mixture;
      out += fmt::format(
          "  parley forecast {:.1f} [{:.1f}–{:.1f}] (80 %: the scenario's uncertainty and the calibrated error)\n",
          mixture.median, mixture.intervals[1].low, mixture.intervals[1].high);
    }
    out += fmt::format("  {:<12}{:>8}{:>8}   {:<18}\n", "model", "mean", "sd", "90% of samples");
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
      out += fmt::format("    {:<12}{:>6.1f}%{}\n", claim.model, 100.0 * claim.probability(),
                         std::isnan(claim.calibrated)
                             ? ""
                             : fmt::format("   ({:.1f}% with the calibrated error)", 100.0 * claim.calibrated));
    }
  }
  return out;
}

}  // namespace parley::io

#include "parley/io/run_outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "io/answer_json.hpp"
#include "io/csv.hpp"
#include "parley/io/files.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/errors.hpp"

namespace parley::io {
using Json = nlohmann::ordered_json;

std::string table_file(const std::string& model, const std::string& table) {
  const auto at = model.find('@');
  return table + (at == std::string::npos ? std::string{} : model.substr(at)) + ".csv";
}

std::string table_csv(const Table& table) {
  std::string out;
  append_csv_row(out, table.header());
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      const std::size_t start = out.size();
      row[c].append_text(out);
      quote_csv_cell(out, start);
    }
    out += '\n';
  }
  return out;
}

std::string forecast_csv(const RunResult& result) {
  std::string out;
  append_csv_row(out, {"model", "issue", "forecast", "rounds", "converged", "stop", "cycle_period", "cycle_low",
                       "cycle_high", "low50", "high50", "low80", "high80", "low95", "high95"});
  // The headline first; its interval columns are the only ones filled.
  if (result.answer) {
    for (const auto& item : result.answer->issues) {
      std::vector<std::string> row{std::string(kEnsembleName),
                                   item.issue,
                                   csv_number(item.forecast),
                                   "",
                                   "",
                                   std::isnan(item.forecast) ? "no_forecast" : "combined",
                                   "",
                                   "",
                                   ""};
      for (const auto& interval : item.intervals) {
        row.push_back(std::isnan(item.forecast) ? "" : csv_number(interval.low));
        row.push_back(std::isnan(item.forecast) ? "" : csv_number(interval.high));
      }
      append_csv_row(out, row);
    }
  }
  for (const auto& model_run : result.runs) {
    for (const auto& issue : model_run.outcome.issues) {
      append_csv_row(out, {model_run.model, issue.issue, csv_number(issue.forecast), std::to_string(issue.rounds),
                           issue.converged() ? "true" : "false", std::string(to_string(issue.reason)),
                           issue.cycle_period > 0 ? std::to_string(issue.cycle_period) : "",
                           csv_number(issue.cycle_low), csv_number(issue.cycle_high), "", "", "", "", "", ""});
    }
  }
  return out;
}

std::string trajectories_csv(const RunResult& result) {
  std::string out;
  append_csv_row(out, {"model", "issue", "round", "actor", "position", "risk", "vote"});
  for (const auto& model_run : result.runs) {
    for (const auto& issue : model_run.outcome.issues) {
      const auto problem = std::find_if(result.problem.issues.begin(), result.problem.issues.end(),
                                        [&](const IssueProblem& p) { return p.id == issue.issue; });
      if (problem == result.problem.issues.end()) continue;
      for (std::size_t round = 0; round < issue.positions.size(); ++round) {
        const auto& positions = issue.positions[round];
        const std::vector<double>* risk = round < issue.risk.size() ? &issue.risk[round] : nullptr;
        const std::vector<double>* votes = round < issue.votes.size() ? &issue.votes[round] : nullptr;
        for (std::size_t k = 0; k < positions.size() && k < problem->participants.size(); ++k) {
          append_csv_text(out, model_run.model);
          out += ',';
          append_csv_text(out, issue.issue);
          fmt::format_to(std::back_inserter(out), ",{},", round);
          append_csv_text(out, result.problem.actors[problem->participants[k].actor]);
          out += ',';
          append_csv_number(out, positions[k]);
          out += ',';
          if (risk != nullptr && k < risk->size()) append_csv_number(out, (*risk)[k]);
          out += ',';
          if (votes != nullptr && k < votes->size()) append_csv_number(out, (*votes)[k]);
          out += '\n';
        }
      }
    }
  }
  return out;
}

Json run_json(const RunResult& result, const ScenarioOrigin& origin) {
  Manifest manifest;
  if (result.answer) manifest.answer = answer_json(*result.answer);
  manifest.source = scenario_source(origin, result.scenario.title);
  manifest.at = result.at;
  manifest.seed = result.seed;
  manifest.outputs = {"run.json", "scenario.json", "forecast.csv", "trajectories.csv"};
  Json timings = Json::object();
  for (const auto& model_run : result.runs) {
    manifest.models.emplace_back(model_run.model, model_run.parameters);
    for (const auto& table : model_run.outcome.tables) manifest.outputs.push_back(table_file(model_run.model, table.name));
    timings[model_run.model] = model_run.seconds;
  }
  manifest.timings = timings;
  return manifest_json(manifest);
}

void write_run_outputs(const std::filesystem::path& directory, const RunResult& result, const ScenarioOrigin& origin) {
  make_output_directory(directory);
  write_scenario_json(directory, result.scenario, result.timeline);
  write_text_file(directory / "forecast.csv", forecast_csv(result));
  write_text_file(directory / "trajectories.csv", trajectories_csv(result));
  for (const auto& model_run : result.runs) {
    for (const auto& table : model_run.outcome.tables) {
      write_text_file(directory / table_file(model_run.model, table.name), table_csv(table));
    }
  }
  // The manifest last: a folder whose run.json is there (and is this run's) holds every file it lists.
  const Json manifest = run_json(result, origin);
  remove_stale_outputs(directory, manifest["outputs"].get<std::vector<std::string>>());
  write_text_file(directory / "run.json", manifest.dump(2) + "\n");
}

}  // namespace parley::io

#include "api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string_view>
#include <vector>

#include "archive.hpp"
#include "parley/io/calibration_json.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/files.hpp"
#include "parley/io/mc_outputs.hpp"
#include "parley/io/model_listing.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/io/sensitivity_outputs.hpp"
#include "parley/montecarlo.hpp"
#include "parley/registry.hpp"
#include "parley/report.hpp"
#include "parley/sensitivity.hpp"
#include "parley/what_if.hpp"

namespace parley::serve {
namespace {

using Json = nlohmann::ordered_json;

Json diagnostic_json(const Diagnostic& diagnostic) {
  return {{"file", diagnostic.location.file},
          {"line", diagnostic.location.line},
          {"column", diagnostic.location.column},
          {"path", diagnostic.path},
          {"message", diagnostic.message}};
}

Json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  Json list = Json::array();
  for (const auto& diagnostic : diagnostics) list.push_back(diagnostic_json(diagnostic));
  return list;
}

nlohmann::json parse_body(const std::string& body) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded()) throw RequestError("the request body is not JSON");
  if (!json.is_object()) throw RequestError("the request body must be a JSON object");
  return json;
}

// The request's keys must be among `known`: a misspelt key is an error, not a silent default.
void check_keys(const nlohmann::json& request, std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : request.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      throw RequestError(fmt::format("unknown key '{}' in the request", key));
    }
  }
}

std::string text_field(const nlohmann::json& request, const char* key, std::string fallback = {}) {
  if (!request.contains(key)) return fallback;
  if (!request[key].is_string()) throw RequestError(fmt::format("'{}' must be a string", key));
  return request[key].get<std::string>();
}

bool flag_field(const nlohmann::json& request, const char* key) {
  if (!request.contains(key)) return false;
  if (!request[key].is_boolean()) throw RequestError(fmt::format("'{}' must be true or false", key));
  return request[key].get<bool>();
}

std::vector<std::string> list_field(const nlohmann::json& request, const char* key) {
  std::vector<std::string> values;
  if (!request.contains(key)) return values;
  if (!request[key].is_array()) throw RequestError(fmt::format("'{}' must be a list of strings", key));
  for (const auto& value : request[key]) {
    if (!value.is_string()) throw RequestError(fmt::format("'{}' must be a list of strings", key));
    values.push_back(value.get<std::string>());
  }
  return values;
}

// A whole number, given as a JSON number or as text (a seed above 2^53 does not survive JavaScript).
std::uint64_t whole_field(const nlohmann::json& request, const char* key, std::uint64_t fallback) {
  if (!request.contains(key)) return fallback;
  const auto& value = request[key];
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  if (value.is_string()) {
    const auto text = value.get<std::string>();
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (!text.empty() && error == std::errc{} && end == text.data() + text.size()) return number;
  }
  throw RequestError(fmt::format("'{}' must be a whole number in [0, 18446744073709551615]", key));
}

// The scenario a request names: its text ("yaml", named "file" in messages) or an embedded one.
io::LoadedScenario load_scenario(const nlohmann::json& request, io::ScenarioOrigin& origin) {
  const bool strict = flag_field(request, "strict");
  if (request.contains("yaml")) {
    if (request.contains("name")) throw RequestError("give either 'yaml' or 'name', not both");
    origin.name = text_field(request, "file", "scenario.yaml");
    origin.text = text_field(request, "yaml");
    return io::read_scenario_yaml(origin.text, origin.name, {.strict = strict});
  }
  const std::string name = text_field(request, "name", std::string(io::kDefaultScenario));
  const auto* embedded = io::find_embedded(name);
  if (embedded == nullptr) throw InputNotFoundError(fmt::format("no embedded scenario named '{}'", name));
  origin.name = name;
  origin.text = std::string(embedded->text);
  return io::read_scenario_yaml(embedded->text, name + ".yaml", {.strict = true});
}

bool id_column(std::string_view name) {
  for (const std::string_view part :
       {"model", "issue", "actor", "input", "supplies", "demands", "initiator", "receiver", "counterpart"}) {
    if (name.find(part) != std::string_view::npos) return true;
  }
  return false;
}

Json cell_json(std::string_view cell, bool text_only) {
  if (text_only) return std::string(cell);  // an actor may be called `true` or `007`
  if (cell.empty()) return nullptr;
  if (cell == "true") return true;
  if (cell == "false") return false;
  double number = 0.0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), number);
  if (error == std::errc{} && end == cell.data() + cell.size()) return number;
  return std::string(cell);
}

// One record of a CSV text from `at`: its fields, RFC 4180 quoting undone; `at` moves past it.
std::vector<std::string> csv_record(std::string_view text, std::size_t& at) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (at < text.size()) {
    const char c = text[at++];
    if (quoted) {
      if (c == '"' && at < text.size() && text[at] == '"') {
        fields.back() += '"';
        ++at;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

Json tables_of(const RunResult& result) {
  Json tables;
  tables["forecast"] = csv_table(io::forecast_csv(result));
  tables["trajectories"] = csv_table(io::trajectories_csv(result));
  for (const auto& model_run : result.runs) {
    for (const auto& table : model_run.outcome.tables) {
      std::string file = io::table_file(model_run.model, table.name);
      file.resize(file.size() - 4);  // without .csv
      tables[file] = csv_table(io::table_csv(table));
    }
  }
  return tables;
}

// A temporary folder, removed with everything in it when this goes.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parley-serve-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw OutputError("cannot create a temporary folder for the archive");
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

Json csv_table(const std::string& text) {
  std::size_t at = 0;
  Json columns = Json::array();
  std::vector<bool> text_only;
  for (auto& name : csv_record(text, at)) {
    text_only.push_back(id_column(name));
    columns.push_back(std::move(name));
  }
  Json rows = Json::array();
  while (at < text.size()) {
    const auto fields = csv_record(text, at);
    Json row = Json::array();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      row.push_back(cell_json(fields[i], i < text_only.size() && text_only[i]));
    }
    rows.push_back(std::move(row));
  }
  return {{"columns", std::move(columns)}, {"rows", std::move(rows)}};
}

JobOutcome list_scenarios() {
  Json list = Json::array();
  for (const auto& scenario : io::embedded_scenarios()) {
    list.push_back({{"name", scenario.name}, {"default", scenario.name == io::kDefaultScenario}});
  }
  return {200, {{"scenarios", std::move(list)}}};
}

JobOutcome embedded_scenario(const std::string& name) {
  const auto* embedded = io::find_embedded(name);
  if (embedded == nullptr) return {404, {{"error", fmt::format("no embedded scenario named '{}'", name)}}};
  return {200, {{"name", embedded->name}, {"yaml", embedded->text}}};
}

JobOutcome list_models() {
  Json models = Json::array();
  for (const auto& info : model_registry()) models.push_back(io::model_json(info));
  return {200, {{"models", std::move(models)}}};
}

JobOutcome validate_scenario(const std::string& body) {
  return answer([&]() -> JobOutcome {
    const auto request = parse_body(body);
    check_keys(request, {"yaml", "file", "strict"});
    if (!request.contains("yaml")) throw RequestError("'yaml' (the scenario's text) is missing");
    io::ScenarioOrigin origin;
    try {
      const io::LoadedScenario loaded = load_scenario(request, origin);
      return {200,
              {{"ok", true},
               {"errors", Json::array()},
               {"warnings", diagnostics_json(loaded.warnings)},
               {"scenario", io::scenario_to_json(loaded.scenario)}}};
    } catch (const ScenarioError& error) {
      return {200, {{"ok", false}, {"errors", diagnostics_json(error.diagnostics())}, {"warnings", Json::array()}}};
    }
  });
}

RunInput read_run_input(const std::string& body, unsigned threads, std::size_t jobs_at_once) {
  const auto request = parse_body(body);
  check_keys(request,
             {"yaml", "name", "file", "strict", "models", "params", "set", "at", "seed", "samples", "bootstrap"});
  RunInput input;
  io::LoadedScenario loaded = load_scenario(request, input.origin);
  input.scenario = std::move(loaded.scenario);
  input.warnings = std::move(loaded.warnings);
  std::vector<WhatIf> changes;
  for (const auto& text : list_field(request, "set")) changes.push_back(parse_what_if(text));
  apply_what_ifs(input.scenario, changes);
  for (const auto& change : changes) input.origin.what_if.push_back(change.text);
  RunOptions options{.models = list_field(request, "models"), .parameters = list_field(request, "params")};
  if (request.contains("at")) {
    const std::string text = text_field(request, "at");
    const auto date = Date::parse(text);
    if (!date) throw UsageError(fmt::format("at {}: not a valid date ({})", text, Date::explain_invalid(text)));
    options.at = *date;
  }
  options.seed = whole_field(request, "seed", kDefaultSeed);
  if (request.contains("samples")) {
    input.samples = whole_field(request, "samples", 0);
    if (*input.samples == 0 || *input.samples > kMaxSamples) {
      throw RequestError(fmt::format("'samples' must be in [1, {}]", kMaxSamples));
    }
  }
  input.bootstrap = whole_field(request, "bootstrap", input.bootstrap);
  if (input.bootstrap > kMaxBootstrap) throw RequestError(fmt::format("'bootstrap' must be in [0, {}]", kMaxBootstrap));
  input.jobs_at_once = std::max<std::size_t>(1, jobs_at_once);
  options.threads = std::max(1U, threads);
  RunPlan plan = plan_run(options, input.scenario.issues.size(), io::shipped_calibration());
  input.request = std::move(plan.request);
  input.note = std::move(plan.note);
  return input;
}

JobOutcome run_outcome(const RunInput& input) {
  const RunResult result = run(input.scenario, input.request);
  Json body{{"run", io::run_json(result, input.origin)},
            {"warnings", diagnostics_json(input.warnings)},
            {"tables", tables_of(result)},
            {"files", {{"forecast.csv", io::forecast_csv(result)}}}};
  if (!input.note.empty()) body["note"] = input.note;
  return {200, std::move(body)};
}

JobOutcome mc_outcome(const RunInput& input, unsigned threads, Job& job) {
  const MonteCarlo mc(input.scenario, input.request);
  const std::uint64_t count = input.samples.value_or(1000);
  // Each sample's result is kept until all are in (a SampleResult, its forecasts and its indicators'
  // keys), then summarised (what the summariser keeps); every job that may run at once may do the same.
  const double per_sample = static_cast<double>(sizeof(SampleResult)) + static_cast<double>(mc.series().size()) * 8.0 +
                            40.0 + static_cast<double>(mc.indicator_series().size()) * 64.0 +
                            McSummariser::bytes_per_sample(mc);
  check_memory(static_cast<double>(count) * per_sample * static_cast<double>(input.jobs_at_once),
               fmt::format("{} samples ({} such jobs may run at once)", count, input.jobs_at_once),
               "use fewer samples");
  std::vector<std::uint64_t> samples(count);
  for (std::uint64_t k = 0; k < count; ++k) samples[k] = k;
  std::vector<SampleResult> results(count);
  std::uint64_t done = 0;
  job.set_progress(0, count);
  mc.run(
      samples, threads,
      [&](std::vector<SampleResult>& batch) {
        for (auto& result : batch) results[result.sample] = std::move(result);
        done += batch.size();
      },
      [&](std::size_t finished) {
        job.set_progress(finished, count);
        (void)job.should_stop();
      },
      job.stop_flag());
  job.set_progress(done, count);
  if (done < count) return {200, {{"samples", done}}};  // stopped: the queue reports it cancelled
  const McSummary summary = summarise(mc, input.scenario, results);
  Json indicators;
  for (std::size_t i = 0; i < mc.indicator_series().size(); ++i) {
    indicators[mc.indicator_series()[i].name] = csv_table(io::mc_indicator_csv(mc, summary, i));
  }
  const std::string summary_csv = io::mc_summary_csv(mc, summary);
  Json body{{"samples", count},
            {"uncertain", mc.uncertain()},
            {"warnings", diagnostics_json(input.warnings)},
            {"tables",
             {{"mc_summary", csv_table(summary_csv)},
              {"mc_claims", csv_table(io::mc_claims_csv(summary))},
              {"indicators", std::move(indicators)}}},
            {"files", {{"mc_summary.csv", summary_csv}}},
            {"text", io::mc_table(mc, input.scenario, summary)}};
  if (!input.note.empty()) body["note"] = input.note;
  return {200, std::move(body)};
}

JobOutcome sensitivity_outcome(const RunInput& input, unsigned threads, Job& job) {
  const MonteCarlo mc(input.scenario, input.request);
  const std::uint64_t base_samples = input.samples.value_or(500);
  if (base_samples < 2) throw RequestError("'samples' must be at least 2 for sensitivity");
  SobolControl control;
  control.stop = &job.stop_flag();
  control.progress = [&](std::size_t done, std::size_t total) {
    job.set_progress(done, total);
    (void)job.should_stop();
  };
  job.set_progress(0, base_samples);
  const ModelSensitivity sensitivity =
      model_sensitivity(mc, base_samples, input.request.seed, threads, input.bootstrap, control);
  const std::string csv = io::sensitivity_csv(mc, sensitivity);
  Json body{{"samples", base_samples},
            {"evaluations", sensitivity.result.evaluations},
            {"groups", sensitivity.groups},
            {"warnings", diagnostics_json(input.warnings)},
            {"tables", {{"sensitivity", csv_table(csv)}}},
            {"files", {{"sensitivity.csv", csv}}},
            {"text", io::sensitivity_table(mc, sensitivity, 3)}};
  if (!input.note.empty()) body["note"] = input.note;
  return {200, std::move(body)};
}

std::string run_archive(const RunInput& input) {
  const RunResult result = run(input.scenario, input.request);
  const TemporaryFolder folder;
  io::write_run_outputs(folder.path(), result, input.origin);
  (void)report::write_report(folder.path());
  std::vector<ArchiveEntry> entries;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
    entries.push_back({"parley-run/" + entry.path().filename().string(), io::read_text_file(entry.path())});
  }
  std::sort(entries.begin(), entries.end(),
            [](const ArchiveEntry& a, const ArchiveEntry& b) { return a.name < b.name; });
  return zip_archive(entries);
}

JobOutcome error_outcome(const Error& error) {
  int status = 500;
  switch (error.exit_code()) {
    case ExitCode::usage:
    case ExitCode::config:
      status = 400;
      break;
    case ExitCode::no_input:
      status = 404;
      break;
    case ExitCode::data:
      status = 422;
      break;
    case ExitCode::interrupted:
      status = 409;
      break;
    default:
      status = 500;
  }
  Json body{{"error", error.what()}};
  if (const auto* scenario_error = dynamic_cast<const ScenarioError*>(&error)) {
    body["diagnostics"] = diagnostics_json(scenario_error->diagnostics());
  }
  return {status, std::move(body)};
}

}  // namespace parley::serve

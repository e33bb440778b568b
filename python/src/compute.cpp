// parley._parley's computations: a run, Monte Carlo, sensitivity and a backtest. Each runs with the
// GIL released; Monte Carlo and sensitivity run on a thread of their own while the calling thread
// reports progress and checks for Ctrl-C (supervise below).

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <optional>

#include "binding.hpp"
#include "parley/backtest.hpp"
#include "parley/io/backtest_outputs.hpp"
#include "parley/io/calibration_json.hpp"
#include "parley/io/mc_outputs.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/io/sensitivity_outputs.hpp"
#include "parley/limits.hpp"
#include "parley/montecarlo.hpp"
#include "parley/report.hpp"
#include "parley/sensitivity.hpp"
#include "parley/what_if.hpp"

namespace parley::python {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> strings(const nlohmann::json& spec, const char* key) {
  std::vector<std::string> values;
  if (spec.contains(key) && spec[key].is_array()) {
    for (const auto& value : spec[key]) values.push_back(value.get<std::string>());
  }
  return values;
}

unsigned threads_of(const nlohmann::json& spec) {
  return checked_threads(
      spec.contains("threads") && spec["threads"].is_number_unsigned() ? spec["threads"].get<unsigned>() : 0U);
}

std::optional<Date> date_of(const nlohmann::json& spec) {
  if (!spec.contains("at") || spec["at"].is_null()) return std::nullopt;
  const auto text = spec["at"].get<std::string>();
  const auto date = Date::parse(text);
  if (!date) throw UsageError(Subject::date, text, fmt::format(": not a valid date ({})", Date::explain_invalid(text)));
  return date;
}

// The tables of a run, as the files of `parley run -o` hold them.
std::vector<TableText> run_tables(const RunResult& result) {
  std::vector<TableText> tables;
  tables.push_back({"forecast", "forecast.csv", io::forecast_csv(result), {"model", "issue", "stop"}});
  tables.push_back({"trajectories", "trajectories.csv", io::trajectories_csv(result), {"model", "issue", "actor"}});
  for (const auto& model_run : result.runs) {
    for (const auto& table : model_run.outcome.tables) {
      TableText text{.file = io::table_file(model_run.model, table.name), .csv = io::table_csv(table)};
      text.key = text.file.substr(0, text.file.size() - 4);
      for (const auto& column : table.columns) {
        if (column.type == ColumnType::text) text.text_columns.push_back(column.name);
      }
      tables.push_back(std::move(text));
    }
  }
  return tables;
}

py::list tables_list(const std::vector<TableText>& tables) {
  py::list list;
  for (const auto& table : tables) list.append(py::make_tuple(table.key, table.file, table.csv, table.text_columns));
  return list;
}

// Progress that the working thread writes and the calling thread reads.
struct Progress {
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> total{0};
};

// Checks for signals (Ctrl-C), then calls `callback(done, total)` when progress moved since `reported`.
// Returns the Python error either raised.
std::optional<py::error_already_set> report(const Progress& progress, const py::object& callback,
                                            std::size_t& reported) {
  try {
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    const std::size_t done = progress.done.load();
    if (!callback.is_none() && done != reported && progress.total.load() > 0) {
      reported = done;
      callback(done, progress.total.load());
    }
  } catch (py::error_already_set& error) {
    return std::move(error);
  }
  return std::nullopt;
}

// Runs `work` on a thread of its own. The calling thread, holding the GIL only between waits of at
// most 100 ms, reports progress and checks for signals (report above). A signal, or an exception from
// the callback, raises `stop` and is re-raised once `work` returns.
template <typename Work>
auto supervise(Work work, const Progress& progress, const py::object& callback, std::atomic<bool>& stop) {
  auto future = std::async(std::launch::async, std::move(work));
  std::optional<py::error_already_set> failure;
  auto reported = static_cast<std::size_t>(-1);
  for (bool ready = false; !ready;) {
    {
      const py::gil_scoped_release release;
      ready = future.wait_for(std::chrono::milliseconds(100)) == std::future_status::ready;
    }
    if (!failure) {
      try {
        failure = report(progress, callback, reported);
      } catch (...) {  // anything else (bad_alloc): stop the work, and wait for it without the GIL
        stop = true;
        const py::gil_scoped_release release;
        future.wait();
        throw;
      }
      if (failure) stop = true;
    }
  }
  if (failure) {
    try {
      (void)future.get();
    } catch (const std::exception&) {  // the work's own stop: the signal or the callback's error explains it
    }
    throw std::move(*failure);
  }
  return future.get();
}

// An output file: its name, its CSV text and its columns that hold ids or words.
struct FileText {
  std::string name;
  std::string csv;
  std::vector<std::string> text_columns;
};

// {name: (csv, text columns)}.
py::dict texts(const std::vector<FileText>& files) {
  py::dict out;
  for (const auto& file : files) out[py::str(file.name)] = py::make_tuple(file.csv, file.text_columns);
  return out;
}

struct McOutput {
  std::uint64_t samples = 0;
  bool uncertain = false;
  std::vector<FileText> files;  // mc_summary.csv, mc_claims.csv, mc_NAME.csv
  std::string table;            // as `parley mc` prints it
  std::vector<double> draws;    // samples × series, in sample order
};

py::dict run_mc(const std::string& spec_text, const std::optional<std::string>& origin, std::uint64_t count,
                const py::object& callback) {
  const Prepared prepared = prepare(spec_text, origin);
  const unsigned threads = prepared.request.threads;
  if (count == 0) throw UsageError("samples must be at least 1");
  const MonteCarlo mc(prepared.scenario, prepared.request);
  // Each sample's result is kept until all are in, then summarised (what the summariser keeps).
  const double per_sample = static_cast<double>(sizeof(SampleResult)) + static_cast<double>(mc.series().size()) * 16.0 +
                            40.0 + static_cast<double>(mc.indicator_series().size()) * 64.0 +
                            McSummariser::bytes_per_sample(mc);
  check_memory(static_cast<double>(count) * per_sample, fmt::format("{} samples", count), "use fewer samples");
  Progress progress;
  progress.total = count;
  std::atomic<bool> stop{false};
  const McOutput output = supervise(
      [&]() {
        std::vector<std::uint64_t> samples(count);
        for (std::uint64_t k = 0; k < count; ++k) samples[k] = k;
        std::vector<SampleResult> results(count);
        std::uint64_t done = 0;
        mc.run(
            samples, threads,
            [&](std::vector<SampleResult>& batch) {
              for (auto& result : batch) results[result.sample] = std::move(result);
              done += batch.size();
            },
            [&](std::size_t finished) { progress.done = finished; }, stop);
        if (done < count) throw InterruptedError("Monte Carlo stopped");
        progress.done = done;
        McOutput out{.samples = count, .uncertain = mc.uncertain()};
        const McSummary summary = summarise(mc, prepared.scenario, results);
        out.files.push_back({"mc_summary.csv", io::mc_summary_csv(mc, summary), {"model", "issue"}});
        out.files.push_back({"mc_claims.csv", io::mc_claims_csv(summary), {"claim", "model", "issue"}});
        for (std::size_t i = 0; i < mc.indicator_series().size(); ++i) {
          const IndicatorSeries& series = mc.indicator_series()[i];
          FileText file{io::mc_indicator_file(series), io::mc_indicator_csv(mc, summary, i), {}};
          for (const auto& key : series.spec->key) file.text_columns.push_back(key.name);
          out.files.push_back(std::move(file));
        }
        out.table = io::mc_table(mc, prepared.scenario, summary);
        out.draws.reserve(count * mc.series().size());
        for (const auto& result : results)
          out.draws.insert(out.draws.end(), result.forecasts.begin(), result.forecasts.end());
        return out;
      },
      progress, callback, stop);
  py::list series;
  for (const auto& item : mc.series()) series.append(py::make_tuple(item.model, item.issue));
  py::dict result;
  result["samples"] = output.samples;
  result["uncertain"] = output.uncertain;
  result["files"] = texts(output.files);
  result["table"] = output.table;
  result["series"] = series;
  result["draws"] = py::bytes(reinterpret_cast<const char*>(output.draws.data()), output.draws.size() * sizeof(double));
  result["warnings"] = json_text(diagnostics_json(prepared.warnings));
  result["note"] = prepared.note;
  return result;
}

py::dict run_sensitivity(const std::string& spec_text, const std::optional<std::string>& origin,
                         std::size_t base_samples, std::size_t bootstrap, const py::object& callback) {
  const Prepared prepared = prepare(spec_text, origin);
  if (base_samples < 2) throw UsageError("samples must be at least 2 for sensitivity");
  const MonteCarlo mc(prepared.scenario, prepared.request);
  Progress progress;
  progress.total = base_samples;
  std::atomic<bool> stop{false};
  SobolControl control;
  control.stop = &stop;
  control.progress = [&](std::size_t done, std::size_t /*total*/) { progress.done = done; };
  const ModelSensitivity result = supervise(
      [&]() {
        return model_sensitivity(mc, base_samples, prepared.request.seed, prepared.request.threads, bootstrap, control);
      },
      progress, callback, stop);
  py::dict out;
  out["samples"] = base_samples;
  out["evaluations"] = result.result.evaluations;
  out["groups"] = result.groups;
  out["files"] = texts({{"sensitivity.csv", io::sensitivity_csv(mc, result), {"model", "issue", "input"}}});
  out["table"] = io::sensitivity_table(mc, result, 3);
  out["warnings"] = json_text(diagnostics_json(prepared.warnings));
  out["note"] = prepared.note;
  return out;
}

// cases: [{"name", "text", "file"}, ...]; options: {"models", "params", "seed", "bootstrap",
// "cross_validate", "scoring", "threads", "inputs", "format"}.
// `origin`: the bytes of the files read, when the cases came from files (what backtest.json hashes).
py::dict run_backtest(const std::string& cases_text, const std::string& options_text,
                      const std::optional<std::string>& origin) {
  const auto cases_json = nlohmann::json::parse(cases_text);
  const auto options = nlohmann::json::parse(options_text);
  std::vector<BacktestCase> cases;
  io::BacktestOrigin inputs;
  inputs.inputs = strings(options, "inputs");
  inputs.format = options.value("format", std::string("scenario"));
  if (origin) inputs.text = *origin;
  for (const auto& item : cases_json) {
    const auto text = item["text"].get<std::string>();
    if (!origin) inputs.text += text;
    cases.push_back(
        {item["name"].get<std::string>(), io::read_scenario_yaml(text, item["file"].get<std::string>(), {}).scenario});
  }
  std::size_t issues = 0;
  for (const auto& backtest_case : cases) issues = std::max(issues, backtest_case.scenario.issues.size());
  BacktestRequest request;
  request.seed = options.value("seed", kDefaultSeed);
  request.bootstrap_samples = options.value("bootstrap", 2000);
  request.threads = threads_of(options);
  request.cross_validate = options.value("cross_validate", false);
  const std::string scoring = options.value("scoring", std::string("auto"));
  request.ensemble_scoring = scoring == "refit"     ? EnsembleScoring::refit
                             : scoring == "shipped" ? EnsembleScoring::shipped
                                                    : EnsembleScoring::automatic;
  const Calibration& calibration = io::shipped_calibration();
  ModelPlan plan = plan_models(strings(options, "models"), strings(options, "params"), issues, calibration);
  request.models = std::move(plan.models);
  if (plan.ensemble) request.ensemble = calibration;
  BacktestResult result;
  {
    const py::gil_scoped_release release;
    result = backtest(cases, request);
  }
  std::vector<FileText> files{{"backtest_summary.csv", io::backtest_summary_csv(result), {"model"}},
                              {"backtest_issues.csv", io::backtest_issues_csv(result), {"proposal", "issue", "model"}}};
  if (result.cross_validation) {
    files.push_back({"backtest_cv.csv", io::backtest_cv_csv(*result.cross_validation), {"proposal", "chosen"}});
  }
  py::dict out;
  out["files"] = texts(files);
  out["manifest"] = json_text(io::backtest_json(result, request, inputs));
  out["table"] = io::backtest_table(result);
  out["note"] = plan.note;
  return out;
}

// The scenarios read lately, by text, file name and strictness, so that many runs of one scenario
// (what-ifs, seeds, dates) read and check it once. Reading is pure: a hit is what a new read would give.
class ReadCache {
 public:
  std::shared_ptr<const io::LoadedScenario> read(const std::string& text, const std::string& file, bool strict) {
    std::string key = std::to_string(file.size()) + ':' + file + (strict ? '1' : '0') + text;
    {
      const std::lock_guard lock(mutex_);
      const auto hit =
          std::find_if(entries_.begin(), entries_.end(), [&](const auto& entry) { return entry.first == key; });
      if (hit != entries_.end()) {
        entries_.splice(entries_.begin(), entries_, hit);
        return entries_.front().second;
      }
    }
    auto loaded = std::make_shared<const io::LoadedScenario>(io::read_scenario_yaml(text, file, {.strict = strict}));
    const std::lock_guard lock(mutex_);
    entries_.emplace_front(std::move(key), loaded);
    if (entries_.size() > kSize) entries_.pop_back();
    return loaded;
  }

 private:
  static constexpr std::size_t kSize = 8;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const io::LoadedScenario>>> entries_;  // the latest first
};

ReadCache& read_cache() {
  static ReadCache cache;
  return cache;
}

}  // namespace

Prepared prepare(const std::string& spec_text, const std::optional<std::string>& origin) {
  const auto spec = nlohmann::json::parse(spec_text);
  Prepared prepared;
  const auto source = spec["text"].get<std::string>();
  prepared.origin.name = spec["origin"].get<std::string>();
  // What the manifest hashes: the bytes of the file the scenario came from (an imported file's), else
  // the text read.
  prepared.origin.text = origin.value_or(source);
  const auto loaded = read_cache().read(source, spec["file"].get<std::string>(), spec.value("strict", false));
  prepared.scenario = loaded->scenario;
  prepared.warnings = loaded->warnings;
  std::vector<WhatIf> changes;
  for (const auto& text : strings(spec, "what_if")) changes.push_back(parse_what_if(text, "what_if"));
  apply_what_ifs(prepared.scenario, changes);
  for (const auto& change : changes) prepared.origin.what_if.push_back(change.text);
  RunOptions options{.models = strings(spec, "models"),
                     .parameters = strings(spec, "params"),
                     .imported_parameters = strings(spec, "imported_params"),
                     .at = date_of(spec),
                     .seed = spec.value("seed", kDefaultSeed),
                     .threads = threads_of(spec)};
  RunPlan plan = plan_run(options, prepared.scenario.issues.size(), io::shipped_calibration());
  prepared.request = std::move(plan.request);
  prepared.note = std::move(plan.note);
  return prepared;
}

RunHandle::RunHandle(Prepared prepared)
    : origin_(std::move(prepared.origin)), warnings_(std::move(prepared.warnings)), note_(std::move(prepared.note)) {
  const py::gil_scoped_release release;
  result_ = run(prepared.scenario, prepared.request);
}

std::vector<TableText> RunHandle::tables() const {
  return run_tables(result_);
}

std::string RunHandle::manifest() const {
  return json_text(io::run_json(result_, origin_));
}

std::string RunHandle::warnings() const {
  return json_text(diagnostics_json(warnings_));
}

void RunHandle::write(const std::string& folder, bool report) const {
  const py::gil_scoped_release release;
  io::write_run_outputs(folder, result_, origin_);
  if (report) (void)report::write_report(folder);
}

void define_compute(py::module_& module) {
  py::class_<RunHandle>(module, "RunHandle")
      .def("tables", [](const RunHandle& handle) { return tables_list(handle.tables()); })
      .def("manifest", &RunHandle::manifest)
      .def("warnings", &RunHandle::warnings)
      .def("note", &RunHandle::note)
      .def("write", &RunHandle::write, py::arg("folder"), py::arg("report"));
  module.def(
      "run",
      [](const std::string& spec, const std::optional<std::string>& origin) {
        return RunHandle(prepare(spec, origin));
      },
      py::arg("spec"), py::arg("origin"));
  module.def("mc", &run_mc, py::arg("spec"), py::arg("origin"), py::arg("samples"), py::arg("progress"));
  module.def("sensitivity", &run_sensitivity, py::arg("spec"), py::arg("origin"), py::arg("samples"),
             py::arg("bootstrap"), py::arg("progress"));
  module.def("backtest", &run_backtest, py::arg("cases"), py::arg("options"), py::arg("origin"));
}

}  // namespace parley::python

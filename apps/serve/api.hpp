#pragma once
// The workbench's JSON API as functions of JSON (docs/api-http.md): the HTTP layer (server.cpp) only
// routes, checks the token and limits, and queues. Every shape is the CLI's: a run's body carries
// run.json as `run` and each CSV file of the run folder as a table of the same columns.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "jobs.hpp"
#include "parley/errors.hpp"
#include "parley/io/manifest.hpp"
#include "parley/run.hpp"

namespace parley::serve {

// A request body that is not what the API takes (not JSON, a key of the wrong type, an unknown key).
class RequestError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::usage; }
};

// GET /api/scenarios, GET /api/scenarios/NAME, GET /api/models.
[[nodiscard]] JobOutcome list_scenarios();
[[nodiscard]] JobOutcome embedded_scenario(const std::string& name);
[[nodiscard]] JobOutcome list_models();

// POST /api/validate {"yaml", "file"?, "strict"?}: ok, the scenario as JSON when it reads, its
// errors and warnings with file, line, column and key path.
[[nodiscard]] JobOutcome validate_scenario(const std::string& body);

// A run request read and its scenario loaded: what /api/run, /api/mc and /api/download compute on.
struct RunInput {
  Scenario scenario;
  io::ScenarioOrigin origin;
  std::vector<Diagnostic> warnings;
  RunRequest request;
  std::optional<std::uint64_t> samples;  // Monte Carlo samples, or sensitivity's base samples
  std::size_t bootstrap = 200;           // sensitivity's bootstrap resamples
  std::size_t jobs_at_once = 1;          // jobs the server runs at once: each may take this share of memory
  std::string note;                      // why the ensemble is left out of a default selection ("" when it is not)
};

// Reads {"yaml" | "name", "file"?, "strict"?, "models"?, "params"?, "set"?, "at"?, "seed"?, "samples"?,
// "bootstrap"?}.
// Throws RequestError, ScenarioError, ConfigError, UsageError, InputNotFoundError.
// `threads`: for models that use threads within one run; `jobs_at_once`: see RunInput.
[[nodiscard]] RunInput read_run_input(const std::string& body, unsigned threads, std::size_t jobs_at_once = 1);

// The largest `samples` and `bootstrap` a request may ask for.
inline constexpr std::uint64_t kMaxSamples = 10'000'000;
inline constexpr std::uint64_t kMaxBootstrap = 10'000;

// The body of a run: run.json as `run`, forecast.csv and trajectories.csv and each model table as
// {"columns", "rows"}, and the scenario's warnings.
[[nodiscard]] JobOutcome run_outcome(const RunInput& input);

// Monte Carlo on `threads` threads, reporting progress to and stopping with `job`.
[[nodiscard]] JobOutcome mc_outcome(const RunInput& input, unsigned threads, Job& job);

// Sobol indices (`parley sensitivity`) on `threads` threads, reporting progress to and stopping with `job`.
[[nodiscard]] JobOutcome sensitivity_outcome(const RunInput& input, unsigned threads, Job& job);

// The run folder (run.json, the CSV files, scenario.json, report.html) as a zip archive.
[[nodiscard]] std::string run_archive(const RunInput& input);

// An error as a response: its status (400, 404, 422, 500) and {"error", "diagnostics"?}.
[[nodiscard]] JobOutcome error_outcome(const Error& error);

// Runs `compute`, turning parley's errors into their responses.
template <typename Compute>
JobOutcome answer(Compute&& compute) {
  try {
    return compute();
  } catch (const Error& error) {
    return error_outcome(error);
  }
}

// A CSV text as {"columns": [...], "rows": [[...], ...]}: numbers as numbers, "" as null, true/false as
// booleans, except in the columns that hold ids (model, issue, actor, input and the parts of a trade:
// `i_actor`, `actor_a`, `supplies_b`, ...), which stay text whatever they look like.
[[nodiscard]] nlohmann::ordered_json csv_table(const std::string& text);

}  // namespace parley::serve

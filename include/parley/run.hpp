#pragma once
// A run: scenario + models + parameters + date + seed -> forecasts and trajectories.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/answer.hpp"
#include "parley/ensemble.hpp"
#include "parley/limits.hpp"
#include "parley/model.hpp"
#include "parley/scenario.hpp"

namespace parley {

inline constexpr std::uint64_t kDefaultSeed = 20230105;  // the default scenario's as_of date

struct ModelSelection {
  const ModelInfo* info = nullptr;
  ParameterValues parameters;
  std::string name;  // as outputs name it: the model's name, or MODEL@LABEL for a variant
};

// Resolves model names and `MODEL.NAME=VALUE` assignments against the registry. A name may be
// MODEL@LABEL, a variant with parameters of its own (`MODEL@LABEL.NAME=VALUE`), so that one model
// runs twice. With no names, selects every registered model that applies to `issue_count` issues.
// Throws ConfigError.
[[nodiscard]] std::vector<ModelSelection> select_models(const std::vector<std::string>& names,
                                                        const std::vector<std::string>& assignments,
                                                        std::size_t issue_count);

// What a front end runs: the models, and whether the ensemble (parley's headline) is computed.
struct ModelPlan {
  std::vector<ModelSelection> models;
  bool ensemble = false;
  std::string note;  // why a default selection runs without the ensemble ("" when it has it)
};

// As select_models, and: with no names, every model that applies plus the ensemble's members and the
// ensemble; the name "ensemble" among the names asks for it and its members. A default selection
// whose -p changes a member leaves the ensemble out (with a note); an explicit one throws ConfigError.
[[nodiscard]] ModelPlan plan_models(const std::vector<std::string>& names, const std::vector<std::string>& assignments,
                                    std::size_t issue_count, const Calibration& calibration);

struct RunRequest {
  std::optional<Date> at;  // default: the scenario's as_of
  std::uint64_t seed = kDefaultSeed;
  std::vector<ModelSelection> models;
  unsigned threads = 1;                 // for models that use threads within one run (smp); results never depend on it
  std::optional<Calibration> ensemble;  // compute the answer with it (its members must be among models)
};

// What a front end asks of a run, once read from its own words (the CLI's flags, the server's request
// body, the Python binding's arguments), so that every front end runs the same request for the same ask.
struct RunOptions {
  std::vector<std::string> models;      // as -m names them; none: every model that applies, and the ensemble
  std::vector<std::string> parameters;  // MODEL.NAME=VALUE, as -p takes them
  // MODEL.NAME=VALUE that an imported file sets (e.g. KTAB's ModelParameters): each applies when its
  // model runs, and `parameters` override it.
  std::vector<std::string> imported_parameters;
  std::optional<Date> at;
  std::uint64_t seed = kDefaultSeed;
  unsigned threads = 1;
};

struct RunPlan {
  RunRequest request;
  std::string note;  // why a default selection runs without the ensemble ("" when it has it)
};

// The request for `options` on a scenario of `issue_count` issues, with the ensemble calibrated by
// `calibration` when it runs. Throws ConfigError.
[[nodiscard]] RunPlan plan_run(const RunOptions& options, std::size_t issue_count, const Calibration& calibration);

struct ModelRun {
  std::string model;
  ParameterValues parameters;
  ModelOutcome outcome;
  double seconds = 0.0;
};

struct RunResult {
  Date at;
  std::uint64_t seed = 0;
  Scenario scenario;  // as it stood at `at` (its events: those after `at`)
  Problem problem;
  std::vector<ModelRun> runs;
  std::vector<Event> timeline;   // every event of the scenario, before and after `at`
  std::optional<Answer> answer;  // when the ensemble was asked for
};

// Reports progress; the default does nothing.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void model_started(const std::string& /*model*/) {}
  virtual void model_finished(const ModelRun& /*run*/) {}
};

// The date a run uses: `at`, or the scenario's as_of. Throws UsageError when it is before the
// scenario's start (the stances say nothing about earlier dates).
[[nodiscard]] Date run_date(const Scenario& scenario, std::optional<Date> at);

// Throws UsageError when `at` is before the scenario's start.
[[nodiscard]] RunResult run(const Scenario& scenario, const RunRequest& request, RunObserver& observer);
[[nodiscard]] RunResult run(const Scenario& scenario, const RunRequest& request);

}  // namespace parley

#pragma once
// The one interface every model implements, and what a model returns.

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <typeinfo>
#include <vector>

#include "parley/outputs.hpp"
#include "parley/parameters.hpp"
#include "parley/problem.hpp"

namespace parley {

// How a model's run on an issue ended.
enum class StopReason {
  closed_form,    // computed directly, no rounds
  converged,      // positions stopped moving
  cycle,          // positions repeat; the forecast is the cycle's mean
  max_rounds,     // ran out of rounds
  no_actors,      // nobody takes a stance on the issue; no forecast
  no_weight,      // every participant weighs zero (e.g. all saliences 0); no forecast
  no_status_quo,  // the model needs the issue's status quo and it has none; no forecast
  undefined,      // the model's equations are undefined here (e.g. eum: equal dangers, flat_danger=fail)
  excluded,       // the issue is not among those the model was asked to bargain over (smp's `issues`)
};

[[nodiscard]] std::string_view to_string(StopReason reason);

// A forecast a model reached in a degenerate case of its equations: valid, but saying little about
// the bargain (nash: the status quo stands because actors sit on both sides of it).
struct ForecastNote {
  std::string code;  // machine-readable, e.g. "unanimity_collapse"
  std::string text;  // one line for readers

  bool operator==(const ForecastNote&) const = default;
};

struct IssueForecast {
  std::string issue;
  double forecast = 0.0;  // on the issue's own scale; NaN when reason is no_actors
  int rounds = 0;
  StopReason reason = StopReason::closed_form;
  // positions[round][k] is the position of the issue's k-th participant; round 0 is the input.
  std::vector<std::vector<double>> positions;
  // risk[round][k]: the k-th participant's risk exponent in that round, for models that have them
  // (eum); empty otherwise, and risk[0] is empty (the input has none).
  std::vector<std::vector<double>> risk;
  // votes[round][k]: the k-th participant's voting position in that round, for models that
  // distinguish it from the next round's start (exchange); empty otherwise, and votes[0] is empty.
  std::vector<std::vector<double>> votes;
  // When reason is `cycle`: the cycle's length in rounds and the range of the forecast over it
  // (the forecast is the cycle's mean).
  int cycle_period = 0;
  double cycle_low = std::numeric_limits<double>::quiet_NaN();
  double cycle_high = std::numeric_limits<double>::quiet_NaN();
  std::optional<ForecastNote> note;

  [[nodiscard]] bool converged() const { return reason == StopReason::closed_form || reason == StopReason::converged; }
};

struct ModelOutcome {
  std::vector<IssueForecast> issues;  // one per issue the model forecasts, in problem order
  std::vector<Table> tables;          // of the model's declared tables, those this run wrote
  std::vector<Indicator> indicators;  // one per declared indicator
};

// Scratch memory models keep from one solve to the next on one thread, so that Monte Carlo's
// samples, once the first has run, allocate almost nothing. A model asks for its scratch by type,
// keyed by the model object; the workspace makes it on first use. Never shared between threads.
class Workspace {
 public:
  template <typename T>
  T& get(const void* owner) {
    for (const Slot& slot : slots_) {
      if (slot.owner == owner && slot.type == &typeid(T)) return *static_cast<T*>(slot.data.get());
    }
    auto data = std::make_shared<T>();
    T& scratch = *data;
    slots_.push_back({owner, &typeid(T), std::move(data)});
    return scratch;
  }

 private:
  struct Slot {
    const void* owner = nullptr;
    const std::type_info* type = nullptr;
    std::shared_ptr<void> data;  // keeps T's destructor
  };
  std::vector<Slot> slots_;
};

struct RunContext {
  std::uint64_t seed = 0;  // the master seed; models make their streams with make_rng(seed, stream)
  // Threads a model may use inside one solve (results never depend on it); 1 inside Monte Carlo,
  // whose samples already run in parallel.
  unsigned threads = 1;
  // false: the caller keeps only the forecasts and indicators (Monte Carlo, sensitivity), so a model
  // may skip its tables and its trajectories (IssueForecast's positions, risk and votes).
  bool tables = true;
  // Where the model keeps its scratch between solves; none: a model makes its own for one solve.
  Workspace* workspace = nullptr;

  // The model's scratch of type T: the caller's workspace's, or `local`'s.
  template <typename T>
  T& scratch(const void* owner, Workspace& local) const {
    return (workspace != nullptr ? *workspace : local).get<T>(owner);
  }
};

class Model {
 public:
  virtual ~Model() = default;
  [[nodiscard]] virtual ModelOutcome solve(const Problem& problem, const RunContext& context) const = 0;
};

// A model that forecasts each issue on its own.
class IssueModel : public Model {
 public:
  [[nodiscard]] ModelOutcome solve(const Problem& problem, const RunContext& context) const override;

 protected:
  // Called only for issues with at least one participant.
  [[nodiscard]] virtual IssueForecast solve_issue(const IssueProblem& issue, const RunContext& context) const = 0;
};

// The registry entry of a model: everything the CLI, the docs and the runner need to know.
struct ModelInfo {
  std::string name;
  std::string summary;    // one line
  std::string reference;  // the literature it follows
  bool needs_multiple_issues = false;
  // How the model reads the scenario's relations, one sentence (validate and the report quote it);
  // empty: it does not read them.
  std::string relations;
  std::vector<ParameterSpec> parameters;
  std::function<std::unique_ptr<Model>(const ParameterValues&)> make;
  std::vector<TableSpec> tables;          // the tables its runs may write
  std::vector<IndicatorSpec> indicators;  // what it reports per Monte Carlo sample
};

}  // namespace parley

#include "models/smp/smp.hpp"

#include <cmath>
#include <limits>

#include "models/smp/engine.hpp"
#include "models/smp/input.hpp"
#include "models/smp/options.hpp"

namespace parley::models {
namespace {

using smp::Mapping;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TableSpec probabilities_spec() {
  return {"smp_probabilities",
          "state × actor",
          "",
          {{"state", ColumnType::integer, "", "the state (0 = input)"},
           {"actor", ColumnType::text, "", "the actor"},
           {"probability", ColumnType::real, "probability", "the actor's position's probability of prevailing"},
           {"risk", ColumnType::real, "", "the actor's risk attitude R in the state; empty when undefined"},
           {"stay_probability", ColumnType::real, "probability",
            "the probability of the actor's status-quo entry in its queue, in the turn that led here"}}};
}

TableSpec bargains_spec() {
  return {"smp_bargains",
          "bargain of a turn",
          "",
          {{"turn", ColumnType::integer, "", "the turn"},
           {"initiator", ColumnType::text, "", "the actor that proposes"},
           {"receiver", ColumnType::text, "", "the actor it targets"},
           {"view", ColumnType::text, "", "whose view the bargain takes: initiator, receiver or mixed"},
           {"gain", ColumnType::real, "", "the initiator's expected gain"},
           {"win_probability", ColumnType::real, "probability", "the initiator's probability of winning"},
           {"initiator_queue_probability", ColumnType::real, "probability",
            "the bargain's probability in the initiator's queue"},
           {"initiator_moved", ColumnType::boolean, "", "whether the initiator moved to it"},
           {"receiver_queue_probability", ColumnType::real, "probability",
            "the bargain's probability in the receiver's queue"},
           {"receiver_moved", ColumnType::boolean, "", "whether the receiver moved to it"},
           {"initiator", ColumnType::real, "issue scale", "the initiator's position in the bargain", true},
           {"receiver", ColumnType::real, "issue scale", "the receiver's position in the bargain", true}}};
}

class Smp final : public Model {
 public:
  explicit Smp(smp::Settings settings) : settings_(std::move(settings)) {}

  [[nodiscard]] ModelOutcome solve(const Problem& problem, const RunContext& context) const override {
    Workspace local;
    auto& scratch = context.scratch<Scratch>(this, local);
    const Mapping& mapping = scratch.mapping;
    smp::map_problem(problem, settings_.issues, settings_.salience, settings_.ideal_adjustment, settings_.ktab_checks,
                     settings_.issue_capabilities,
                     scratch.mapping);
    ModelOutcome outcome;
    for (const auto& issue : problem.issues) {
      IssueForecast forecast{issue.id, kNaN, 0, StopReason::excluded, {}};
      if (context.tables) {  // a caller that keeps trajectories (not Monte Carlo)
        std::vector<double> start;
        for (const auto& participant : issue.participants) start.push_back(participant.position);
        forecast.positions.push_back(std::move(start));
      }
      if (issue.participants.empty()) forecast.reason = StopReason::no_actors;
      outcome.issues.push_back(std::move(forecast));
    }
    if (mapping.issues.empty()) return outcome;
    if (mapping.actors.empty()) {
      for (const std::size_t i : mapping.issues) outcome.issues[i].reason = StopReason::no_weight;
      return outcome;
    }
    if (mapping.actors.size() == 1) {  // nobody to bargain with: the lone actor's position stands
      for (std::size_t k = 0; k < mapping.issues.size(); ++k) {
        const IssueProblem& issue = problem.issues[mapping.issues[k]];
        IssueForecast& forecast = outcome.issues[mapping.issues[k]];
        forecast.reason = StopReason::converged;
        forecast.forecast = on_scale(issue, mapping.input.position[k]);
      }
      return outcome;
    }
    const smp::Result& result = scratch.result;
    smp::run(mapping.input, {settings_, context.seed, context.threads}, scratch.engine, scratch.result);
    report_issues(problem, mapping, result, context.tables, outcome);
    if (context.tables) {
      outcome.tables.push_back(probabilities_table(problem, mapping, result));
      outcome.tables.push_back(bargains_table(problem, mapping, result));
    }
    return outcome;
  }

 private:
  // What a solve keeps for the next (RunContext::scratch).
  struct Scratch {
    Mapping mapping;
    smp::Scratch engine;
    smp::Result result;
  };

  static double on_scale(const IssueProblem& issue, double x) { return issue.min + x * (issue.max - issue.min); }

  // The forecasts and stop reasons; with `trajectories`, every state's positions and risk attitudes.
  static void report_issues(const Problem& problem, const Mapping& mapping, const smp::Result& result,
                            bool trajectories, ModelOutcome& outcome) {
    const std::size_t d = mapping.input.dimensions;
    std::vector<std::ptrdiff_t> slot(problem.actors.size(), -1);
    for (std::size_t a = 0; a < mapping.actors.size(); ++a) slot[mapping.actors[a]] = static_cast<std::ptrdiff_t>(a);
    const smp::State& last = result.states.back();
    const bool defined = result.ending != smp::Ending::degenerate;
    for (std::size_t k = 0; k < d; ++k) {
      const IssueProblem& issue = problem.issues[mapping.issues[k]];
      IssueForecast& forecast = outcome.issues[mapping.issues[k]];
      forecast.positions.clear();
      forecast.risk.clear();
      if (trajectories) {
        for (const smp::State& state : result.states) {
          std::vector<double> positions;
          std::vector<double> risk;
          for (const auto& participant : issue.participants) {
            const std::ptrdiff_t a = slot[participant.actor];
            if (a < 0) {  // left out of the model (no capability or no salience): stays where it stood
              positions.push_back(participant.position);
              risk.push_back(kNaN);
              continue;
            }
            const auto at = static_cast<std::size_t>(a);
            positions.push_back(on_scale(issue, state.position[at * d + k]));
            risk.push_back(state.risk[at]);
          }
          forecast.positions.push_back(std::move(positions));
          forecast.risk.push_back(std::move(risk));
        }
      }
      forecast.rounds = static_cast<int>(result.turns.size());
      // The forecast: the expected position of the final state, each distinct position weighted
      // by its probability of prevailing.
      double expected = 0.0;
      for (std::size_t g = 0; g < last.representative.size(); ++g) {
        expected += last.group_probability[g] * last.position[last.representative[g] * d + k];
      }
      forecast.forecast = defined && std::isfinite(expected) ? on_scale(issue, expected) : kNaN;
      switch (result.ending) {
        case smp::Ending::converged:
          forecast.reason = StopReason::converged;
          break;
        case smp::Ending::max_iterations:
          forecast.reason = StopReason::max_rounds;
          break;
        case smp::Ending::degenerate:
          forecast.reason = StopReason::undefined;
          break;
      }
    }
  }

  static Table probabilities_table(const Problem& problem, const Mapping& mapping, const smp::Result& result) {
    Table table = make_table(probabilities_spec());
    for (std::size_t t = 0; t < result.states.size(); ++t) {
      const smp::State& state = result.states[t];
      for (std::size_t a = 0; a < mapping.actors.size(); ++a) {
        // The probability of the actor's status-quo entry in its queue, in the turn that led here.
        const Cell stay = t == 0 ? Cell{} : Cell{result.turns[t - 1].status_quo[a]};
        table.rows.push_back({t, problem.actors[mapping.actors[a]], state.probability[a], state.risk[a], stay});
      }
    }
    return table;
  }

  static Table bargains_table(const Problem& problem, const Mapping& mapping, const smp::Result& result) {
    std::vector<std::string> issues;
    for (const std::size_t i : mapping.issues) issues.push_back(problem.issues[i].id);
    Table table = make_table(bargains_spec(), issues);
    static constexpr const char* kViews[] = {"initiator", "receiver", "mixed"};
    for (std::size_t t = 0; t < result.turns.size(); ++t) {
      const smp::Turn& turn = result.turns[t];
      for (std::size_t b = 0; b < turn.bargains.size(); ++b) {
        const smp::Bargain& bargain = turn.bargains[b];
        std::vector<Cell> row{t + 1,
                              problem.actors[mapping.actors[bargain.initiator]],
                              problem.actors[mapping.actors[bargain.receiver]],
                              kViews[bargain.view],
                              bargain.gain,
                              bargain.probability,
                              bargain.initiator_queue_probability,
                              bargain.initiator_moved,
                              bargain.receiver_queue_probability,
                              bargain.receiver_moved};
        for (std::size_t k = 0; k < mapping.issues.size(); ++k) {
          row.emplace_back(on_scale(problem.issues[mapping.issues[k]], turn.initiator_point(b)[k]));
        }
        for (std::size_t k = 0; k < mapping.issues.size(); ++k) {
          row.emplace_back(on_scale(problem.issues[mapping.issues[k]], turn.receiver_point(b)[k]));
        }
        table.rows.push_back(std::move(row));
      }
    }
    return table;
  }

  smp::Settings settings_;
};

}  // namespace

ModelInfo smp_info() {
  return with_parameters(
      {.name = "smp",
       .summary = "KTAB's spatial model of politics: expected-utility challenges, bargains and probabilistic "
                  "Condorcet elections over several issues at once",
       .reference = "KAPSARC Toolkit for Behavioral Analysis (KTAB), SMP version 1.4 (2019 code line)",
       .tables = {probabilities_spec(), bargains_spec()}},
      smp::parameter_table(), [](const smp::Settings& settings) { return std::make_unique<Smp>(settings); });
}

}  // namespace parley::models

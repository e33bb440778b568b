#include "models/exchange/exchange.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "models/exchange/round.hpp"
#include "parley/limits.hpp"

namespace parley::models {
namespace {

using exchange::Data;
using exchange::Settings;
using exchange::SideRecord;

constexpr double kScale = 100.0;
constexpr const char* kExchanges = "exchanges";

Column side_column(const char* side, const char* name, ColumnType type, const char* unit, const char* description) {
  return {fmt::format("{}_{}", side, name), type, unit, fmt::format("side {}: {}", side, description)};
}

TableSpec exchanges_table() {
  TableSpec spec{kExchanges,
                 "realised exchange",
                 "",
                 {{"round", ColumnType::integer, "", "the round it was realised in"},
                  {"order", ColumnType::integer, "", "its place in the round's order of realisation"},
                  {"gain", ColumnType::real, "", "the equal gain of both sides (utility on the 0-100 scale)"}}};
  for (const char* side : {"i", "j"}) {
    spec.columns.push_back(side_column(side, "actor", ColumnType::text, "", "the actor"));
    spec.columns.push_back(side_column(side, "supply_issue", ColumnType::text, "", "the issue it gives ground on"));
    spec.columns.push_back(side_column(side, "demand_issue", ColumnType::text, "", "the issue it gains on"));
    spec.columns.push_back(
        side_column(side, "start", ColumnType::real, "issue scale", "its position on the supply issue before"));
    spec.columns.push_back(side_column(side, "move", ColumnType::real, "issue scale", "how far it moves there"));
    spec.columns.push_back(
        side_column(side, "vote", ColumnType::real, "issue scale", "its voting position there after the exchange"));
  }
  return spec;
}

TableSpec rounds_table() {
  return {"exchange_rounds",
          "round × issue",
          "",
          {{"round", ColumnType::integer, "", "the round"},
           {"issue", ColumnType::text, "", "the issue"},
           {"start_forecast", ColumnType::real, "issue scale", "the forecast from the round's start positions"},
           {"voting_forecast", ColumnType::real, "issue scale", "the forecast from the round's voting positions"},
           {"candidates", ColumnType::integer, "", "candidate exchanges created in the round"},
           {"exchanges", ColumnType::integer, "", "exchanges realised in the round"}}};
}

// The realised exchanges as Monte Carlo counts them and claims of kind exchange are judged.
IndicatorSpec exchanges_indicator() {
  return {.name = kExchanges,
          .item = "exchange",
          .title = "Exchanges",
          .description = "pairs of actors that traded, and the issue each gave ground on, in any round",
          .key = {{"actor_a", KeyPart::actor},
                  {"supplies_a", KeyPart::issue},
                  {"actor_b", KeyPart::actor},
                  {"supplies_b", KeyPart::issue}},
          .answers = ClaimKind::exchange,
          .trades = TradeColumns{kExchanges,
                                 "round",
                                 "order",
                                 "gain",
                                 {{{"i_actor", "i_supply_issue", "i_start", "i_vote"},
                                   {"j_actor", "j_supply_issue", "j_start", "j_vote"}}}}};
}

// The 0–100 scale of the model and the issue's own, as Decide maps them (§1.2).
struct ScaleMap {
  double lower = 0.0;
  double factor = 1.0;  // 100 / (upper − lower)

  [[nodiscard]] double normalise(double x) const { return (x - lower) * factor; }
  [[nodiscard]] double position(double v) const { return v == 0.0 ? lower : v / factor + lower; }
  [[nodiscard]] double move(double m) const { return m / factor; }
};

class Exchange final : public Model {
 public:
  explicit Exchange(const Settings& settings) : settings_(settings) {}

  [[nodiscard]] ModelOutcome solve(const Problem& problem, const RunContext& context) const override {
    Workspace local;
    auto& scratch = context.scratch<Scratch>(this, local);
    State& state = scratch.state;
    prepare(problem, settings_.min_affinity, state);
    // Trajectories only for a caller that keeps them (not Monte Carlo): each round's positions cost more
    // than the round's arithmetic on small problems.
    const bool trajectories = context.tables;
    ModelOutcome outcome;
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      IssueForecast forecast{
          problem.issues[i].id, std::numeric_limits<double>::quiet_NaN(), 0, StopReason::max_rounds, {}, {}};
      if (trajectories) {
        forecast.positions.push_back(own_positions(problem.issues[i], i, state.start, state.scales[i], state.data));
        forecast.votes.emplace_back();
      }
      outcome.issues.push_back(std::move(forecast));
    }
    Table exchanges;
    Table rounds;
    if (context.tables) {
      exchanges = make_table(exchanges_table());
      rounds = make_table(rounds_table());
    }
    Indicator realised{kExchanges, {}};
    std::size_t last_exchanges = 0;
    exchange::RoundResult& result = scratch.result;
    for (int round = 1; round <= settings_.rounds; ++round) {
      exchange::play_round(state.data, settings_, state.start, context.seed, static_cast<std::uint64_t>(round),
                           scratch.round, result);
      for (const auto& record : result.exchanges) {
        // The indicator's key: the actor first in the scenario, then the other.
        const bool i_first = record.i.actor < record.j.actor;
        const SideRecord& a = i_first ? record.i : record.j;
        const SideRecord& b = i_first ? record.j : record.i;
        realised.keys.insert(realised.keys.end(), {a.actor, a.supply, b.actor, b.supply});
      }
      if (context.tables) record_round(problem, state, round, result, exchanges, rounds);
      for (std::size_t i = 0; i < problem.issues.size(); ++i) {
        IssueForecast& forecast = outcome.issues[i];
        const ScaleMap& scale = state.scales[i];
        if (trajectories) {
          forecast.votes.push_back(own_positions(problem.issues[i], i, result.voting, scale, state.data));
          forecast.positions.push_back(own_positions(problem.issues[i], i, result.next, scale, state.data));
        }
        forecast.forecast = state.data.total[i] > 0.0 ? scale.position(result.voting_forecast[i])
                                                      : std::numeric_limits<double>::quiet_NaN();
        forecast.rounds = round;
      }
      last_exchanges = result.exchanges.size();
      state.start.swap(result.next);
    }
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      IssueForecast& forecast = outcome.issues[i];
      if (problem.issues[i].participants.empty()) {
        forecast.reason = StopReason::no_actors;
      } else if (state.data.total[i] <= 0.0) {
        forecast.reason = StopReason::no_weight;
      } else {
        // No convergence test (Decide runs a fixed number of rounds); a last round without any
        // exchange means nothing would change any more.
        forecast.reason = last_exchanges == 0 ? StopReason::converged : StopReason::max_rounds;
      }
    }
    if (context.tables) {
      outcome.tables.push_back(std::move(exchanges));
      outcome.tables.push_back(std::move(rounds));
    }
    outcome.indicators.push_back(std::move(realised));
    return outcome;
  }

 private:
  // The actors' data on the model's 0–100 scales, their start positions, and each issue's scale.
  struct State {
    Data data;
    std::vector<double> start;  // [actor][issue], normalised
    std::vector<ScaleMap> scales;
  };

  // What a solve keeps for the next (RunContext::scratch).
  struct Scratch {
    State state;
    exchange::RoundScratch round;
    exchange::RoundResult result;
  };

  // Fills `state` from the problem, reusing its memory.
  static void prepare(const Problem& problem, double min_affinity, State& state) {
    const std::size_t issues = problem.issues.size();
    // A round's candidates: on each pair of issues, at most (n/2)² pairs of the n actors on both;
    // each about 400 bytes with its history and index entries. Refused before any is made.
    const auto actors = static_cast<double>(problem.actors.size());
    const double pairs = static_cast<double>(issues) * (static_cast<double>(issues) - 1.0) / 2.0;
    check_memory(pairs * (actors * actors / 4.0) * 400.0,
                 fmt::format("exchange on {} actors and {} issues", problem.actors.size(), issues),
                 "leave exchange out (-m), or split the scenario's issues");
    Data& data = state.data;
    data.actors = problem.actors.size();
    data.issues = issues;
    data.has.assign(data.actors * issues, 0);
    data.salience.assign(data.actors * issues, 0.0);
    data.power.assign(data.actors * issues, 0.0);
    data.data.resize(issues);
    for (auto& list : data.data) list.clear();
    data.total.assign(issues, 0.0);
    state.start.assign(data.actors * issues, 0.0);
    state.scales.resize(issues);
    for (std::size_t i = 0; i < issues; ++i) {
      const IssueProblem& issue = problem.issues[i];
      state.scales[i] = {issue.min, kScale / (issue.max - issue.min)};
      for (const auto& participant : issue.participants) {
        const std::size_t at = data.at(participant.actor, i);
        data.has[at] = 1;
        data.salience[at] = participant.salience;
        data.power[at] = participant.capability;
        data.data[i].push_back(participant.actor);
        data.total[i] += participant.salience * participant.capability;
        state.start[at] = state.scales[i].normalise(participant.position);
      }
    }
    data.hostile.clear();
    for (const Affinity& affinity : problem.affinities) {
      if (!(affinity.value < min_affinity)) continue;
      if (data.hostile.empty()) data.hostile.assign(data.actors * data.actors, 0);
      data.hostile[affinity.from * data.actors + affinity.to] = 1;
      data.hostile[affinity.to * data.actors + affinity.from] = 1;
    }
  }

  // The round's rows of exchanges.csv and exchange_rounds.csv, on the issues' own scales.
  static void record_round(const Problem& problem, const State& state, int round, const exchange::RoundResult& result,
                           Table& exchanges, Table& rounds) {
    std::size_t order = 0;
    for (const auto& record : result.exchanges) {
      std::vector<Cell> row{round, ++order, record.gain};
      for (const auto* side : {&record.i, &record.j}) {
        const ScaleMap& scale = state.scales[side->supply];
        row.emplace_back(problem.actors[side->actor]);
        row.emplace_back(problem.issues[side->supply].id);
        row.emplace_back(problem.issues[side->demand].id);
        row.emplace_back(scale.position(side->start));
        row.emplace_back(scale.move(side->move));
        row.emplace_back(scale.position(side->vote));
      }
      exchanges.rows.push_back(std::move(row));
    }
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      rounds.rows.push_back({round, problem.issues[i].id, state.scales[i].position(result.start_forecast[i]),
                             state.scales[i].position(result.voting_forecast[i]), result.candidates,
                             result.exchanges.size()});
    }
  }

  static std::vector<double> own_positions(const IssueProblem& issue, std::size_t i, const std::vector<double>& values,
                                           const ScaleMap& scale, const Data& data) {
    std::vector<double> positions;
    for (const auto& participant : issue.participants) {
      positions.push_back(scale.position(values[data.at(participant.actor, i)]));
    }
    return positions;
  }

  Settings settings_;
};

}  // namespace

ModelInfo exchange_info() {
  return with_parameters({.name = "exchange",
                          .summary = "Stokman's exchange of voting positions: actors trade concessions across pairs "
                                     "of issues at equal gain, as Decide computes it",
                          .reference = "Stokman & van Oosten 1994; Decide (decide-exchange-model)",
                          .needs_multiple_issues = true,
                          .relations = "two actors do not trade when either's affinity toward the other is below "
                                       "exchange.min_affinity",
                          .tables = {exchanges_table(), rounds_table()},
                          .indicators = {exchanges_indicator()}},
                         exchange::parameter_table(),
                         [](const Settings& settings) { return std::make_unique<Exchange>(settings); });
}

}  // namespace parley::models

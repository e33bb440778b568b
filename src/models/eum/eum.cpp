#include "models/eum/eum.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/weighted.hpp"
#include "models/eum/options.hpp"
#include "models/eum/round.hpp"

namespace parley::models {
namespace {

using eum::Options;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kLongestCycle = 64;  // rounds; longer repetitions are reported as max_rounds

std::vector<Column> move_columns(const char* what) {
  return {{"issue", ColumnType::text, "", "the issue"},
          {"round", ColumnType::integer, "", "the round"},
          {"actor", ColumnType::text, "", fmt::format("the actor that {}", what)},
          {"counterpart", ColumnType::text, "", "the actor it answers"},
          {"type", ColumnType::text, "", "conflict, compromise or capitulation"},
          {"eu_actor", ColumnType::real, "", "the actor's expected utility of the challenge"},
          {"eu_counterpart", ColumnType::real, "", "the counterpart's"},
          {"new_position", ColumnType::real, "issue scale", "where the actor moves"}};
}

TableSpec moves_table() {
  return {"eum_moves", "move", "", move_columns("moves")};
}

TableSpec rounds_table() {
  return {"eum_rounds",
          "issue × round (0 = input)",
          "",
          {{"issue", ColumnType::text, "", "the issue"},
           {"round", ColumnType::integer, "", "the round"},
           {"median", ColumnType::real, "issue scale", "the c*s-weighted median of the positions"},
           {"mean", ColumnType::real, "issue scale", "the c*s-weighted mean of the positions"},
           {"moves", ColumnType::integer, "", "moves made in the round"}}};
}

TableSpec offers_table() {
  TableSpec spec{"eum_offers", "offer weighed", "offers=true", move_columns("would move")};
  spec.columns.push_back({"taken", ColumnType::boolean, "", "whether the offer became the move"});
  return spec;
}

// The tables a run writes; none inside Monte Carlo.
struct Tables {
  Table moves = make_table(moves_table());
  Table rounds = make_table(rounds_table());
  Table offers = make_table(offers_table());
};

// How a run stands after a round: settled, cycling (with its period), or still moving.
struct Standing {
  StopReason reason = StopReason::max_rounds;
  int period = 0;
};

// The largest move of any actor between two states.
double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double largest = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) largest = std::max(largest, std::fabs(a[k] - b[k]));
  return largest;
}

// Where a run stands after round t. `last_swing` is the latest round whose step moved some actor by
// more than cycle_tolerance (0: none yet), kept up to date here from round to round.
Standing standing(const std::vector<std::vector<double>>& history, int t, double tolerance, double cycle_tolerance,
                  int& last_swing) {
  const auto at = [&](int r) -> const std::vector<double>& { return history[static_cast<std::size_t>(r)]; };
  const double step = distance(at(t), at(t - 1));
  if (step > cycle_tolerance) last_swing = t;
  if (step <= tolerance) return {StopReason::converged, 0};
  // A cycle of p rounds: for two whole cycles each state recurs, within cycle_tolerance, p rounds
  // earlier, and within the cycle the positions do move by more than that (else it is a slow creep).
  // The swing is tested first: over the last p steps it exceeds cycle_tolerance exactly when
  // p > t − last_swing, so the shorter periods of a creep are not compared state by state.
  for (int p = std::max(2, t - last_swing + 1); p <= kLongestCycle && 3 * p - 1 <= t; ++p) {
    bool recurs = true;
    for (int s = 0; s < 2 * p && recurs; ++s) recurs = distance(at(t - s), at(t - s - p)) <= cycle_tolerance;
    if (recurs) return {StopReason::cycle, p};
  }
  return {};
}

// The forecast of a run that ended as `end` says: a cycle's mean over its period, else the last round's.
void conclude(IssueForecast& result, const std::vector<double>& forecasts, Standing end) {
  result.reason = end.reason;
  if (end.reason != StopReason::cycle) {
    result.forecast = forecasts.back();
    return;
  }
  const auto last = forecasts.end();
  const auto first = last - end.period;
  double sum = 0.0;
  for (auto it = first; it != last; ++it) sum += *it;
  result.forecast = sum / static_cast<double>(end.period);
  result.cycle_period = end.period;
  result.cycle_low = *std::min_element(first, last);
  result.cycle_high = *std::max_element(first, last);
}

class Eum final : public Model {
 public:
  explicit Eum(Options options) : options_(options) {}

  [[nodiscard]] ModelOutcome solve(const Problem& problem, const RunContext& context) const override {
    Workspace local;
    auto& scratch = context.scratch<Scratch>(this, local);
    ModelOutcome outcome;
    std::optional<Tables> tables;
    if (context.tables) tables.emplace();
    for (const auto& issue : problem.issues) {
      outcome.issues.push_back(solve_issue(problem, issue, tables ? &*tables : nullptr, scratch));
    }
    if (tables) {
      outcome.tables.push_back(std::move(tables->moves));
      outcome.tables.push_back(std::move(tables->rounds));
      if (options_.log_offers) outcome.tables.push_back(std::move(tables->offers));
    }
    return outcome;
  }

 private:
  // What a solve keeps for the next (RunContext::scratch).
  struct Scratch {
    eum::Actors actors;
    eum::RoundScratch round_scratch;
    eum::Round round;
    // The positions after each round when the caller keeps no trajectories (the cycle test reads
    // them); only the first rounds + 1 entries are this run's.
    std::vector<std::vector<double>> history;
    std::vector<double> forecasts;
  };

  // With tables (a caller that keeps trajectories) the result holds every round's positions and risk
  // exponents; without, the positions go to the scratch's history and the exponents nowhere.
  [[nodiscard]] IssueForecast solve_issue(const Problem& problem, const IssueProblem& issue, Tables* tables,
                                          Scratch& scratch) const {
    IssueForecast result{issue.id, kNaN, 0, StopReason::no_actors, {}, {}};
    const bool trajectories = tables != nullptr;
    std::vector<std::vector<double>>& history = trajectories ? result.positions : scratch.history;
    eum::Actors& actors = scratch.actors;
    actors.salience.clear();
    actors.weight.clear();
    actors.delta = 1.0;
    if (history.empty()) history.emplace_back();
    std::vector<double>& x = history[0];
    x.clear();
    for (const auto& participant : issue.participants) {
      x.push_back(participant.position);
      actors.salience.push_back(participant.salience);
      actors.weight.push_back(participant.capability * participant.salience);
    }
    if (trajectories) result.risk.emplace_back();
    if (x.empty()) return result;
    if (!weighted_median(x, actors.weight, MedianTie::lower, scratch.round_scratch.order)) {
      result.reason = StopReason::no_weight;
      return result;
    }
    record_round(issue, actors, 0, x, 0, tables);
    const auto [low, high] = std::minmax_element(x.begin(), x.end());
    actors.delta = options_.range == eum::Range::positions ? *high - *low : issue.max - issue.min;
    if (*high == *low || !(actors.delta > 0.0)) {  // nothing to decide
      result.reason = StopReason::converged;
      result.forecast = forecast_of(actors, x, scratch.round_scratch.order);
      return result;
    }
    play(problem, issue, actors, history, result, tables, scratch);
    return result;
  }

  // history[t] = positions, reusing the memory of an entry already there.
  static void record(std::vector<std::vector<double>>& history, int t, const std::vector<double>& positions) {
    const auto at = static_cast<std::size_t>(t);
    if (at < history.size()) {
      history[at].assign(positions.begin(), positions.end());
    } else {
      history.push_back(positions);
    }
  }

  // The rounds, from history[0] until the run settles, cycles or runs out of rounds.
  void play(const Problem& problem, const IssueProblem& issue, const eum::Actors& actors,
            std::vector<std::vector<double>>& history, IssueForecast& result, Tables* tables, Scratch& scratch) const {
    const double tolerance = options_.tolerance * actors.delta;
    const double cycle_tolerance = std::max(options_.cycle_tolerance, options_.tolerance) * actors.delta;
    std::vector<double>& forecasts = scratch.forecasts;
    std::vector<std::size_t>& order = scratch.round_scratch.order;
    forecasts.assign(1, forecast_of(actors, history[0], order));
    eum::Round& round = scratch.round;
    Standing now;
    int last_swing = 0;
    for (int t = 1; t <= options_.max_rounds; ++t) {
      // Once every actor holds the same position there is nothing left to decide (and every danger
      // level is equal, where the replications divide by zero): the run has converged.
      const auto& start = history[static_cast<std::size_t>(t - 1)];
      if (t > 1 && std::all_of(start.begin(), start.end(), [&](double value) { return value == start.front(); })) {
        now = {StopReason::converged, 0};
        break;
      }
      eum::play_round(options_, actors, start, scratch.round_scratch, round);
      result.rounds = t;
      if (round.undefined) {
        if (tables != nullptr) result.risk.push_back(round.risk);
        record(history, t, round.positions);
        result.reason = StopReason::undefined;
        return;
      }
      if (tables != nullptr) record_moves(problem, issue, t, round, *tables);
      record_round(issue, actors, t, round.positions, round.moves.size(), tables);
      forecasts.push_back(forecast_of(actors, round.positions, order));
      if (tables != nullptr) result.risk.push_back(round.risk);
      record(history, t, round.positions);
      now = standing(history, t, tolerance, cycle_tolerance, last_swing);
      if (options_.stop_on_convergence && now.reason != StopReason::max_rounds) break;
    }
    conclude(result, forecasts, now);
  }

  // The forecast from `positions`; `order` is the weighted median's memory.
  [[nodiscard]] double forecast_of(const eum::Actors& actors, const std::vector<double>& positions,
                                   std::vector<std::size_t>& order) const {
    return (options_.forecast == eum::Forecast::median
                ? weighted_median(positions, actors.weight, MedianTie::lower, order)
                : weighted_mean(positions, actors.weight))
        .value_or(kNaN);
  }

  static void record_round(const IssueProblem& issue, const eum::Actors& actors, int round,
                           const std::vector<double>& positions, std::size_t moves, Tables* tables) {
    if (tables == nullptr) return;
    tables->rounds.rows.push_back({issue.id, round,
                                   weighted_median(positions, actors.weight, MedianTie::lower).value_or(kNaN),
                                   weighted_mean(positions, actors.weight).value_or(kNaN), moves});
  }

  void record_moves(const Problem& problem, const IssueProblem& issue, int round, const eum::Round& played,
                    Tables& tables) const {
    const auto actor = [&](std::size_t k) { return problem.actors[issue.participants[k].actor]; };
    for (const auto& move : played.moves) {
      tables.moves.rows.push_back({issue.id, round, actor(move.actor), actor(move.counterpart),
                                   eum::to_string(move.type), move.eu_actor, move.eu_counterpart, move.position});
    }
    if (!options_.log_offers) return;
    for (const auto& offer : played.offers) {
      const bool taken = std::any_of(played.moves.begin(), played.moves.end(), [&](const eum::Move& move) {
        return move.actor == offer.actor && move.counterpart == offer.counterpart;
      });
      tables.offers.rows.push_back({issue.id, round, actor(offer.actor), actor(offer.counterpart),
                                    eum::to_string(offer.type), offer.eu_actor, offer.eu_counterpart, offer.position,
                                    taken});
    }
  }

  Options options_;
};

}  // namespace

ModelInfo eum_info() {
  return with_parameters(
      {.name = "eum",
       .summary = "Bueno de Mesquita's expected-utility model: challenges, compromises and capitulations, round by "
                  "round, until positions settle",
       .reference = "Bueno de Mesquita 1994, 1997; Scholz, Calbert & Smith 2011; Masad 2014",
       .tables = {moves_table(), rounds_table(), offers_table()}},
      eum::parameter_table(),
      [](const eum::Parameters& parameters) { return std::make_unique<Eum>(eum::resolve(parameters)); });
}

}  // namespace parley::models

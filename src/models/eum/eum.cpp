#include "models/eum/eum.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/weighted.hpp"
#include "models/eum/options.hpp"
#include "models/eum/round.hpp"

namespace parley::models {
namespace {

using eum::Options;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kLongestCycle = 64;  // rounds; longer repetitions are reported as max_rounds

std::string number(double value) {
  return table_cell(value);
}

class Eum final : public Model {
 public:
  explicit Eum(Options options) : options_(options) {}

  [[nodiscard]] ModelOutcome solve(const Problem& problem, const RunContext& /*context*/) const override {
    ModelOutcome outcome;
    Table moves{"eum_moves",
                {"issue", "round", "actor", "counterpart", "type", "eu_actor", "eu_counterpart", "new_position"},
                {}};
    Table rounds{"eum_rounds", {"issue", "round", "median", "mean", "moves"}, {}};
    Table offers{
        "eum_offers",
        {"issue", "round", "actor", "counterpart", "type", "eu_actor", "eu_counterpart", "new_position", "taken"},
        {}};
    for (const auto& issue : problem.issues) {
      outcome.issues.push_back(solve_issue(problem, issue, moves, rounds, offers));
    }
    outcome.tables.push_back(std::move(moves));
    outcome.tables.push_back(std::move(rounds));
    if (options_.log_offers) outcome.tables.push_back(std::move(offers));
    return outcome;
  }

 private:
  [[nodiscard]] IssueForecast solve_issue(const Problem& problem, const IssueProblem& issue, Table& moves,
                                          Table& rounds, Table& offers) const {
    IssueForecast result{issue.id, kNaN, 0, StopReason::no_actors, {}, {}};
    const std::size_t n = issue.participants.size();
    std::vector<double> x;
    eum::Actors actors;
    for (const auto& participant : issue.participants) {
      x.push_back(participant.position);
      actors.salience.push_back(participant.salience);
      actors.weight.push_back(participant.capability * participant.salience);
    }
    result.positions.push_back(x);
    result.risk.emplace_back();
    if (n == 0) return result;
    const auto median = [&](const std::vector<double>& positions) {
      return weighted_median(positions, actors.weight, MedianTie::lower);
    };
    const auto mean = [&](const std::vector<double>& positions) { return weighted_mean(positions, actors.weight); };
    if (!median(x)) {
      result.reason = StopReason::no_weight;
      return result;
    }
    const auto forecast_of = [&](const std::vector<double>& positions) {
      return (options_.forecast == eum::Forecast::median ? median(positions) : mean(positions)).value_or(kNaN);
    };
    const auto summary = [&](int round, const std::vector<double>& positions, std::size_t count) {
      rounds.rows.push_back({issue.id, std::to_string(round), number(median(positions).value_or(kNaN)),
                             number(mean(positions).value_or(kNaN)), std::to_string(count)});
    };
    summary(0, x, 0);

    const auto [low, high] = std::minmax_element(x.begin(), x.end());
    actors.delta = options_.range == eum::Range::positions ? *high - *low : issue.max - issue.min;
    if (*high == *low || !(actors.delta > 0.0)) {  // nothing to decide
      result.reason = StopReason::converged;
      result.forecast = forecast_of(x);
      return result;
    }
    const double tolerance = options_.tolerance * actors.delta;
    const double cycle_tolerance = std::max(options_.cycle_tolerance, options_.tolerance) * actors.delta;
    const auto distance = [](const std::vector<double>& a, const std::vector<double>& b) {
      double largest = 0.0;
      for (std::size_t k = 0; k < a.size(); ++k) largest = std::max(largest, std::fabs(a[k] - b[k]));
      return largest;
    };
    std::vector<double> forecasts{forecast_of(x)};
    StopReason reason = StopReason::max_rounds;
    int period = 0;
    for (int t = 1; t <= options_.max_rounds; ++t) {
      // Once every actor holds the same position there is nothing left to decide (and every danger
      // level is equal, where the replications divide by zero): the run has converged.
      const auto& start = result.positions.back();
      if (t > 1 && std::all_of(start.begin(), start.end(), [&](double value) { return value == start.front(); })) {
        reason = StopReason::converged;
        break;
      }
      eum::Round round = eum::play_round(options_, actors, result.positions.back());
      result.rounds = t;
      if (round.undefined) {
        result.risk.push_back(std::move(round.risk));
        result.positions.push_back(std::move(round.positions));
        result.reason = StopReason::undefined;
        return result;
      }
      for (const auto& move : round.moves) {
        moves.rows.push_back({issue.id, std::to_string(t), problem.actors[issue.participants[move.actor].actor],
                              problem.actors[issue.participants[move.counterpart].actor], eum::to_string(move.type),
                              number(move.eu_actor), number(move.eu_counterpart), number(move.position)});
      }
      for (const auto& offer : round.offers) {
        const bool taken = std::any_of(round.moves.begin(), round.moves.end(), [&](const eum::Move& move) {
          return move.actor == offer.actor && move.counterpart == offer.counterpart;
        });
        offers.rows.push_back({issue.id, std::to_string(t), problem.actors[issue.participants[offer.actor].actor],
                               problem.actors[issue.participants[offer.counterpart].actor], eum::to_string(offer.type),
                               number(offer.eu_actor), number(offer.eu_counterpart), number(offer.position),
                               taken ? "true" : "false"});
      }
      summary(t, round.positions, round.moves.size());
      forecasts.push_back(forecast_of(round.positions));
      result.risk.push_back(std::move(round.risk));
      result.positions.push_back(std::move(round.positions));

      // How the run stands after round t: settled, cycling, or still moving.
      const auto& history = result.positions;
      const auto at = [&](int r) -> const std::vector<double>& { return history[static_cast<std::size_t>(r)]; };
      reason = StopReason::max_rounds;
      period = 0;
      if (distance(at(t), at(t - 1)) <= tolerance) {
        reason = StopReason::converged;
      } else {
        // A cycle of p rounds: for two whole cycles each state recurs, within cycle_tolerance, p rounds
        // earlier, and within the cycle the positions do move by more than that (else it is a slow creep).
        for (int p = 2; p <= kLongestCycle && 3 * p - 1 <= t; ++p) {
          bool recurs = true;
          for (int s = 0; s < 2 * p && recurs; ++s) recurs = distance(at(t - s), at(t - s - p)) <= cycle_tolerance;
          double swing = 0.0;
          for (int s = 0; s < p && recurs; ++s) swing = std::max(swing, distance(at(t - s), at(t - s - 1)));
          if (recurs && swing > cycle_tolerance) {
            reason = StopReason::cycle;
            period = p;
            break;
          }
        }
      }
      if (options_.stop_on_convergence && reason != StopReason::max_rounds) break;
    }
    result.reason = reason;
    if (reason == StopReason::cycle) {
      const auto last = forecasts.end();
      const auto first = last - period;
      double sum = 0.0;
      for (auto it = first; it != last; ++it) sum += *it;
      result.forecast = sum / static_cast<double>(period);
      result.cycle_period = period;
      result.cycle_low = *std::min_element(first, last);
      result.cycle_high = *std::max_element(first, last);
    } else {
      result.forecast = forecasts.back();
    }
    return result;
  }

  Options options_;
};

}  // namespace

ModelInfo eum_info() {
  return with_parameters(
      {.name = "eum",
       .summary = "Bueno de Mesquita's expected-utility model: challenges, compromises and capitulations, round by "
                  "round, until positions settle",
       .reference = "Bueno de Mesquita 1994, 1997; Scholz, Calbert & Smith 2011; Masad 2014"},
      eum::parameter_table(), [](const eum::Parameters& parameters) { return std::make_unique<Eum>(eum::resolve(parameters)); });
}

}  // namespace parley::models

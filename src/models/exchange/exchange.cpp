#include "models/exchange/exchange.hpp"

#include <cmath>
#include <limits>

#include "models/exchange/round.hpp"

namespace parley::models {
namespace {

using exchange::Data;
using exchange::Settings;

constexpr double kScale = 100.0;

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
    const std::size_t issues = problem.issues.size();
    Data data;
    data.actors = problem.actors.size();
    data.issues = issues;
    data.has.assign(data.actors * issues, 0);
    data.salience.assign(data.actors * issues, 0.0);
    data.power.assign(data.actors * issues, 0.0);
    data.data.resize(issues);
    data.total.assign(issues, 0.0);
    std::vector<double> start(data.actors * issues, 0.0);
    std::vector<ScaleMap> scales(issues);
    for (std::size_t i = 0; i < issues; ++i) {
      const IssueProblem& issue = problem.issues[i];
      scales[i] = {issue.min, kScale / (issue.max - issue.min)};
      for (const auto& participant : issue.participants) {
        const std::size_t at = data.at(participant.actor, i);
        data.has[at] = 1;
        data.salience[at] = participant.salience;
        data.power[at] = participant.capability;
        data.data[i].push_back(participant.actor);
        data.total[i] += participant.salience * participant.capability;
        start[at] = scales[i].normalise(participant.position);
      }
    }

    ModelOutcome outcome;
    for (std::size_t i = 0; i < issues; ++i) {
      IssueForecast forecast{
          problem.issues[i].id, std::numeric_limits<double>::quiet_NaN(), 0, StopReason::max_rounds, {}, {}};
      forecast.positions.push_back(own_positions(problem.issues[i], i, start, scales[i], data));
      forecast.votes.emplace_back();
      outcome.issues.push_back(std::move(forecast));
    }
    Table exchanges{"exchanges",
                    {"round", "order", "gain", "i_actor", "i_supply_issue", "i_demand_issue", "i_start", "i_move",
                     "i_vote", "j_actor", "j_supply_issue", "j_demand_issue", "j_start", "j_move", "j_vote"},
                    {}};
    Table rounds{
        "exchange_rounds", {"round", "issue", "start_forecast", "voting_forecast", "candidates", "exchanges"}, {}};
    std::size_t last_exchanges = 0;
    for (int round = 1; round <= settings_.rounds; ++round) {
      const auto result = exchange::play_round(data, settings_, start, context.seed, static_cast<std::uint64_t>(round));
      std::size_t order = 0;
      for (const auto& record : result.exchanges) {
        std::vector<std::string> row{std::to_string(round), std::to_string(++order), table_cell(record.gain)};
        for (const auto* side : {&record.i, &record.j}) {
          const ScaleMap& scale = scales[side->supply];
          row.push_back(problem.actors[side->actor]);
          row.push_back(problem.issues[side->supply].id);
          row.push_back(problem.issues[side->demand].id);
          row.push_back(table_cell(scale.position(side->start)));
          row.push_back(table_cell(scale.move(side->move)));
          row.push_back(table_cell(scale.position(side->vote)));
        }
        exchanges.rows.push_back(std::move(row));
      }
      for (std::size_t i = 0; i < issues; ++i) {
        rounds.rows.push_back({std::to_string(round), problem.issues[i].id,
                               table_cell(scales[i].position(result.start_forecast[i])),
                               table_cell(scales[i].position(result.voting_forecast[i])),
                               std::to_string(result.candidates), std::to_string(result.exchanges.size())});
        IssueForecast& forecast = outcome.issues[i];
        forecast.votes.push_back(own_positions(problem.issues[i], i, result.voting, scales[i], data));
        forecast.positions.push_back(own_positions(problem.issues[i], i, result.next, scales[i], data));
        forecast.forecast = data.total[i] > 0.0 ? scales[i].position(result.voting_forecast[i])
                                                : std::numeric_limits<double>::quiet_NaN();
        forecast.rounds = round;
      }
      last_exchanges = result.exchanges.size();
      start = result.next;
    }
    for (std::size_t i = 0; i < issues; ++i) {
      IssueForecast& forecast = outcome.issues[i];
      if (problem.issues[i].participants.empty()) {
        forecast.reason = StopReason::no_actors;
      } else if (data.total[i] <= 0.0) {
        forecast.reason = StopReason::no_weight;
      } else {
        // No convergence test (Decide runs a fixed number of rounds); a last round without any
        // exchange means nothing would change any more.
        forecast.reason = last_exchanges == 0 ? StopReason::converged : StopReason::max_rounds;
      }
    }
    outcome.tables.push_back(std::move(exchanges));
    outcome.tables.push_back(std::move(rounds));
    return outcome;
  }

 private:
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
                          .needs_multiple_issues = true},
                         exchange::parameter_table(),
                         [](const Settings& settings) { return std::make_unique<Exchange>(settings); });
}

}  // namespace parley::models

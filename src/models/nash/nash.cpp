#include "models/nash/nash.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/parameter_table.hpp"
#include "models/closed_form.hpp"

namespace parley::models {
namespace {

enum class Utility { linear, quadratic };
constexpr EnumName<Utility> kUtilityNames[]{{Utility::linear, "linear"}, {Utility::quadratic, "quadratic"}};
constexpr std::span<const EnumName<Utility>> names_of(Utility /*tag*/) {
  return kUtilityNames;
}

enum class Disagreement { status_quo, conflict };
constexpr EnumName<Disagreement> kDisagreementNames[]{{Disagreement::status_quo, "status_quo"},
                                                      {Disagreement::conflict, "conflict"}};
constexpr std::span<const EnumName<Disagreement>> names_of(Disagreement /*tag*/) {
  return kDisagreementNames;
}

struct NashParameters {
  Utility utility = Utility::linear;
  Disagreement disagreement = Disagreement::status_quo;
  Weighting weighting = Weighting::capability_salience;
};

ParameterTable<NashParameters> parameter_table() {
  ParameterTable<NashParameters> table;
  table.choice("utility", &NashParameters::utility,
               "an actor's utility for outcome o: -|x - o| (linear) or -(x - o)^2 (quadratic)");
  table.choice("disagreement", &NashParameters::disagreement,
               "the disagreement point: the issue's status quo (conflict when it has none), or each actor's worst "
               "outcome on the scale");
  table.choice("weights", &NashParameters::weighting,
               {Weighting::capability_salience, Weighting::capability, Weighting::none},
               "the bargaining weights (exponents of the Nash product)");
  return table;
}

// The bargaining problem of one issue: maximise Σ w_i log(g_i(o)), where g_i(o) = u_i(o) − u_i(d)
// is actor i's gain over disagreement and u_i(o) = −|x_i − o| or −(x_i − o)². Salience would only
// rescale u_i, which the Nash solution ignores, so it enters through the weights w_i.
class Bargain {
 public:
  Bargain(const IssueProblem& issue, const NashParameters& parameters) : parameters_(parameters) {
    for (const auto& participant : issue.participants) {
      const double weight = weight_of(participant, parameters.weighting);
      if (weight <= 0.0) continue;
      actors_.push_back({participant.position, weight, disagreement_utility(issue, participant.position)});
    }
  }

  [[nodiscard]] bool empty() const { return actors_.empty(); }

  // The interval where every actor gains (open in theory; the search stays strictly inside).
  [[nodiscard]] std::pair<double, double> feasible_interval(const IssueProblem& issue) const {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    for (const auto& participant : issue.participants) {
      low = std::min(low, participant.position);
      high = std::max(high, participant.position);
    }
    for (const auto& actor : actors_) {
      const double reach = distance_for_utility(actor.disagreement);
      low = std::max(low, actor.position - reach);
      high = std::min(high, actor.position + reach);
    }
    return {low, high};
  }

  // The derivative of the objective, Σ w_i g_i'(o) / g_i(o): the objective is concave, so its
  // maximum is where this changes sign. At a kink (o = x_i, linear utility) the subgradient's
  // middle, 0, stands in for g_i'.
  [[nodiscard]] double slope(double outcome) const {
    double sum = 0.0;
    for (const auto& actor : actors_) {
      const double gain = utility(actor.position, outcome) - actor.disagreement;
      const double difference = actor.position - outcome;
      const double derivative = parameters_.utility == Utility::linear
                                    ? (difference > 0.0 ? 1.0 : (difference < 0.0 ? -1.0 : 0.0))
                                    : 2.0 * difference;
      sum += actor.weight * derivative / gain;
    }
    return sum;
  }

 private:
  struct Actor {
    double position;
    double weight;
    double disagreement;  // u_i(d)
  };

  [[nodiscard]] double utility(double position, double outcome) const {
    const double distance = std::abs(position - outcome);
    return parameters_.utility == Utility::linear ? -distance : -distance * distance;
  }

  [[nodiscard]] double distance_for_utility(double value) const {
    return parameters_.utility == Utility::linear ? -value : std::sqrt(-value);
  }

  [[nodiscard]] double disagreement_utility(const IssueProblem& issue, double position) const {
    if (parameters_.disagreement == Disagreement::status_quo && issue.status_quo) {
      return utility(position, *issue.status_quo);
    }
    // Conflict: each actor's worst outcome on the scale.
    return std::min(utility(position, issue.min), utility(position, issue.max));
  }

  NashParameters parameters_;
  std::vector<Actor> actors_;
};

// Bisection on the sign of the slope inside the open feasible interval: it stops when the
// interval can no longer be halved in doubles, so the result is exact to the last bit and the
// same on every platform.
double maximise(const Bargain& bargain, double low, double high) {
  double a = low;
  double b = high;
  while (true) {
    const double middle = a + (b - a) / 2.0;
    if (middle <= a || middle >= b) return middle;
    if (bargain.slope(middle) > 0.0) {
      a = middle;
    } else {
      b = middle;
    }
  }
}

class Nash final : public IssueModel {
 public:
  explicit Nash(NashParameters parameters) : parameters_(parameters) {}

 protected:
  [[nodiscard]] IssueForecast solve_issue(const IssueProblem& issue, const RunContext& context) const override {
    const Bargain bargain(issue, parameters_);
    if (bargain.empty()) return closed_form_forecast(issue, std::nullopt, context);
    const auto [low, high] = bargain.feasible_interval(issue);
    if (low < high) return closed_form_forecast(issue, maximise(bargain, low, high), context);
    const auto positions = positions_of(issue);
    const auto [first, last] = std::minmax_element(positions.begin(), positions.end());
    if (*first == *last) return closed_form_forecast(issue, *first, context);
    // No outcome leaves everyone better off than d (actors stand on both sides of it), so d stands.
    // Only a status quo can do that: the conflict point is every actor's worst outcome.
    IssueForecast forecast = closed_form_forecast(issue, issue.status_quo, context);
    forecast.note = ForecastNote{
        "unanimity_collapse",
        "the status quo stands: actors sit on both sides of it (or on it), so no outcome leaves all of them "
        "better off (the unanimity collapse)"};
    return forecast;
  }

 private:
  NashParameters parameters_;
};

}  // namespace

ModelInfo nash_info() {
  return with_parameters(
      {.name = "nash",
       .summary = "asymmetric Nash bargaining solution with the status quo as disagreement point",
       .reference = "Nash (1950); Kalai (1977) for the asymmetric form; Thomson et al. (2006), ch. 10"},
      parameter_table(), [](const NashParameters& parameters) { return std::make_unique<Nash>(parameters); });
}

}  // namespace parley::models

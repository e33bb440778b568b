#include "models/median/median.hpp"

#include "models/closed_form.hpp"

namespace parley::models {
namespace {

class Median final : public IssueModel {
 public:
  Median(Weighting weighting, MedianTie tie) : weighting_(weighting), tie_(tie) {}

 protected:
  [[nodiscard]] IssueForecast solve_issue(const IssueProblem& issue, const RunContext& /*context*/) const override {
    return closed_form_forecast(issue, weighted_median(positions_of(issue), weights_of(issue, weighting_), tie_));
  }

 private:
  Weighting weighting_;
  MedianTie tie_;
};

}  // namespace

ModelInfo median_info() {
  return {
      .name = "median",
      .summary = "weighted median of the actors' positions (the median voter)",
      .reference = "Black (1948); the median voter of Bueno de Mesquita's model; DEU baselines",
      .needs_multiple_issues = false,
      .parameters = {{.name = "weights",
                      .type = ParameterType::choice,
                      .default_value = "capability_salience",
                      .choices = {"capability_salience", "capability", "salience", "none"},
                      .description = "what weighs each actor: c*s (as in the expected-utility model), c, s, or 1"},
                     {.name = "tie",
                      .type = ParameterType::choice,
                      .default_value = "lower",
                      .choices = {"lower", "midpoint"},
                      .description = "when the cumulative weight reaches exactly half: the lower position, or the "
                                     "midpoint of it and the next"}},
      .make =
          [](const ParameterValues& values) {
            const MedianTie tie = values.choice("tie") == "midpoint" ? MedianTie::midpoint : MedianTie::lower;
            return std::make_unique<Median>(parse_weighting(values.choice("weights")), tie);
          },
  };
}

}  // namespace parley::models

#include "models/median/median.hpp"

#include "core/parameter_table.hpp"
#include "models/closed_form.hpp"

namespace parley::models {
namespace {

struct MedianOptions {
  Weighting weights = Weighting::capability_salience;
  MedianTie tie = MedianTie::lower;
};

ParameterTable<MedianOptions> parameter_table() {
  ParameterTable<MedianOptions> table;
  table.choice("weights", &MedianOptions::weights,
               "what weighs each actor: c*s (as in the expected-utility model), c, s, or 1");
  table.choice("tie", &MedianOptions::tie,
               "when the cumulative weight reaches exactly half: the lower position, or the midpoint of it and the "
               "next");
  return table;
}

class Median final : public IssueModel {
 public:
  explicit Median(const MedianOptions& options) : options_(options) {}

 protected:
  [[nodiscard]] IssueForecast solve_issue(const IssueProblem& issue, const RunContext& context) const override {
    Workspace local;
    auto& values = context.scratch<IssueValues>(this, local);
    values.fill(issue, options_.weights);
    return closed_form_forecast(
        issue, weighted_median(values.positions, values.weights, options_.tie, values.order), context);
  }

 private:
  MedianOptions options_;
};

}  // namespace

ModelInfo median_info() {
  return with_parameters({.name = "median",
                          .summary = "weighted median of the actors' positions (the median voter)",
                          .reference = "Black (1948); the median voter of Bueno de Mesquita's model; DEU baselines"},
                         parameter_table(),
                         [](const MedianOptions& options) { return std::make_unique<Median>(options); });
}

}  // namespace parley::models

#include "models/mean/mean.hpp"

#include "models/closed_form.hpp"

namespace parley::models {
namespace {

class Mean final : public IssueModel {
 public:
  explicit Mean(Weighting weighting) : weighting_(weighting) {}

 protected:
  [[nodiscard]] IssueForecast solve_issue(const IssueProblem& issue, const RunContext& /*context*/) const override {
    return closed_form_forecast(issue, weighted_mean(positions_of(issue), weights_of(issue, weighting_)));
  }

 private:
  Weighting weighting_;
};

}  // namespace

ModelInfo mean_info() {
  return {
      .name = "mean",
      .summary = "mean of the actors' positions, unweighted or weighted by salience",
      .reference = "baseline of the DEU studies (Thomson et al. 2006)",
      .needs_multiple_issues = false,
      .parameters = {{.name = "weights",
                      .type = ParameterType::choice,
                      .default_value = "none",
                      .choices = {"none", "salience"},
                      .description = "none: plain mean of positions; salience: sum(s x) / sum(s)"}},
      .make =
          [](const ParameterValues& values) {
            return std::make_unique<Mean>(parse_weighting(values.choice("weights")));
          },
  };
}

}  // namespace parley::models

#include "models/compromise/compromise.hpp"

#include "models/closed_form.hpp"

namespace parley::models {
namespace {

class Compromise final : public IssueModel {
 protected:
  [[nodiscard]] IssueForecast solve_issue(const IssueProblem& issue, const RunContext& context) const override {
    Workspace local;
    auto& values = context.scratch<IssueValues>(this, local);
    values.fill(issue, Weighting::capability_salience);
    return closed_form_forecast(issue, weighted_mean(values.positions, values.weights), context);
  }
};

}  // namespace

ModelInfo compromise_info() {
  return {
      .name = "compromise",
      .summary = "capability x salience weighted mean of the actors' positions",
      .reference = "Achen (2006), in Thomson et al., The European Union Decides; Decide's MDS",
      .needs_multiple_issues = false,
      .parameters = {},
      .make = [](const ParameterValues&) { return std::make_unique<Compromise>(); },
  };
}

}  // namespace parley::models

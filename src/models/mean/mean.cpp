#include "models/mean/mean.hpp"

#include "core/parameter_table.hpp"
#include "models/closed_form.hpp"

namespace parley::models {
namespace {

struct MeanOptions {
  Weighting weights = Weighting::none;
};

ParameterTable<MeanOptions> parameter_table() {
  ParameterTable<MeanOptions> table;
  table.choice("weights", &MeanOptions::weights, {Weighting::none, Weighting::salience},
               "none: plain mean of positions; salience: sum(s x) / sum(s)");
  return table;
}

class Mean final : public IssueModel {
 public:
  explicit Mean(const MeanOptions& options) : options_(options) {}

 protected:
  [[nodiscard]] IssueForecast solve_issue(const IssueProblem& issue, const RunContext& context) const override {
    Workspace local;
    auto& values = context.scratch<IssueValues>(this, local);
    values.fill(issue, options_.weights);
    return closed_form_forecast(issue, weighted_mean(values.positions, values.weights), context);
  }

 private:
  MeanOptions options_;
};

}  // namespace

ModelInfo mean_info() {
  return with_parameters({.name = "mean",
                          .summary = "mean of the actors' positions, unweighted or weighted by salience",
                          .reference = "baseline of the DEU studies (Thomson et al. 2006)"},
                         parameter_table(),
                         [](const MeanOptions& options) { return std::make_unique<Mean>(options); });
}

}  // namespace parley::models

#include "models/status_quo/status_quo.hpp"

#include <limits>

#include "models/closed_form.hpp"

namespace parley::models {
namespace {

class StatusQuo final : public IssueModel {
 protected:
  [[nodiscard]] IssueForecast solve_issue(const IssueProblem& issue, const RunContext& context) const override {
    IssueForecast forecast = closed_form_forecast(issue, issue.status_quo, context);
    if (!issue.status_quo) forecast.reason = StopReason::no_status_quo;
    return forecast;
  }
};

}  // namespace

ModelInfo status_quo_info() {
  return {
      .name = "status_quo",
      .summary = "no change: the issue's status quo (the DEU reference point)",
      .reference = "baseline of the DEU studies (Thomson et al. 2006, the reference-point model)",
      .needs_multiple_issues = false,
      .parameters = {},
      .make = [](const ParameterValues& /*values*/) { return std::make_unique<StatusQuo>(); },
  };
}

}  // namespace parley::models

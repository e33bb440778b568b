#include "parley/answer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "parley/run.hpp"

namespace parley {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

const IssueForecast* forecast_of(const ModelRun& run, const std::string& issue) {
  for (const auto& forecast : run.outcome.issues) {
    if (forecast.issue == issue) return &forecast;
  }
  return nullptr;
}

// The range of outcomes a claim says the issue ends in.
Range claimed_range(const Claim& claim) {
  switch (claim.kind) {
    case ClaimKind::within:
      return {claim.low, claim.high};
    case ClaimKind::above:
      return {claim.low, kInfinity};
    case ClaimKind::below:
      return {-kInfinity, claim.high};
    case ClaimKind::exchange:
      break;
  }
  return {-kInfinity, kInfinity};
}

}  // namespace

std::vector<ModelFlag> flags_of(const std::string& model, const IssueForecast& forecast) {
  std::vector<ModelFlag> flags;
  if (forecast.note) flags.push_back({model, forecast.note->code, forecast.note->text});
  switch (forecast.reason) {
    case StopReason::max_rounds:
      flags.push_back(
          {model, "max_rounds", fmt::format("stopped at max_rounds ({}) without converging", forecast.rounds)});
      break;
    case StopReason::cycle:
      flags.push_back({model, "cycle",
                       fmt::format("in a cycle of {} rounds; the forecast is its mean, the cycle ranges over "
                                   "[{:.1f}, {:.1f}]",
                                   forecast.cycle_period, forecast.cycle_low, forecast.cycle_high)});
      break;
    case StopReason::undefined:
      flags.push_back({model, "undefined", "undefined: the model's equations give no answer here"});
      break;
    case StopReason::no_actors:
    case StopReason::no_weight:
    case StopReason::no_status_quo:
    case StopReason::excluded:
      flags.push_back({model, "no_forecast", fmt::format("no forecast ({})", to_string(forecast.reason))});
      break;
    case StopReason::closed_form:
    case StopReason::converged:
      break;
  }
  return flags;
}

Answer make_answer(const Problem& problem, const std::vector<ModelRun>& runs, const Calibration& calibration,
                   const std::vector<Claim>& claims) {
  Answer answer;
  answer.calibration = calibration;
  const EnsembleRule& rule = calibration.rule;
  for (const auto& issue : problem.issues) {
    IssueAnswer item;
    item.issue = issue.id;
    std::vector<double> members(rule.members.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t m = 0; m < rule.members.size(); ++m) {
      for (const auto& run : runs) {
        if (run.model != rule.members[m].name) continue;
        if (const IssueForecast* forecast = forecast_of(run, issue.id)) members[m] = forecast->forecast;
      }
    }
    const double width = issue.max - issue.min;
    item.forecast = combine(rule, members);
    item.spread = member_spread(members, width);
    if (!std::isnan(item.forecast)) {
      item.intervals = intervals_around(calibration.intervals, item.forecast, item.spread, issue.min, issue.max);
    }
    for (const auto& run : runs) {
      const IssueForecast* forecast = forecast_of(run, issue.id);
      if (forecast == nullptr) continue;
      for (auto& flag : flags_of(run.model, *forecast)) item.flags.push_back(std::move(flag));
      if (std::isnan(forecast->forecast) || std::isnan(item.forecast)) continue;
      const Range& half = item.intervals[0];
      const bool inside = forecast->forecast >= half.low && forecast->forecast <= half.high;
      (inside ? item.agree : item.disagree).push_back({run.model, forecast->forecast});
    }
    answer.issues.push_back(std::move(item));
  }
  for (const Claim& claim : claims) {
    if (claim.kind == ClaimKind::exchange) continue;
    if (!claim.model.empty() && claim.model != kEnsembleName) continue;
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      const IssueProblem& issue = problem.issues[i];
      const IssueAnswer& item = answer.issues[i];
      if (issue.id != claim.issue || std::isnan(item.forecast)) continue;
      const Range range = claimed_range(claim);
      answer.claims.push_back({claim.id, claim.issue,
                               probability_between(calibration.intervals, item.forecast, item.spread,
                                                   issue.max - issue.min, range.low, range.high),
                               claim.holds(item.forecast)});
    }
  }
  return answer;
}

}  // namespace parley

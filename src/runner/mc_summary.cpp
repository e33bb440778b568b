// What Monte Carlo's samples say, summarised in sample order: each series' distribution, the
// headline's mixture, how often each indicator's keys occur, and how often each claim holds.

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/statistics.hpp"
#include "parley/answer.hpp"
#include "parley/montecarlo.hpp"

namespace parley {
namespace {

SeriesSummary summarise_series(std::vector<double> values, std::size_t samples) {
  SeriesSummary item;
  item.samples = values.size();
  item.missing = samples - values.size();
  item.mean = mean_of(values);
  double squares = 0.0;
  for (const double v : values) squares += (v - item.mean) * (v - item.mean);
  item.sd = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1))
                              : std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  item.q05 = quantile(values, 0.05);
  item.q25 = quantile(values, 0.25);
  item.q50 = quantile(values, 0.50);
  item.q75 = quantile(values, 0.75);
  item.q95 = quantile(values, 0.95);
  return item;
}

// Each issue's headline components: each sample's ensemble forecast with its members' spread.
std::vector<std::vector<MixtureComponent>> headline_components(const MonteCarlo& mc,
                                                               const std::vector<SampleResult>& results) {
  const Problem& problem = mc.problem();
  const std::size_t issues = problem.issues.size();
  std::vector<std::vector<MixtureComponent>> components(issues);
  for (const auto& result : results) {
    for (std::size_t i = 0; i < issues; ++i) {
      if (std::isnan(result.forecasts[i])) continue;
      const double width = problem.issues[i].max - problem.issues[i].min;
      components[i].push_back(
          {result.forecasts[i], member_spread(mc.member_forecasts(result.forecasts, i, issues), width)});
    }
  }
  return components;
}

// Every key of indicator series `k` that occurred, most frequent first, then by code.
std::vector<KeyFrequency> key_frequencies(const std::vector<SampleResult>& results, std::size_t k) {
  std::map<std::uint64_t, std::size_t> frequency;
  for (const auto& result : results) {
    for (const auto code : result.indicators[k]) ++frequency[code];
  }
  std::vector<KeyFrequency> keys;
  keys.reserve(frequency.size());
  for (const auto& [code, count] : frequency) keys.push_back({code, count});
  std::stable_sort(keys.begin(), keys.end(),
                   [](const KeyFrequency& a, const KeyFrequency& b) { return a.samples > b.samples; });
  return keys;
}

// Whether every actor and issue a claim names takes part at the run's date.
bool present(const Problem& problem, const Claim& claim) {
  const auto has_actor = [&](const std::string& id) {
    return std::find(problem.actors.begin(), problem.actors.end(), id) != problem.actors.end();
  };
  const auto has_issue = [&](const std::string& id) {
    return std::any_of(problem.issues.begin(), problem.issues.end(),
                       [&](const IssueProblem& issue) { return issue.id == id; });
  };
  return std::all_of(claim.actors.begin(), claim.actors.end(), has_actor) &&
         std::all_of(claim.issues.begin(), claim.issues.end(), has_issue);
}

// A claim judged by indicator series `k`: the share of samples in which a key bearing it out occurred.
ClaimResult judge_by_indicator(const MonteCarlo& mc, const McSummary& summary, const Claim& claim, std::size_t k,
                               const std::vector<SampleResult>& results) {
  std::vector<std::uint64_t> bearing;  // the codes that bear the claim out, ascending
  for (const auto& item : summary.indicators[k]) {
    if (claim.bears_out(mc.key_ids(k, item.key))) bearing.push_back(item.key);
  }
  std::sort(bearing.begin(), bearing.end());
  ClaimResult judged{claim.id, mc.indicator_series()[k].model, claim.subject(), results.size(), 0};
  for (const auto& result : results) {
    const auto& codes = result.indicators[k];
    const bool found = std::any_of(bearing.begin(), bearing.end(),
                                   [&](std::uint64_t code) { return std::binary_search(codes.begin(), codes.end(), code); });
    judged.holds += found ? 1U : 0U;
  }
  return judged;
}

// A claim about an issue judged on series `s`: the share of its samples' forecasts that bear it out,
// and for the headline, the probability the outcome does under the calibrated error.
ClaimResult judge_forecasts(const MonteCarlo& mc, const Claim& claim, std::size_t s,
                            const std::vector<SampleResult>& results,
                            const std::vector<std::vector<MixtureComponent>>& components) {
  ClaimResult judged{claim.id, mc.series()[s].model, claim.issue, 0, 0};
  for (const auto& result : results) {
    const double forecast = result.forecasts[s];
    if (std::isnan(forecast)) continue;
    ++judged.samples;
    judged.holds += claim.holds(forecast) ? 1U : 0U;
  }
  if (mc.ensemble() && s < components.size()) {
    const IssueProblem& issue = mc.problem().issues[s];
    const double infinity = std::numeric_limits<double>::infinity();
    const double low = claim.kind == ClaimKind::below ? -infinity : claim.low;
    const double high = claim.kind == ClaimKind::above ? infinity : claim.high;
    judged.calibrated = mixture_probability(mc.ensemble()->intervals, components[s], issue.max - issue.min, low, high);
  }
  return judged;
}

}  // namespace

McSummary summarise(const MonteCarlo& mc, const Scenario& scenario, const std::vector<SampleResult>& results) {
  McSummary summary;
  summary.samples = results.size();
  const auto& series = mc.series();
  std::vector<std::vector<double>> values(series.size());
  for (const auto& result : results) {
    for (std::size_t s = 0; s < series.size(); ++s) {
      if (!std::isnan(result.forecasts[s])) values[s].push_back(result.forecasts[s]);
    }
  }
  for (std::size_t s = 0; s < series.size(); ++s) summary.series.push_back(summarise_series(values[s], results.size()));

  // The headline: each sample's ensemble forecast plus the calibrated error, pooled.
  const Problem& problem = mc.problem();
  std::vector<std::vector<MixtureComponent>> components;
  if (mc.ensemble()) {
    components = headline_components(mc, results);
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      summary.headlines.push_back(
          {problem.issues[i].id,
           summarise_mixture(mc.ensemble()->intervals, components[i], problem.issues[i].min, problem.issues[i].max)});
    }
  }

  for (std::size_t k = 0; k < mc.indicator_series().size(); ++k) summary.indicators.push_back(key_frequencies(results, k));

  for (const Claim& claim : scenario.claims) {
    if (!claim.about_forecast()) {
      // Judged by the keys of the indicators that answer claims of its kind; not at all when an actor
      // or issue it names is absent at the run's date.
      if (!present(problem, claim)) continue;
      for (std::size_t k = 0; k < mc.indicator_series().size(); ++k) {
        if (mc.indicator_series()[k].spec->answers == claim.kind) {
          summary.claims.push_back(judge_by_indicator(mc, summary, claim, k, results));
        }
      }
      continue;
    }
    for (std::size_t s = 0; s < series.size(); ++s) {
      if (series[s].issue != claim.issue || (!claim.model.empty() && series[s].model != claim.model)) continue;
      summary.claims.push_back(judge_forecasts(mc, claim, s, results, components));
    }
  }
  return summary;
}

}  // namespace parley

// What Monte Carlo's samples say, summarised as they come, in sample order: each series'
// distribution, the headline's mixture, how often each indicator's keys occur, and how often each
// claim holds.

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

}  // namespace

// A claim and the series that judges it: an indicator series (the share of samples in which a key
// bearing it out occurred) or a forecast series (the share of its forecasts that bear it out).
struct McSummariser::Judged {
  const Claim* claim = nullptr;
  bool by_indicator = false;
  std::size_t index = 0;  // the indicator series or the forecast series
  std::size_t samples = 0;
  std::size_t holds = 0;
  std::map<std::uint64_t, bool> bears;  // whether each code seen bears the claim out
};

McSummariser::McSummariser(const MonteCarlo& mc, const Scenario& scenario)
    : mc_(mc),
      values_(mc.series().size()),
      components_(mc.ensemble() ? mc.problem().issues.size() : 0),
      keys_(mc.indicator_series().size()) {
  const auto& series = mc.series();
  for (const Claim& claim : scenario.claims) {
    if (!claim.about_forecast()) {
      // Judged by the keys of the indicators that answer claims of its kind; not at all when an actor
      // or issue it names is absent at the run's date.
      if (!present(mc.problem(), claim)) continue;
      for (std::size_t k = 0; k < mc.indicator_series().size(); ++k) {
        if (mc.indicator_series()[k].spec->answers == claim.kind) judged_.push_back({&claim, true, k});
      }
      continue;
    }
    for (std::size_t s = 0; s < series.size(); ++s) {
      if (series[s].issue != claim.issue || (!claim.model.empty() && series[s].model != claim.model)) continue;
      judged_.push_back({&claim, false, s});
    }
  }
}

McSummariser::~McSummariser() = default;

double McSummariser::bytes_per_sample(const MonteCarlo& mc) {
  const double issues = mc.ensemble() ? static_cast<double>(mc.problem().issues.size()) : 0.0;
  return 8.0 * static_cast<double>(mc.series().size()) + 16.0 * issues;
}

void McSummariser::add(const SampleResult& result) {
  ++samples_;
  for (std::size_t s = 0; s < values_.size(); ++s) {
    if (!std::isnan(result.forecasts[s])) values_[s].push_back(result.forecasts[s]);
  }
  // The headline components: each sample's ensemble forecast with its members' spread.
  const Problem& problem = mc_.problem();
  for (std::size_t i = 0; i < components_.size(); ++i) {
    if (std::isnan(result.forecasts[i])) continue;
    const double width = problem.issues[i].max - problem.issues[i].min;
    components_[i].push_back(
        {result.forecasts[i], member_spread(mc_.member_forecasts(result.forecasts, i, components_.size()), width)});
  }
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    for (const auto code : result.indicators[k]) ++keys_[k][code];
  }
  for (Judged& judged : judged_) {
    if (judged.by_indicator) {
      ++judged.samples;
      const std::size_t k = judged.index;
      const bool found = std::any_of(result.indicators[k].begin(), result.indicators[k].end(), [&](std::uint64_t code) {
        const auto [known, fresh] = judged.bears.try_emplace(code, false);
        if (fresh) known->second = judged.claim->bears_out(mc_.key_ids(k, code));
        return known->second;
      });
      judged.holds += found ? 1U : 0U;
      continue;
    }
    const double forecast = result.forecasts[judged.index];
    if (std::isnan(forecast)) continue;
    ++judged.samples;
    judged.holds += judged.claim->holds(forecast) ? 1U : 0U;
  }
}

McSummary McSummariser::finish() {
  McSummary summary;
  summary.samples = samples_;
  for (auto& values : values_) summary.series.push_back(summarise_series(std::move(values), samples_));

  // The headline: each sample's ensemble forecast plus the calibrated error, pooled.
  const Problem& problem = mc_.problem();
  for (std::size_t i = 0; i < components_.size(); ++i) {
    summary.headlines.push_back(
        {problem.issues[i].id,
         summarise_mixture(mc_.ensemble()->intervals, components_[i], problem.issues[i].min, problem.issues[i].max)});
  }

  // Every key that occurred, most frequent first, then by code.
  for (const auto& frequency : keys_) {
    std::vector<KeyFrequency> keys;
    keys.reserve(frequency.size());
    for (const auto& [code, count] : frequency) keys.push_back({code, count});
    std::stable_sort(keys.begin(), keys.end(),
                     [](const KeyFrequency& a, const KeyFrequency& b) { return a.samples > b.samples; });
    summary.indicators.push_back(std::move(keys));
  }

  for (const Judged& judged : judged_) {
    const Claim& claim = *judged.claim;
    if (judged.by_indicator) {
      summary.claims.push_back(
          {claim.id, mc_.indicator_series()[judged.index].model, claim.subject(), judged.samples, judged.holds});
      continue;
    }
    const std::size_t s = judged.index;
    ClaimResult result{claim.id, mc_.series()[s].model, claim.issue, judged.samples, judged.holds};
    // For the headline, the probability the outcome bears it out under the calibrated error.
    if (mc_.ensemble() && s < components_.size()) {
      const IssueProblem& issue = problem.issues[s];
      const double infinity = std::numeric_limits<double>::infinity();
      const double low = claim.kind == ClaimKind::below ? -infinity : claim.low;
      const double high = claim.kind == ClaimKind::above ? infinity : claim.high;
      result.calibrated =
          mixture_probability(mc_.ensemble()->intervals, components_[s], issue.max - issue.min, low, high);
    }
    summary.claims.push_back(std::move(result));
  }
  return summary;
}

McSummary summarise(const MonteCarlo& mc, const Scenario& scenario, const std::vector<SampleResult>& results) {
  McSummariser summariser(mc, scenario);
  for (const auto& result : results) summariser.add(result);
  return summariser.finish();
}

}  // namespace parley

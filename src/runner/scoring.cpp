#include "runner/scoring.hpp"

#include <cmath>

#include "core/statistics.hpp"
#include "parley/rng.hpp"

namespace parley::scoring {
namespace {

// Per case: the sums a case contributes, so that a bootstrap resample of cases is a sum over its
// drawn cases.
struct CaseSums {
  double absolute = 0.0;  // Σ |e|
  std::size_t count = 0;
  double difference = 0.0;  // Σ (|e| − |e_reference|) over issues both scored
  std::size_t paired = 0;
};

Interval percentile_interval(std::vector<double> values) {
  std::erase_if(values, [](double value) { return std::isnan(value); });
  return {quantile(values, 0.025), quantile(values, 0.975)};
}

std::vector<double> bootstrap(const std::vector<std::vector<std::size_t>>& resamples, const std::vector<CaseSums>& sums,
                              bool paired) {
  std::vector<double> statistics;
  statistics.reserve(resamples.size());
  for (const auto& drawn : resamples) {
    double total = 0.0;
    std::size_t count = 0;
    for (const std::size_t c : drawn) {
      total += paired ? sums[c].difference : sums[c].absolute;
      count += paired ? sums[c].paired : sums[c].count;
    }
    statistics.push_back(count == 0 ? kNoValue : total / static_cast<double>(count));
  }
  return statistics;
}

constexpr double kIntervalScoreAlpha = 0.2;  // the 80 % interval

}  // namespace

double interval_score(const Range& interval, double alpha, double outcome) {
  double score = interval.high - interval.low;
  if (outcome < interval.low) score += 2.0 / alpha * (interval.low - outcome);
  if (outcome > interval.high) score += 2.0 / alpha * (outcome - interval.high);
  return score;
}

Scorer::Scorer(const std::vector<OutcomeRow>& rows, std::size_t cases, std::vector<double> reference,
               std::uint64_t seed, int bootstrap_samples)
    : rows_(rows), cases_(cases), reference_(std::move(reference)) {
  resamples_.resize(static_cast<std::size_t>(std::max(bootstrap_samples, 0)));
  for (std::size_t b = 0; b < resamples_.size() && cases_ > 0; ++b) {
    Rng rng = make_rng(seed, b);
    resamples_[b].resize(cases_);
    for (auto& drawn : resamples_[b]) drawn = static_cast<std::size_t>(rng.below(cases_));
  }
}

ModelScore Scorer::score(std::string model, std::span<const double> forecasts, std::size_t not_applicable,
                         std::span<const std::array<Range, 3>> intervals) const {
  ModelScore score;
  score.model = std::move(model);
  score.not_applicable = not_applicable;
  std::vector<CaseSums> sums(cases_);
  std::vector<double> errors;
  std::array<std::size_t, 3> covered{};
  double width80 = 0.0;
  double interval_score80 = 0.0;
  std::size_t missing = 0;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const OutcomeRow& row = rows_[i];
    if (std::isnan(forecasts[i])) {
      ++missing;
      continue;
    }
    const double absolute = std::fabs(forecasts[i] - row.outcome);
    errors.push_back(absolute);
    CaseSums& sum = sums[row.case_index];
    sum.absolute += absolute;
    ++sum.count;
    if (!reference_.empty() && !std::isnan(reference_[i])) {
      sum.difference += absolute - std::fabs(reference_[i] - row.outcome);
      ++sum.paired;
    }
    if (intervals.empty()) continue;
    for (std::size_t l = 0; l < covered.size(); ++l) {
      if (row.outcome >= intervals[i][l].low && row.outcome <= intervals[i][l].high) ++covered[l];
    }
    width80 += intervals[i][1].high - intervals[i][1].low;
    interval_score80 += interval_score(intervals[i][1], kIntervalScoreAlpha, row.outcome);
  }
  score.no_forecast = missing - std::min(missing, not_applicable);
  score.issues = errors.size();
  score.mae = mean_of(errors);
  score.median_ae = median_of(errors);
  score.rmse = root_mean_square(errors);
  score.mae_interval = percentile_interval(bootstrap(resamples_, sums, false));
  for (const CaseSums& sum : sums) score.paired_issues += sum.paired;
  if (score.paired_issues > 0) {
    double difference = 0.0;
    for (const CaseSums& sum : sums) difference += sum.difference;
    score.difference = difference / static_cast<double>(score.paired_issues);
    score.difference_interval = percentile_interval(bootstrap(resamples_, sums, true));
  } else {
    score.difference = kNoValue;
    score.difference_interval = {kNoValue, kNoValue};
  }
  if (!intervals.empty() && score.issues > 0) {
    const auto n = static_cast<double>(score.issues);
    for (std::size_t l = 0; l < covered.size(); ++l) score.coverage[l] = static_cast<double>(covered[l]) / n;
    score.width80 = width80 / n;
    score.interval_score80 = interval_score80 / n;
  }
  return score;
}

}  // namespace parley::scoring

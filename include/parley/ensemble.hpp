#pragma once
// The ensemble: parley's headline forecast of an issue, a combination of the models' forecasts whose
// rule and predictive intervals were fitted on real decisions (a calibration, docs/models/ensemble.md).

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

// One model whose forecast the ensemble combines, named as outputs name it (MODEL or MODEL@LABEL),
// with the parameters it runs with on top of the model's defaults.
struct EnsembleMember {
  std::string name;
  std::vector<std::pair<std::string, std::string>> parameters;  // NAME, VALUE

  [[nodiscard]] std::string model() const { return name.substr(0, name.find('@')); }
  bool operator==(const EnsembleMember&) const = default;
};

enum class Combination {
  weighted,  // Σ w_j x_j over the members with a forecast, the weights renormalised over them
  median,    // the median of the members' forecasts (the mean of the middle two when even)
  trimmed,   // the mean after dropping `trim` forecasts at each end
};

struct EnsembleRule {
  Combination combination = Combination::weighted;
  std::vector<EnsembleMember> members;
  std::vector<double> weights;  // weighted: one per member, >= 0, summing to 1
  double trim = 0.0;            // trimmed: the share dropped at each end, floor(trim · n) forecasts

  bool operator==(const EnsembleRule&) const = default;
};

// How a rule is fitted on decisions with known outcomes.
enum class EnsembleFamily {
  single,   // one model, weight 1
  mean,     // equal weights
  median,   // the median of the members' forecasts
  trimmed,  // the mean after dropping 20 % at each end
  choice,   // the member with the lowest mean error on the fitting cases, weight 1
  stack,    // non-negative weights summing to 1 with the least absolute error on the fitting cases
};

[[nodiscard]] std::string_view to_string(EnsembleFamily family);

// A rule declared before it is scored (docs/validation.md lists them all with their figures).
struct EnsembleCandidate {
  std::string name;
  EnsembleFamily family = EnsembleFamily::single;
  std::vector<EnsembleMember> pool;
  std::string description;

  bool operator==(const EnsembleCandidate&) const = default;
};

// The forecast of one issue from the members' forecasts (in member order; NaN: no forecast).
// NaN when no member that counts has a forecast.
[[nodiscard]] double combine(const EnsembleRule& rule, std::span<const double> forecasts);

// How far the members' forecasts spread: their standard deviation over the issue's scale width
// (0 with one forecast or none).
[[nodiscard]] double member_spread(std::span<const double> forecasts, double width);

inline constexpr std::array<double, 3> kIntervalLevels{0.5, 0.8, 0.95};

enum class IntervalScale {
  constant,  // the same half-width on every issue (a share of its scale)
  spread,    // proportional to the members' spread plus a floor
};

// Split-conformal predictive intervals: on a calibration set, each forecast's absolute error as a
// share of the scale, divided by its scale (1, or spread + floor), is a score; the interval at level
// L is the forecast ± q_L · scale · width, where q_L is the ceil((m+1)·L)-th smallest of the m scores,
// clipped to the issue's scale.
struct IntervalCalibration {
  IntervalScale scale = IntervalScale::constant;
  double floor = 0.05;
  std::array<double, 3> quantiles{};  // q_L at kIntervalLevels; +inf when m is too small
  // The scores' quantiles at p = 0, 1/20, ..., 1: the distribution of |error| that claims'
  // probabilities and Monte Carlo's combined intervals use (errors taken as symmetric).
  std::vector<double> score_quantiles;

  bool operator==(const IntervalCalibration&) const = default;
};

struct Range {
  double low = 0.0;
  double high = 0.0;
};

// The interval scale of one issue: 1, or spread + floor.
[[nodiscard]] double interval_scale(const IntervalCalibration& intervals, double spread);

// The interval at each of kIntervalLevels around `forecast`, clipped to [min, max].
[[nodiscard]] std::array<Range, 3> intervals_around(const IntervalCalibration& intervals, double forecast,
                                                    double spread, double min, double max);

// P(outcome in [low, high]) when the outcome is the forecast plus a symmetric error whose absolute
// value, over scale · width, is distributed as score_quantiles say (linear between them). Ends may be
// infinite; the scale's ends are where outcomes pile up beyond them.
[[nodiscard]] double probability_between(const IntervalCalibration& intervals, double forecast, double spread,
                                         double width, double low, double high);

// The cumulative distribution of the error's absolute score at `score` (>= 0).
[[nodiscard]] double score_cdf(const IntervalCalibration& intervals, double score);

// Monte Carlo's predictive distribution: each sample's ensemble forecast plus the calibrated error,
// an equal-weight mixture. With many samples it is represented by K = 2000 of them, taken at evenly
// spaced ranks of the forecast (so its quantiles are exact to about 1/K).
struct MixtureComponent {
  double forecast = 0.0;
  double spread = 0.0;  // the members' spread in that sample (for spread-scaled intervals)
};

struct MixtureSummary {
  double median = 0.0;
  std::array<Range, 3> intervals{};  // central intervals at kIntervalLevels, clipped to [min, max]
};

[[nodiscard]] MixtureSummary summarise_mixture(const IntervalCalibration& intervals,
                                               std::vector<MixtureComponent> components, double min, double max);

// P(outcome in [low, high]) under the mixture.
[[nodiscard]] double mixture_probability(const IntervalCalibration& intervals,
                                         std::span<const MixtureComponent> components, double width, double low,
                                         double high);

// How the calibration scored out of sample (leave one case out; intervals nested: re-fitted without
// the case scored). Errors on each issue's own scale.
struct CalibrationFigures {
  std::size_t cases = 0;
  std::size_t issues = 0;
  double mae = 0.0;
  double median_ae = 0.0;
  double rmse = 0.0;
  double reference_mae = 0.0;  // the reference model (compromise) on the same issues
  std::array<double, 3> coverage{};
  double width80 = 0.0;
  double interval_score80 = 0.0;

  bool operator==(const CalibrationFigures&) const = default;
};

// A fitted ensemble: the rule, its intervals, and where they came from.
struct Calibration {
  EnsembleCandidate candidate;  // the declared candidate shipped (docs/validation.md)
  EnsembleRule rule;            // fitted on every case of the data
  IntervalCalibration intervals;
  CalibrationFigures figures;
  std::vector<std::string> cases;  // the cases (e.g. DEU proposal ids) it was fitted on, in name order
  std::string data;                // what it was fitted on, e.g. "deu3-dev.tsv (DEU III development set)"
  std::string data_sha256;
  std::string domain;   // one sentence on where it holds, for reports
  std::string command;  // that produced it
  std::string engine;   // parley version and commit that produced it

  bool operator==(const Calibration&) const = default;
};

}  // namespace parley

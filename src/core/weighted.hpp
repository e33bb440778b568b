#pragma once
// Weighted statistics of positions, shared by the baseline models and the expected-utility model.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/parameter_table.hpp"
#include "parley/problem.hpp"

namespace parley {

// Which product of capability and salience weighs an actor.
enum class Weighting { capability_salience, capability, salience, none };

inline constexpr EnumName<Weighting> kWeightingNames[]{{Weighting::capability_salience, "capability_salience"},
                                                        {Weighting::capability, "capability"},
                                                        {Weighting::salience, "salience"},
                                                        {Weighting::none, "none"}};
constexpr std::span<const EnumName<Weighting>> names_of(Weighting /*tag*/) {
  return kWeightingNames;
}

[[nodiscard]] double weight_of(const Participant& participant, Weighting weighting);

// Σ w x / Σ w; nullopt when the weights sum to zero.
[[nodiscard]] std::optional<double> weighted_mean(std::span<const double> positions, std::span<const double> weights);

enum class MedianTie { lower, midpoint };
inline constexpr EnumName<MedianTie> kMedianTieNames[]{{MedianTie::lower, "lower"}, {MedianTie::midpoint, "midpoint"}};
constexpr std::span<const EnumName<MedianTie>> names_of(MedianTie /*tag*/) {
  return kMedianTieNames;
}

// The weighted median: the smallest position whose cumulative weight reaches half the total
// (`lower`), or, when the cumulative weight hits exactly half, the midpoint of that position and
// the next (`midpoint`); "exactly" allows a relative rounding slack of 1e-12. Zero-weight
// positions are ignored; nullopt when all weights are zero.
[[nodiscard]] std::optional<double> weighted_median(std::span<const double> positions, std::span<const double> weights,
                                                    MedianTie tie);
// The same, ordering the positions in `order` (its memory reused: no allocation once warm).
[[nodiscard]] std::optional<double> weighted_median(std::span<const double> positions, std::span<const double> weights,
                                                    MedianTie tie, std::vector<std::size_t>& order);

}  // namespace parley

#pragma once
// Weighted statistics of positions, shared by the baseline models and the expected-utility model.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parley/problem.hpp"

namespace parley {

// Which product of capability and salience weighs an actor.
enum class Weighting { capability_salience, capability, salience, none };

[[nodiscard]] Weighting parse_weighting(const std::string& name);
[[nodiscard]] double weight_of(const Participant& participant, Weighting weighting);

// Σ w x / Σ w; nullopt when the weights sum to zero.
[[nodiscard]] std::optional<double> weighted_mean(std::span<const double> positions, std::span<const double> weights);

enum class MedianTie { lower, midpoint };

// The weighted median: the smallest position whose cumulative weight reaches half the total
// (`lower`), or, when the cumulative weight hits exactly half, the midpoint of that position and
// the next (`midpoint`); "exactly" allows a relative rounding slack of 1e-12. Zero-weight
// positions are ignored; nullopt when all weights are zero.
[[nodiscard]] std::optional<double> weighted_median(std::span<const double> positions, std::span<const double> weights,
                                                    MedianTie tie);

}  // namespace parley

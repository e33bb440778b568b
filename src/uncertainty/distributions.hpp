#pragma once
// The distributions of the uncertainty block, drawn from parley's one RNG (our own code: the
// standard library's distributions differ between implementations, and results must not).

#include "parley/rng.hpp"

namespace parley {

// Standard normal (Marsaglia's polar method; one of each pair is used, so that a draw takes a fixed
// place in the stream).
[[nodiscard]] double draw_normal(Rng& rng);

// Normal(mean, sd) truncated to [low, high]: rejection, with the mean clamped into the interval when
// sd is 0 or the interval is far in a tail (after 1,000 rejections).
[[nodiscard]] double draw_truncated_normal(Rng& rng, double mean, double sd, double low, double high);

// Gamma(shape, 1) (Marsaglia & Tsang 2000; shape < 1 by the boost U^(1/shape)).
[[nodiscard]] double draw_gamma(Rng& rng, double shape);

// A value on [0, 1] with the given mean and sd: Beta with alpha = m k, beta = (1 − m) k,
// k = m (1 − m)/sd² − 1. Falls back to the truncated normal when no beta has them (mean at 0 or 1,
// or sd² ≥ m (1 − m)).
[[nodiscard]] double draw_beta_mean_sd(Rng& rng, double mean, double sd);

}  // namespace parley

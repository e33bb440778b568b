#pragma once
// parley's one random number generator. Every stream is made from (master seed, stream id), so a
// result never depends on thread count, process count or the standard library's distributions.

#include <cstdint>

namespace parley {

// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  [[nodiscard]] std::uint64_t next();
  // Uniform on [0, 1) with 53 random bits.
  [[nodiscard]] double uniform();
  // Uniform integer in [0, bound), without modulo bias. bound must be > 0.
  [[nodiscard]] std::uint64_t below(std::uint64_t bound);

 private:
  std::uint64_t state_[4] = {};
};

// The stream `stream` of master seed `seed` (e.g. stream = Monte Carlo sample index).
[[nodiscard]] Rng make_rng(std::uint64_t seed, std::uint64_t stream);

}  // namespace parley

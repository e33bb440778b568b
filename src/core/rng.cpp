#include "parley/rng.hpp"

namespace parley {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t rotate_left(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
  std::uint64_t mixer = seed;
  for (auto& word : state_) word = splitmix64(mixer);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
  const std::uint64_t shifted = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= shifted;
  state_[3] = rotate_left(state_[3], 45);
  return result;
}

double Rng::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t Rng::below(std::uint64_t bound) {
  const std::uint64_t limit = -bound % bound;  // 2^64 mod bound: values below it are rejected
  while (true) {
    const std::uint64_t draw = next();
    if (draw >= limit) return draw % bound;
  }
}

Rng make_rng(std::uint64_t seed, std::uint64_t stream) {
  // Streams are decorrelated by hashing the pair through SplitMix64 before seeding.
  std::uint64_t mixer = seed;
  const std::uint64_t first = splitmix64(mixer);
  std::uint64_t stream_mixer = first ^ (stream * 0xD1B54A32D192ED03ULL);
  return Rng(splitmix64(stream_mixer));
}

}  // namespace parley

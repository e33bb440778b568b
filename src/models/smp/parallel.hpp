#pragma once
// Work split over threads by index. Every index writes only its own slots, so results never
// depend on the thread count.

#include <cstddef>
#include <thread>
#include <vector>

namespace parley::models::smp {

// Calls body(index) for index in [0, count), on up to `threads` threads; thread t takes indices
// t, t + T, t + 2T, ... (interleaved, so triangular loops stay balanced).
template <typename Body>
void parallel_for(unsigned threads, std::size_t count, const Body& body) {
  const std::size_t used = std::min<std::size_t>(threads == 0 ? 1 : threads, count);
  if (used <= 1) {
    for (std::size_t index = 0; index < count; ++index) body(index);
    return;
  }
  std::vector<std::jthread> workers;
  workers.reserve(used - 1);
  for (std::size_t t = 1; t < used; ++t) {
    workers.emplace_back([&body, t, used, count] {
      for (std::size_t index = t; index < count; index += used) body(index);
    });
  }
  for (std::size_t index = 0; index < count; index += used) body(index);
}

}  // namespace parley::models::smp

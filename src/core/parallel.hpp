#pragma once
// Work split over threads by index (smp's turns, the ensemble's cross-validation). Every index
// writes only its own slots, so results never depend on the thread count.

#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace parley {

// Calls body(index) for index in [0, count), on up to `threads` threads; thread t takes indices
// t, t + T, t + 2T, ... (interleaved, so triangular loops stay balanced). If bodies throw, the
// exception of the lowest index is rethrown once every thread has stopped — the one a single
// thread would have thrown, so errors do not depend on the thread count either.
template <typename Body>
void parallel_for(unsigned threads, std::size_t count, const Body& body) {
  const std::size_t used = std::min<std::size_t>(threads == 0 ? 1 : threads, count);
  if (used <= 1) {
    for (std::size_t index = 0; index < count; ++index) body(index);
    return;
  }
  std::mutex mutex;
  std::exception_ptr first;
  std::size_t first_index = count;
  const auto work = [&](std::size_t start) {
    for (std::size_t index = start; index < count; index += used) {
      try {
        body(index);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (index < first_index) {
          first_index = index;
          first = std::current_exception();
        }
        return;  // this thread's later indices cannot hold a lower one
      }
    }
  };
  {
    std::vector<std::jthread> workers;
    workers.reserve(used - 1);
    for (std::size_t t = 1; t < used; ++t) workers.emplace_back(work, t);
    work(0);
  }
  if (first) std::rethrow_exception(first);
}

}  // namespace parley

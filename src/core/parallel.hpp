#pragma once
// Work split over threads by index (smp's turns, the ensemble's cross-validation). Every index
// writes only its own slots, so results never depend on the thread count.

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
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
    std::size_t t = 1;
    try {
      for (; t < used; ++t) workers.emplace_back(work, t);
    } catch (const std::system_error&) {
      for (; t < used; ++t) work(t);  // the system would start no more threads: this one does their share
    }
    work(0);
  }
  if (first) std::rethrow_exception(first);
}

// Worker threads that are stopped and joined on every way out of the scope that owns them, so that
// an error on the calling thread (a store that cannot be written) or a thread that cannot be started
// never ends the program with joinable threads. Workers pull their work and check `abandon` between
// units of it; the destructor raises it, then joins.
class WorkerThreads {
 public:
  // Starts work(t) for t in [0, count). When the system refuses a thread, runs with those already
  // started (the work is pulled, so fewer threads change only the time); with none, rethrows.
  template <typename Work>
  WorkerThreads(unsigned count, std::atomic<bool>& abandon, const Work& work) : abandon_(abandon) {
    threads_.reserve(count);
    for (unsigned t = 0; t < count; ++t) {
      try {
        threads_.emplace_back(work, t);
      } catch (const std::system_error&) {
        if (threads_.empty()) throw;
        break;
      }
    }
  }
  ~WorkerThreads() {
    abandon_ = true;
    join();
  }
  WorkerThreads(const WorkerThreads&) = delete;
  WorkerThreads& operator=(const WorkerThreads&) = delete;

  [[nodiscard]] unsigned started() const { return static_cast<unsigned>(threads_.size()); }
  // Waits for every worker to finish its work.
  void join() {
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
  }

 private:
  std::atomic<bool>& abandon_;
  std::vector<std::jthread> threads_;
};

}  // namespace parley

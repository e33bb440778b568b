#pragma once
// What the long commands show while they work: progress on stderr, and Ctrl-C caught so that a run
// stops cleanly with its finished work kept.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace parley::cli {

// A bar redrawn in place on a terminal, a line every 10 % otherwise; nothing when quiet.
class Progress {
 public:
  // `already`: done before this invocation (not counted in the rate).
  Progress(std::uint64_t already, bool quiet);
  void update(std::uint64_t done, std::uint64_t total);

 private:
  std::uint64_t already_;
  bool quiet_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  int last_tenth_ = -1;
};

// While it lives, SIGINT and SIGTERM set requested() instead of ending the process.
class Interrupt {
 public:
  Interrupt();
  ~Interrupt();
  Interrupt(const Interrupt&) = delete;
  Interrupt& operator=(const Interrupt&) = delete;
  [[nodiscard]] const std::atomic<bool>& requested() const;
};

}  // namespace parley::cli

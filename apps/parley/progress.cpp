#include "progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <string>

namespace parley::cli {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int /*signal*/) {
  interrupted.store(true);
}

}  // namespace

Progress::Progress(std::uint64_t already, bool quiet)
    : already_(already), quiet_(quiet), terminal_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}

void Progress::update(std::uint64_t done, std::uint64_t total) {
  if (quiet_ || total == 0) return;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0.0 ? static_cast<double>(done - already_) / seconds : 0.0;
  const double eta = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
  const int percent = static_cast<int>(100 * done / total);
  if (terminal_) {
    const auto filled = static_cast<std::size_t>(percent / 4);
    std::cerr << fmt::format("\r[{:<25}] {:3}% {}/{} samples, {:.0f}/s, ETA {:.0f} s ", std::string(filled, '#'),
                             percent, done, total, rate, eta)
              << std::flush;
    if (done == total) std::cerr << '\n';
  } else if (percent / 10 > last_tenth_ || done == total) {
    last_tenth_ = percent / 10;
    std::cerr << fmt::format("mc: {}/{} samples ({}%), {:.0f}/s\n", done, total, percent, rate);
  }
}

Interrupt::Interrupt() {
  interrupted.store(false);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

Interrupt::~Interrupt() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>& Interrupt::requested() const {
  return interrupted;
}

}  // namespace parley::cli

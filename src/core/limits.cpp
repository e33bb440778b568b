#include "parley/limits.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

#include "parley/errors.hpp"

namespace parley {

unsigned checked_threads(unsigned threads) {
  if (threads > kMaxThreads) {
    throw UsageError(Subject::threads, std::to_string(threads),
                     fmt::format(": at most {} threads (results never depend on the number)", kMaxThreads));
  }
  return threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
}

void check_memory(double bytes, const std::string& what, const std::string& remedy) {
  constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
  if (bytes < kGiB) return;  // any machine parley runs on: no need to ask the system (once a sample)
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return;  // unknown: nothing to compare with
  const double machine = static_cast<double>(pages) * static_cast<double>(page);
  if (bytes <= machine / 2.0) return;
  throw UsageError(
      fmt::format("{} would need about {:.1f} GiB of memory; this machine has {:.1f} GiB and parley "
                  "uses at most half of it: {}",
                  what, bytes / kGiB, machine / kGiB, remedy));
}

}  // namespace parley

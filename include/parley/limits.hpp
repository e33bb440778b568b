#pragma once
// The limits parley holds to before it starts work: threads, and memory. Work beyond them is
// refused up front with a UsageError that says how much it needed and how to ask for less,
// instead of an abort or bad_alloc half-way (docs/reliability.md).

#include <string>

namespace parley {

// The most threads any part of parley starts (-j); more is refused, not attempted.
inline constexpr unsigned kMaxThreads = 1024;

// `threads`, or every core for 0. Throws UsageError (Subject::threads) above kMaxThreads.
[[nodiscard]] unsigned checked_threads(unsigned threads);

// Refuses, before anything is allocated, work whose memory would pass half of this machine's
// (UsageError): `what` names the work, `remedy` how to ask for less.
void check_memory(double bytes, const std::string& what, const std::string& remedy);

}  // namespace parley

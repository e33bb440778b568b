#pragma once
// std::stable_sort's result without the buffer it allocates, for the short ranges of one scenario's
// actors: under a strict weak order a stable sort has exactly one result, which an insertion sort
// reaches in place. Longer ranges, or ranges whose order is not strict weak (a NaN key), go to
// std::stable_sort, so results are always std::stable_sort's.

#include <algorithm>
#include <iterator>
#include <utility>

namespace parley {

// Insertion sort up to this many elements.
inline constexpr std::ptrdiff_t kShortSort = 32;

// Sorts [first, last) stably by `less`; `strict_weak`: the caller knows `less` orders the range
// strictly and weakly (for doubles: no NaN among the keys).
template <typename It, typename Less>
void stable_sort_short(It first, It last, Less less, bool strict_weak = true) {
  if (!strict_weak || std::distance(first, last) > kShortSort) {
    std::stable_sort(first, last, less);
    return;
  }
  for (It it = first; it != last; ++it) {
    auto moving = std::move(*it);
    It hole = it;
    for (; hole != first && less(moving, *std::prev(hole)); --hole) *hole = std::move(*std::prev(hole));
    *hole = std::move(moving);
  }
}

}  // namespace parley

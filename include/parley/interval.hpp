#pragma once
// A range of values with both ends included, e.g. a bootstrap confidence interval.

namespace parley {

struct Interval {
  double low = 0.0;
  double high = 0.0;
};

}  // namespace parley

// A turn (§5, §6.5): queues, their elections and each actor's move.

#include <algorithm>
#include <array>
#include <span>

#include "core/parallel.hpp"
#include "models/smp/engine_impl.hpp"

namespace parley::models::smp {

// The value to each voter of a bargain (§6.5): [bargain][voter]. A value is the bargain's two points'
// utilities, then every other actor's own position, summed in actor order: n additions, each waiting
// on the one before. Eight bargains are summed side by side, so that their additions overlap: the
// same row of own utilities goes to all eight, and at the (at most 16) actors some bargain leaves out,
// only the others add. Every sum is taken in the same order as one bargain at a time, bit for bit.
void Engine::bargain_values(const State& state, const Derived& derived, const Turn& turn) const {
  constexpr std::size_t kLanes = 8;
  const std::vector<Bargain>& bargains = turn.bargains;
  std::vector<double>& values = scratch_.bargain_values;
  values.assign(bargains.size() * n_, 0.0);
  const auto count = static_cast<double>(n_);
  const std::size_t blocks = (bargains.size() + kLanes - 1) / kLanes;
  parallel_for(threads(), blocks, [&](std::size_t block) {
    const std::size_t first = block * kLanes;
    const std::size_t lanes = std::min(kLanes, bargains.size() - first);
    std::array<std::size_t, 2 * kLanes> skipped{};  // the actors some bargain leaves out, ascending
    std::size_t skips = 0;
    for (std::size_t l = 0; l < lanes; ++l) {
      skipped[skips++] = bargains[first + l].initiator;
      skipped[skips++] = bargains[first + l].receiver;
    }
    std::sort(skipped.begin(), skipped.begin() + static_cast<std::ptrdiff_t>(skips));
    skips = static_cast<std::size_t>(
        std::unique(skipped.begin(), skipped.begin() + static_cast<std::ptrdiff_t>(skips)) - skipped.begin());
    for (std::size_t a = 0; a < n_; ++a) {
      const double* row = derived.own.data() + a * n_;
      std::array<double, kLanes> v{};  // lanes past `lanes` sum what no one reads
      for (std::size_t l = 0; l < lanes; ++l) {
        double sum = 0.0;
        sum = sum + util(dist(state, a, turn.initiator_point(first + l).data()), state.risk[a]);
        sum = sum + util(dist(state, a, turn.receiver_point(first + l).data()), state.risk[a]);
        v[l] = sum;
      }
      std::size_t m = 0;
      for (std::size_t k = 0; k <= skips; ++k) {
        const std::size_t end = k < skips ? skipped[k] : n_;
        for (; m < end; ++m) {
          for (std::size_t l = 0; l < kLanes; ++l) v[l] = v[l] + row[m];
        }
        if (k == skips) break;
        for (std::size_t l = 0; l < lanes; ++l) {
          if (m != bargains[first + l].initiator && m != bargains[first + l].receiver) v[l] = v[l] + row[m];
        }
        ++m;
      }
      for (std::size_t l = 0; l < lanes; ++l) values[(first + l) * n_ + a] = v[l] / count;
    }
  });
  for (const double v : values) check_entry(v);  // in bargain order, then voter: the first KTAB meets
}

double Engine::check_entry(double v) {
  if (v <= 0.0 || v > 1.0) abort_run(fmt::format("a queue entry is worth {} to a voter, outside (0, 1]", v));
  return v;
}

double Engine::next_uniform(std::mt19937_64& generator) {
  const std::uint64_t n = generator();
  const std::uint64_t r = (n + kUniformOffset) * ((2 * n) + 3);
  return static_cast<double>(r) / static_cast<double>(UINT64_MAX);
}

// One turn (§5, §6): state -> next.
void Engine::turn(const State& state, const Derived& derived, State& next, Turn& turn,
                  std::mt19937_64& generator) const {
  std::vector<std::vector<Bargain>>& by_initiator = scratch_.by_initiator;
  parallel_for(threads(), n_, [&](std::size_t i) { initiate(state, derived, i); });
  // Each actor's queue: the bargains it is party to, in bargain order, after its status quo.
  std::vector<std::size_t>& start = scratch_.queue_start;
  start.assign(n_ + 1, 0);
  for (const auto& bargains : by_initiator) {
    for (const auto& bargain : bargains) {
      ++start[bargain.initiator + 1];
      ++start[bargain.receiver + 1];
    }
  }
  for (std::size_t k = 0; k < n_; ++k) start[k + 1] += start[k];
  const std::size_t count = start[n_] / 2;  // each bargain stands in two queues
  std::vector<std::size_t>& entries = scratch_.queue_entries;
  entries.resize(start[n_]);
  turn.dimensions = d_;
  turn.bargains.clear();
  turn.points.resize(2 * count * d_);
  for (std::size_t i = 0; i < n_; ++i) {
    const double* points = scratch_.initiator_points.data() + i * 4 * d_;
    for (const Bargain& bargain : by_initiator[i]) {
      entries[start[bargain.initiator]++] = turn.bargains.size();  // start[k] runs to k's end ...
      entries[start[bargain.receiver]++] = turn.bargains.size();
      std::copy_n(points, 2 * d_, turn.points.begin() + static_cast<std::ptrdiff_t>(2 * turn.bargains.size() * d_));
      points += 2 * d_;
      turn.bargains.push_back(bargain);
    }
  }
  for (std::size_t k = n_; k > 0; --k) start[k] = start[k - 1];  // ... and back to its beginning
  start[0] = 0;
  const auto queue = [&](std::size_t k) {
    return std::span<const std::size_t>(entries.data() + start[k], start[k + 1] - start[k]);
  };
  bargain_values(state, derived, turn);
  const std::vector<double>& values = scratch_.bargain_values;
  std::vector<double>& status_quo = scratch_.status_quo;
  status_quo.assign(n_, 0.0);
  for (std::size_t a = 0; a < n_; ++a) {
    double v = 0.0;
    for (std::size_t m = 0; m < n_; ++m) v = v + derived.own[a * n_ + m];
    status_quo[a] = check_entry(v / static_cast<double>(n_));
  }
  // k's election values: its status quo's, then its entries', n each, from (start[k] + k) * n.
  std::vector<double>& value = scratch_.queue_values;
  value.resize((entries.size() + n_) * n_);
  std::vector<std::vector<double>>& probabilities = scratch_.queue_probabilities;
  parallel_for(threads(), n_, [&](std::size_t k) {
    const std::span<const std::size_t> mine = queue(k);
    const auto first = value.begin() + static_cast<std::ptrdiff_t>((start[k] + k) * n_);
    std::copy(status_quo.begin(), status_quo.end(), first);
    for (std::size_t e = 0; e < mine.size(); ++e) {
      std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(mine[e] * n_), n_,
                  first + static_cast<std::ptrdiff_t>((e + 1) * n_));
    }
    // With issue capabilities, an entry stands where k would: its position, or its side of the bargain.
    PairWeights pairs;
    const PairWeights* weights = nullptr;
    if (!in_.issue_capability.empty()) {
      std::vector<double>& points = scratch_.queue_points[k];
      points.resize((mine.size() + 1) * d_);
      std::copy_n(state.position.begin() + static_cast<std::ptrdiff_t>(k * d_), d_, points.begin());
      for (std::size_t e = 0; e < mine.size(); ++e) {
        const bool initiator = turn.bargains[mine[e]].initiator == k;
        const std::span<const double> point = initiator ? turn.initiator_point(mine[e]) : turn.receiver_point(mine[e]);
        std::copy(point.begin(), point.end(), points.begin() + static_cast<std::ptrdiff_t>((e + 1) * d_));
      }
      weights = pair_weights(points, pairs);
    }
    election(rules_, in_.capability, std::span<const double>(&*first, (mine.size() + 1) * n_), mine.size() + 1,
             scratch_.queue_elections[k], probabilities[k], 1, CoalitionLoop::automatic, weights);
  });
  next.position = state.position;
  turn.status_quo.assign(n_, 0.0);
  for (std::size_t k = 0; k < n_; ++k) {
    const std::vector<double>& p = probabilities[k];
    const std::size_t chosen = choose(p, generator);
    turn.status_quo[k] = p[0];
    const std::span<const std::size_t> mine = queue(k);
    for (std::size_t e = 0; e < mine.size(); ++e) {
      Bargain& bargain = turn.bargains[mine[e]];
      const bool initiator = bargain.initiator == k;
      (initiator ? bargain.initiator_queue_probability : bargain.receiver_queue_probability) = p[e + 1];
      if (chosen != e + 1) continue;
      (initiator ? bargain.initiator_moved : bargain.receiver_moved) = true;
      const std::span<const double> point = initiator ? turn.initiator_point(mine[e]) : turn.receiver_point(mine[e]);
      std::copy(point.begin(), point.end(), next.position.begin() + static_cast<std::ptrdiff_t>(k * d_));
    }
  }
  ideals(state, next);
}

std::size_t Engine::choose(const std::vector<double>& p, std::mt19937_64& generator) const {
  if (settings_.transitions == StateTransitions::Stochastic) {
    const double u = next_uniform(generator);
    double s = 0.0;
    for (std::size_t e = 0; e < p.size(); ++e) {
      s = s + p[e];
      if (u <= s) return e;
    }
    return p.size() - 1;
  }
  std::size_t best = 0;
  for (std::size_t e = 1; e < p.size(); ++e) {
    if (p[e] > p[best]) best = e;
  }
  return best;
}

}  // namespace parley::models::smp

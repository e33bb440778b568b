#pragma once
// The pending candidates of §3.9 in the order Decide's selection loop keeps them — without
// re-sorting the whole list after every realisation.
//
// Decide stable-sorts the list by gain before every pick, so candidates with equal gains keep the
// order the list had before the sort. Each candidate here carries a label that orders it within its
// gain: the list is the order of (gain descending, label ascending), and a max-heap on that key
// gives the picks. When a candidate's gain changes from g' to g, the stable sort puts it
//   - before every candidate that already had gain g, if g' > g (it stood ahead of them);
//   - after every one of them, if g' < g (it stood behind them);
//   - where it was among them, if g' equals g (within the tie tolerance);
// and candidates changed in the same realisation keep their previous order among themselves. So a
// new label is a fresh low number (front), a fresh high number (back), or the old one — no other
// candidate needs relabelling. A change costs O(log n); stale heap entries are skipped lazily.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace parley::models::exchange {

class GainOrder {
 public:
  // Gains within this relative distance are equal (rule D1).
  explicit GainOrder(double tie) : tie_(tie), less_{tie} {}

  // The initial list: `indices` in list order, with their gains (then stable-sorted by gain). Any
  // earlier list is forgotten; its memory is kept.
  void assign(const std::vector<std::size_t>& indices, const std::vector<double>& gains, std::size_t capacity) {
    state_.assign(capacity, State{});
    heap_.clear();
    for (std::size_t k = 0; k < indices.size(); ++k) {
      State& state = state_[indices[k]];
      state = {gains[k], static_cast<double>(k), 0, true};
      push({state.gain, state.label, indices[k], 0});
    }
    back_ = static_cast<double>(indices.size());
    front_ = -1.0;
  }

  [[nodiscard]] bool empty() {
    drop_stale();
    return heap_.empty();
  }

  [[nodiscard]] bool contains(std::size_t index) const { return state_[index].alive; }
  [[nodiscard]] double gain(std::size_t index) const { return state_[index].gain; }

  // Removes the candidate at the top and returns it; with `choose`, removes one of the candidates
  // tied at the top instead, the one `choose(count)` (in [0, count)) names.
  template <typename Choose>
  std::size_t take(Choose choose) {
    drop_stale();
    std::vector<Item>& tied = tied_;
    tied.assign(1, heap_.front());
    pop();
    for (drop_stale(); !heap_.empty() && !greater(tied.front().gain, heap_.front().gain); drop_stale()) {
      tied.push_back(heap_.front());
      pop();
    }
    const std::size_t pick = choose(tied.size());
    for (std::size_t k = 0; k < tied.size(); ++k) {
      if (k != pick) push(tied[k]);
    }
    const std::size_t index = tied[pick].index;
    state_[index].alive = false;
    return index;
  }
  std::size_t take() {
    drop_stale();
    const std::size_t index = heap_.front().index;
    pop();
    state_[index].alive = false;
    return index;
  }

  void remove(std::size_t index) { state_[index].alive = false; }

  // Candidates whose gains one realisation changed: `changes[k] = {index, new gain}`, any order.
  void change(std::vector<std::pair<std::size_t, double>>& changes) {
    // Their previous order in the list: (old gain descending, old label ascending).
    std::sort(changes.begin(), changes.end(), [&](const auto& a, const auto& b) {
      return before(state_[a.first].gain, state_[a.first].label, state_[b.first].gain, state_[b.first].label);
    });
    std::size_t fronts = 0;
    for (const auto& [index, gain] : changes) fronts += greater(state_[index].gain, gain) ? 1U : 0U;
    double front = front_ - static_cast<double>(fronts) + 1.0;  // the earliest gets the lowest label
    front_ -= static_cast<double>(fronts);
    for (const auto& [index, gain] : changes) {
      State& state = state_[index];
      if (gain == state.gain) continue;  // the stable sort leaves it where it was
      if (greater(state.gain, gain)) {
        state.label = front;
        front += 1.0;
      } else if (greater(gain, state.gain)) {
        back_ += 1.0;
        state.label = back_;
      }
      state.gain = gain;
      ++state.version;
      push({state.gain, state.label, index, state.version});
    }
  }

 private:
  struct State {
    double gain = 0.0;
    double label = 0.0;
    std::uint32_t version = 0;
    bool alive = false;
  };

  struct Item {
    double gain = 0.0;
    double label = 0.0;
    std::size_t index = 0;
    std::uint32_t version = 0;
  };

  static bool greater(double a, double b, double tie) {
    if (std::fabs(a - b) <= tie * std::max(std::fabs(a), std::fabs(b))) return false;
    return a > b;
  }
  [[nodiscard]] bool greater(double a, double b) const { return greater(a, b, tie_); }

  // Whether (gain a, label a) comes before (gain b, label b) in the list.
  [[nodiscard]] bool before(double gain_a, double label_a, double gain_b, double label_b) const {
    if (greater(gain_a, gain_b)) return true;
    if (greater(gain_b, gain_a)) return false;
    return label_a < label_b;
  }

  struct HeapLess {  // "a comes after b": the heap's top is the first of the list
    double tie;
    bool operator()(const Item& a, const Item& b) const {
      if (greater(b.gain, a.gain, tie)) return true;
      if (greater(a.gain, b.gain, tie)) return false;
      return a.label > b.label;
    }
  };

  // The heap as std::priority_queue keeps it (the same calls, hence the same order), on a vector
  // whose memory outlives the list.
  void push(const Item& item) {
    heap_.push_back(item);
    std::push_heap(heap_.begin(), heap_.end(), less_);
  }
  void pop() {
    std::pop_heap(heap_.begin(), heap_.end(), less_);
    heap_.pop_back();
  }

  void drop_stale() {
    while (!heap_.empty()) {
      const Item& top = heap_.front();
      const State& state = state_[top.index];
      if (state.alive && state.version == top.version) return;
      pop();
    }
  }

  double tie_;
  HeapLess less_;
  std::vector<Item> heap_;
  std::vector<Item> tied_;  // take()'s scratch
  std::vector<State> state_;
  double front_ = -1.0;
  double back_ = 0.0;
};

}  // namespace parley::models::exchange

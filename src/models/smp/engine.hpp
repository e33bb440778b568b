#pragma once
// KTAB's spatial model of politics on the unit cube: states, challenges, bargains, queues and the
// stopping rule (spec §4–§10), every formula in KTAB's order of floating-point operations.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/smp/options.hpp"

namespace parley::models::smp {

// The model's input, already on [0, 1] (spec §1). Matrices are row-major.
struct Input {
  std::size_t actors = 0;
  std::size_t dimensions = 0;
  std::vector<double> capability;     // [actor]
  std::vector<double> salience;       // [actor * dimensions + k], each in [0, 1], row sums <= 1
  std::vector<double> position;       // [actor * dimensions + k]
  std::vector<double> accommodation;  // [actor * actors + j]; empty: the identity (ideals = positions)
  std::vector<std::string> names;     // for messages; may be empty
};

struct State {
  std::vector<double> position;     // x: [actor * dimensions + k]
  std::vector<double> ideal;        // y
  std::vector<double> risk;         // R_i (spec §3.5)
  std::vector<double> probability;  // the reported probability of each actor's position (spec §8)
  // The distinct positions (§8: within 1e-3 of each other): each group's first actor, and the
  // probability that the group's position prevails.
  std::vector<std::size_t> representative;
  std::vector<double> group_probability;
};

// One bargain of a turn, with how the two queues it stood in decided.
struct Bargain {
  std::size_t initiator = 0;
  std::size_t receiver = 0;
  int view = 0;              // 0: the initiator's interpolation; 1: the receiver's; 2: their weighted mix (§10.8)
  double gain = 0.0;         // the initiator's expected gain from the challenge (§6.2)
  double probability = 0.0;  // the initiator's estimate that it beats the receiver
  std::vector<double> initiator_point;       // b_i
  std::vector<double> receiver_point;        // b_j
  double initiator_queue_probability = 0.0;  // this entry's probability in the initiator's queue election
  double receiver_queue_probability = 0.0;
  bool initiator_moved = false;  // the entry won in the initiator's queue
  bool receiver_moved = false;
};

struct Turn {
  std::vector<Bargain> bargains;   // in queue order: by initiator, then view
  std::vector<double> status_quo;  // [actor]: the probability of its status-quo entry in its queue
};

enum class Ending {
  converged,       // movement fell below the stopping rule's ratio
  max_iterations,  // ran max_iterations turns
  degenerate,      // distinct positions, all equally likely: risk attitudes undefined (NaN), nobody moves
};

struct Result {
  std::vector<State> states;  // states[0] is the input
  std::vector<Turn> turns;    // turns[t] turns state t into state t + 1
  Ending ending = Ending::converged;
};

struct Options {
  Settings settings;
  std::uint64_t seed = 0;  // the Mersenne Twister's seed for stochastic transitions
  unsigned threads = 1;
  // Weigh every challenge in index order, as KTAB does, instead of stopping once no target can beat
  // the best so far. Same results; for tests.
  bool exhaustive = false;
};

// What a run keeps from turn to turn, and Monte Carlo from sample to sample (RunContext::scratch):
// memory only, so that a warm run allocates little. Results never depend on what it held before.
struct Scratch {
  // Per initiator i, for initiate() (tasks of one turn may run on several threads, each on its own i):
  std::vector<double> columns;                          // [i][3][n]: its utility columns at_i, at_j, own
  std::vector<std::pair<double, std::size_t>> targets;  // [i][n]: its targets with their bounds
  std::vector<double> views;                            // [i][4][d]: the two views' points of a mixed bargain
  // Per turn: the bargains of each initiator (at most two), each actor's queue and its entries' values.
  std::vector<std::vector<Bargain>> by_initiator;
  std::vector<std::size_t> queue_start;                 // [k]: where k's queue starts in queue_entries; [n]: end
  std::vector<std::size_t> queue_entries;               // bargain indices, queue by queue
  std::vector<double> queue_values;                     // [k]: (entries + 1) × n values from queue_start[k] + k
};

// Runs the model to its stopping rule. Throws UnsolvableError where KTAB aborts the run (spec §12),
// with KTAB's reason.
[[nodiscard]] Result run(const Input& input, const Options& options, Scratch& scratch);
[[nodiscard]] Result run(const Input& input, const Options& options);

}  // namespace parley::models::smp

#pragma once
// KTAB's spatial model of politics on the unit cube: states, challenges, bargains, queues and the
// stopping rule (spec §4–§10), every formula in KTAB's order of floating-point operations.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "models/smp/election.hpp"
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
  // Issue capabilities (a parley extension; PairWeights): [actor * dimensions + k]. Empty: each actor's
  // one capability counts in every contest, as in KTAB.
  std::vector<double> issue_capability;
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

// One bargain of a turn, with how the two queues it stood in decided. Its two points are its turn's
// (Turn::initiator_point, Turn::receiver_point).
struct Bargain {
  std::size_t initiator = 0;
  std::size_t receiver = 0;
  int view = 0;              // 0: the initiator's interpolation; 1: the receiver's; 2: their weighted mix (§10.8)
  double gain = 0.0;         // the initiator's expected gain from the challenge (§6.2)
  double probability = 0.0;  // the initiator's estimate that it beats the receiver
  double initiator_queue_probability = 0.0;  // this entry's probability in the initiator's queue election
  double receiver_queue_probability = 0.0;
  bool initiator_moved = false;  // the entry won in the initiator's queue
  bool receiver_moved = false;
};

struct Turn {
  std::size_t dimensions = 0;
  std::vector<Bargain> bargains;   // in queue order: by initiator, then view
  std::vector<double> points;      // [bargain][2][dimension]: each bargain's b_i, then its b_j
  std::vector<double> status_quo;  // [actor]: the probability of its status-quo entry in its queue

  // Bargain b's point for its initiator (b_i) and for its receiver (b_j).
  [[nodiscard]] std::span<const double> initiator_point(std::size_t b) const {
    return {points.data() + 2 * b * dimensions, dimensions};
  }
  [[nodiscard]] std::span<const double> receiver_point(std::size_t b) const {
    return {points.data() + (2 * b + 1) * dimensions, dimensions};
  }
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

// What a state's setup derives (§4), kept only while the state is current.
struct Derived {
  std::vector<double> distance_to;  // [j * n + i] = dist_i(x_j): from i's ideal to j's position
  std::vector<double> estimate;     // [h * n + i] = R^h_i, h's estimate of i's risk attitude
  std::vector<double> own;          // [a * n + m] = U^a[a][m], a's own view of m's position
};

// What a run keeps from turn to turn, and Monte Carlo from sample to sample (RunContext::scratch):
// memory only, so that a warm run allocates nothing. Results never depend on what it held before.
struct Scratch {
  // Per actor: S_i, Σ_k s_ik² and S_i c_i.
  std::vector<double> total_salience;
  std::vector<double> salience_squares;
  std::vector<double> weight;
  // The current state's setup, and its elections' work: the risk-neutral values, the groups' values.
  Derived derived;
  std::vector<double> neutral;
  std::vector<double> neutral_probability;
  std::vector<double> group_values;
  ElectionScratch setup_election;
  // Per initiator i, for initiate() (tasks of one turn may run on several threads, each on its own i):
  std::vector<double> columns;                          // [i][3][n]: its utility columns at_i, at_j, own
  std::vector<std::pair<double, std::size_t>> targets;  // [i][n]: its targets with their bounds
  std::vector<double> views;                            // [i][4][d]: the two views' points of a mixed bargain
  // Per turn: the bargains of each initiator (at most two) and their points ([i][2][2][d]), each
  // actor's queue, its entries' values, its election's work and result.
  std::vector<std::vector<Bargain>> by_initiator;
  std::vector<double> initiator_points;
  std::vector<std::size_t> queue_start;                 // [k]: where k's queue starts in queue_entries; [n]: end
  std::vector<std::size_t> queue_entries;               // bargain indices, queue by queue
  std::vector<double> queue_values;                     // [k]: (entries + 1) × n values from queue_start[k] + k
  std::vector<double> bargain_values;                   // [bargain][voter]
  std::vector<double> status_quo;                       // [voter]
  std::vector<ElectionScratch> queue_elections;         // [k]
  std::vector<std::vector<double>> queue_probabilities;  // [k]
  std::vector<double> accommodated;                     // [d]: ideals()'s sum
  // With issue capabilities: each initiator's challenge weights ([i][n]), the groups' points and each
  // queue's points (where its owner would stand after each entry).
  std::vector<double> challenge_weights;
  std::vector<double> group_points;
  std::vector<std::vector<double>> queue_points;
  // States and turns of earlier runs, their memory kept for the next run's.
  std::vector<State> spare_states;
  std::vector<Turn> spare_turns;
};

// Runs the model to its stopping rule. Throws UnsolvableError where KTAB aborts the run (spec §12),
// with KTAB's reason. The first form reuses `result`'s memory (and the scratch's).
void run(const Input& input, const Options& options, Scratch& scratch, Result& result);
[[nodiscard]] Result run(const Input& input, const Options& options, Scratch& scratch);
[[nodiscard]] Result run(const Input& input, const Options& options);

}  // namespace parley::models::smp

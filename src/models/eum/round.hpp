#pragma once
// One round of the expected-utility model on one issue (spec (d)–(g)): risk exponents from the
// danger each actor faces, then offers and simultaneous moves.

#include <cstddef>
#include <span>
#include <vector>

#include "models/eum/options.hpp"
#include "models/eum/probability.hpp"

namespace parley::models::eum {

// What does not change from round to round.
struct Actors {
  std::vector<double> salience;
  std::vector<double> weight;  // c·s
  double delta = 1.0;          // Δ > 0
};

enum class MoveType { confrontation, compromise, capitulation };

[[nodiscard]] const char* to_string(MoveType type);

// `actor` moves to `position` in answer to `counterpart`. eu_actor is the actor's expected utility of
// challenging the counterpart, eu_counterpart the counterpart's of challenging the actor (for the
// receiver protocol both as the actor estimates them: Scholz's e_ij and e_ji).
struct Move {
  std::size_t actor = 0;
  std::size_t counterpart = 0;
  MoveType type = MoveType::confrontation;
  double eu_actor = 0.0;
  double eu_counterpart = 0.0;
  double position = 0.0;
};

struct Round {
  std::vector<double> risk;       // r_i used in this round
  std::vector<double> positions;  // after the round's moves
  std::vector<Move> moves;        // by moving actor, in input order
  std::vector<Move> offers;       // with options.log_offers: every offer weighed, by receiver then counterpart
  bool flat_danger = false;       // every danger level was equal
  bool undefined = false;         // ... and options.flat_danger_fails: no result
};

// What rounds keep from one to the next: the vote tables and the rows they fill, so that a run, and
// Monte Carlo's samples, allocate nothing once warm. Holds no result.
struct RoundScratch {
  WinProbabilities risk_votes;  // the risk pass's (every exponent 1)
  WinProbabilities votes;       // the moves'
  std::vector<double> ones;
  std::vector<double> danger;
  std::vector<double> from;  // P_kj of one row
  std::vector<double> to;    // P_jk
  std::vector<double> status_quo;  // U_sq of each actor's exponent this round
  std::vector<std::size_t> order;  // the weighted median's
};

// Plays one round from `positions` (the start of the round) into `round`, reusing its memory.
void play_round(const Options& options, const Actors& actors, std::span<const double> positions,
                RoundScratch& scratch, Round& round);
[[nodiscard]] Round play_round(const Options& options, const Actors& actors, std::span<const double> positions);

// Pieces of the round, exposed for tests.
struct Utilities {
  double success = 0.0;
  double failure = 0.0;
  double status_quo = 0.0;
};
[[nodiscard]] Utilities basic_utilities(double distance, double r);

}  // namespace parley::models::eum

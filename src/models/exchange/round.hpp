#pragma once
// One round of Stokman & van Oosten's exchange model, equal-gain variant, as Decide computes it
// (../shared/models/exchange.md §3): candidate exchanges between pairs of actors across pairs of
// issues, realised greedily by gain, each realisation updating the candidates it touches.
// Everything is on the normalised 0–100 scale.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "models/exchange/options.hpp"

namespace parley::models::exchange {

// The actors' constant data: dense [actor][issue] arrays; `data` lists, per issue, the actors with
// data on it in data order.
struct Data {
  std::size_t actors = 0;
  std::size_t issues = 0;
  std::vector<char> has;  // has[a * issues + i]
  std::vector<double> salience;
  std::vector<double> power;
  std::vector<std::vector<std::size_t>> data;  // per issue
  std::vector<double> total;                   // D_i = Σ s·c in data order
  // hostile[a * actors + b]: a and b do not trade (Settings::min_affinity); empty: every pair may.
  std::vector<char> hostile;

  [[nodiscard]] std::size_t at(std::size_t actor, std::size_t issue) const { return actor * issues + issue; }
  [[nodiscard]] bool takes_part(std::size_t actor, std::size_t issue) const { return has[at(actor, issue)] != 0; }
  [[nodiscard]] bool may_trade(std::size_t a, std::size_t b) const {
    return hostile.empty() || hostile[a * actors + b] == 0;
  }
};

// One side of a realised exchange, as reported.
struct SideRecord {
  std::size_t actor = 0;
  std::size_t supply = 0;
  std::size_t demand = 0;
  double start = 0.0;  // the supply position at realisation
  double move = 0.0;
  double vote = 0.0;
};

struct ExchangeRecord {
  double gain = 0.0;
  SideRecord i;  // side I: supplies the later issue of the pair
  SideRecord j;
};

struct RoundResult {
  std::size_t candidates = 0;  // created, counting those invalid from the start
  std::vector<ExchangeRecord> exchanges;
  std::vector<double> start_forecast;   // per issue: the MDS of the start positions
  std::vector<double> voting;           // [actor][issue]
  std::vector<double> voting_forecast;  // per issue
  std::vector<double> next;             // [actor][issue]: next round's start positions
};

// The weighted mean Σ (x·s)·c / D_i of `positions` ([actor][issue]) on each issue, in data order.
[[nodiscard]] std::vector<double> mds(const Data& data, const std::vector<double>& positions);
void mds(const Data& data, const std::vector<double>& positions, std::vector<double>& forecast);

class RoundPlay;  // round.cpp

// What rounds keep from one to the next: the candidates, their histories and indexes, so that the
// rounds of a run, and the runs of Monte Carlo's samples, allocate nothing once warm. Holds no
// result: any round may be played with any scratch.
class RoundScratch {
 public:
  RoundScratch();
  ~RoundScratch();
  RoundScratch(const RoundScratch&) = delete;
  RoundScratch& operator=(const RoundScratch&) = delete;
  [[nodiscard]] RoundPlay& play() { return *play_; }

 private:
  std::unique_ptr<RoundPlay> play_;
};

// Plays one round from `start` ([actor][issue], normalised) into `result`, reusing its memory.
// `seed` and `round` feed ties=random.
void play_round(const Data& data, const Settings& settings, const std::vector<double>& start, std::uint64_t seed,
                std::uint64_t round, RoundScratch& scratch, RoundResult& result);
[[nodiscard]] RoundResult play_round(const Data& data, const Settings& settings, const std::vector<double>& start,
                                     std::uint64_t seed, std::uint64_t round);

}  // namespace parley::models::exchange

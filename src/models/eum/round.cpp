#include "models/eum/round.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/weighted.hpp"
#include "models/eum/probability.hpp"

namespace parley::models::eum {
namespace {

// U_sq of spec (d) for exponent r: the same for every counterpart, so computed once per actor and round.
double status_quo_utility(double r) {
  return r == 1.0 ? 0.0 : 2.0 - 4.0 * std::pow(0.5, r);
}

// basic_utilities with U_sq given (status_quo_utility(r)).
Utilities utilities(double distance, double r, double status_quo) {
  if (r == 1.0) return {2.0 - 4.0 * (0.5 - 0.5 * distance), 2.0 - 4.0 * (0.5 + 0.5 * distance), 0.0};
  return {2.0 - 4.0 * std::pow(0.5 - 0.5 * distance, r), 2.0 - 4.0 * std::pow(0.5 + 0.5 * distance, r), status_quo};
}

// (1 − Q)[T U_b + (1 − T) U_w] of spec (d)–(e); 0 at Q = 1 (the replications' setting).
double change_term(const Options& options, double distance, double mu_distance, double r) {
  if (options.q >= 1.0) return 0.0;
  const double shift = 0.25 * (mu_distance + distance);
  const double better = 2.0 - 4.0 * std::pow(std::max(0.0, 0.5 - shift), r);
  const double worse = 2.0 - 4.0 * std::pow(0.5 + shift, r);
  return (1.0 - options.q) * (options.t * better + (1.0 - options.t) * worse);
}

// E(a→b | r), spec (e): `target_salience` is s_b, `p` is P_ab, `u` the utilities of the pair at r.
double expected_utility(const Options& options, double target_salience, double p, const Utilities& u, double change) {
  const double contest =
      target_salience * (p * u.success + (1.0 - p) * u.failure) + (1.0 - target_salience) * u.success;
  const double status_quo = contest - options.q * u.status_quo;
  return options.q_sign_slip ? status_quo + change : status_quo - change;
}

// The weighted median (lower) or mean of the start-of-round positions: μ of U_b and U_w.
double mu_of(const Actors& actors, std::span<const double> positions, bool mean, std::vector<std::size_t>& order) {
  const auto value = mean ? weighted_mean(positions, actors.weight)
                          : weighted_median(positions, actors.weight, MedianTie::lower, order);
  return value.value_or(0.0);
}

// Spec (f): r_i from the danger D_i = Σ_{j≠i} E(j→i | 1) each actor faces, into round.risk.
void risk_exponents(const Options& options, const Actors& actors, std::span<const double> x, RoundScratch& scratch,
                    Round& round) {
  const std::size_t n = x.size();
  scratch.ones.assign(n, 1.0);
  WinProbabilities& p = scratch.risk_votes;
  p.assign(options.probability, x, actors.weight, scratch.ones, actors.delta);
  const double mu = options.q < 1.0 ? mu_of(actors, x, false, scratch.order) : 0.0;
  std::vector<double>& danger = scratch.danger;
  danger.assign(n, 0.0);
  std::vector<double>& from_k = scratch.from;
  std::vector<double>& to_k = scratch.to;
  from_k.resize(n);
  to_k.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    p.row(k, from_k, to_k);
    for (std::size_t j = 0; j < n; ++j) {
      if (j == k) continue;
      const double distance = std::fabs(x[j] - x[k]) / actors.delta;
      const Utilities u = basic_utilities(distance, 1.0);
      const double change = change_term(options, distance, std::fabs(x[j] - mu) / actors.delta, 1.0);
      danger[k] += expected_utility(options, actors.salience[k], to_k[j], u, change);
    }
  }
  const auto [low, high] = std::minmax_element(danger.begin(), danger.end());
  std::vector<double>& r = round.risk;
  r.assign(n, 1.0);
  if (*high == *low) {
    round.flat_danger = true;
    round.undefined = options.flat_danger_fails;
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double relative = (2.0 * danger[i] - *high - *low) / (*high - *low);
    r[i] = (1.0 - relative / 3.0) / (1.0 + relative / 3.0);
  }
}

// The best candidate of one kind: replaced only on a strict improvement, so ties keep the earliest.
struct Best {
  bool found = false;
  double key = 0.0;
  Move move;

  void offer(double candidate_key, const Move& candidate) {
    if (!found || candidate_key < key) {
      found = true;
      key = candidate_key;
      move = candidate;
    }
  }
};

// Spec (g), Scholz: each actor i weighs every counterpart j, estimating both expected utilities
// with its own exponent, and makes at most one move.
void receiver_moves(const Options& options, const Actors& actors, std::span<const double> x, const WinProbabilities& p,
                    const std::vector<double>& r, double mu, RoundScratch& scratch, Round& round) {
  const std::size_t n = x.size();
  const std::vector<double>& sq = scratch.status_quo;
  std::vector<double>& from_i = scratch.from;
  std::vector<double>& to_i = scratch.to;
  from_i.resize(n);
  to_i.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    p.row(i, from_i, to_i);
    Best confrontation;
    Best compromise;
    Best capitulation;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i || x[j] == x[i]) continue;
      const double distance = std::fabs(x[i] - x[j]) / actors.delta;
      const Utilities u = utilities(distance, r[i], sq[i]);
      const double e_ij = expected_utility(options, actors.salience[j], from_i[j], u,
                                           change_term(options, distance, std::fabs(x[i] - mu) / actors.delta, r[i]));
      const double e_ji = expected_utility(options, actors.salience[i], to_i[j], u,
                                           change_term(options, distance, std::fabs(x[j] - mu) / actors.delta, r[i]));
      const double gap = std::fabs(x[j] - x[i]);
      Move move{i, j, MoveType::confrontation, e_ij, e_ji, x[j]};
      if (e_ji > e_ij && e_ij > 0.0) {
        confrontation.offer(gap, move);
      } else if (e_ji > 0.0 && e_ij < 0.0 && e_ji > std::fabs(e_ij)) {
        move.type = MoveType::compromise;
        move.position = x[i] + (x[j] - x[i]) * std::fabs(e_ij) / e_ji;
        const double key = options.compromise_choice == CompromiseChoice::position_value
                               ? (std::fabs(e_ij) * x[i] + std::fabs(e_ji) * x[j]) / (std::fabs(e_ij) + std::fabs(e_ji))
                               : gap * std::fabs(e_ij) / e_ji;
        compromise.offer(key, move);
      } else if (options.capitulation && e_ji > 0.0 && e_ij < 0.0 && e_ji < std::fabs(e_ij)) {
        move.type = MoveType::capitulation;
        capitulation.offer(gap, move);
      } else {
        continue;  // no offer
      }
      if (options.log_offers) round.offers.push_back(move);
    }
    if (confrontation.found) {
      round.moves.push_back(confrontation.move);
    } else if (compromise.found) {
      round.moves.push_back(compromise.move);
    } else if (capitulation.found) {
      round.moves.push_back(capitulation.move);
    }
  }
}

// The offer of i to j (challenger protocol), with what j would make of it were it the one kept.
void log_offer(const Options& options, const Actors& actors, std::span<const double> x, const std::vector<double>& r,
               const std::vector<double>& sq, double mu, double p_ji, std::size_t i, std::size_t j, double u,
               Round& round) {
  const double distance = std::fabs(x[i] - x[j]) / actors.delta;
  const double own = expected_utility(options, actors.salience[i], p_ji, utilities(distance, r[j], sq[j]),
                                      change_term(options, distance, std::fabs(x[j] - mu) / actors.delta, r[j]));
  Move offer{j, i, MoveType::confrontation, own, u, x[i]};
  if (own < 0.0 && std::fabs(own) < u) {
    offer.type = MoveType::compromise;
    offer.position = x[j] + (x[i] - x[j]) * std::fabs(own) / u;
  } else if (own < 0.0) {
    offer.type = MoveType::capitulation;
  }
  round.offers.push_back(offer);
}

// Spec (g), Masad: every i with u_ij = E(i→j | r_i) > 0 sends j an offer; j answers the strongest.
void challenger_moves(const Options& options, const Actors& actors, std::span<const double> x,
                      const WinProbabilities& p, const std::vector<double>& r, double mu, RoundScratch& scratch,
                      Round& round) {
  const std::size_t n = x.size();
  const std::vector<double>& sq = scratch.status_quo;
  std::vector<double>& from_j = scratch.from;
  std::vector<double>& to_j = scratch.to;
  from_j.resize(n);
  to_j.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    p.row(j, from_j, to_j);
    bool found = false;
    std::size_t sender = 0;
    double strongest = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i == j) continue;
      const double distance = std::fabs(x[i] - x[j]) / actors.delta;
      const double u = expected_utility(options, actors.salience[j], to_j[i], utilities(distance, r[i], sq[i]),
                                        change_term(options, distance, std::fabs(x[i] - mu) / actors.delta, r[i]));
      if (u <= 0.0) continue;
      if (options.log_offers) log_offer(options, actors, x, r, sq, mu, from_j[i], i, j, u, round);
      const bool better =
          !found || u > strongest || (u == strongest && std::fabs(x[i] - x[j]) < std::fabs(x[sender] - x[j]));
      if (better) {
        found = true;
        sender = i;
        strongest = u;
      }
    }
    if (!found) continue;
    const std::size_t i = sender;
    const double distance = std::fabs(x[i] - x[j]) / actors.delta;
    const double own = expected_utility(options, actors.salience[i], from_j[i], utilities(distance, r[j], sq[j]),
                                        change_term(options, distance, std::fabs(x[j] - mu) / actors.delta, r[j]));
    Move move{j, i, MoveType::confrontation, own, strongest, x[i]};
    if (own > 0.0 && own < strongest) {
      round.moves.push_back(move);
    } else if (own < 0.0 && std::fabs(own) < strongest) {
      move.type = MoveType::compromise;
      move.position = x[j] + (x[i] - x[j]) * std::fabs(own) / strongest;
      round.moves.push_back(move);
    } else if (options.capitulation && own < 0.0 && std::fabs(own) > strongest) {
      move.type = MoveType::capitulation;
      round.moves.push_back(move);
    }
  }
}

}  // namespace

const char* to_string(MoveType type) {
  switch (type) {
    case MoveType::confrontation:
      return "confrontation";
    case MoveType::compromise:
      return "compromise";
    case MoveType::capitulation:
      return "capitulation";
  }
  return "confrontation";
}

Utilities basic_utilities(double distance, double r) {
  // pow(v, 1) is v exactly: the risk pass needs no pow.
  return utilities(distance, r, status_quo_utility(r));
}

void play_round(const Options& options, const Actors& actors, std::span<const double> positions,
                RoundScratch& scratch, Round& round) {
  round.positions.assign(positions.begin(), positions.end());
  round.moves.clear();
  round.offers.clear();
  round.flat_danger = false;
  round.undefined = false;
  risk_exponents(options, actors, positions, scratch, round);
  if (round.undefined) return;
  scratch.status_quo.resize(round.risk.size());
  for (std::size_t k = 0; k < round.risk.size(); ++k) scratch.status_quo[k] = status_quo_utility(round.risk[k]);
  WinProbabilities& p = scratch.votes;
  p.assign(options.probability, positions, actors.weight, round.risk, actors.delta);
  const double mu = options.q < 1.0 ? mu_of(actors, positions, options.offer_mu_is_mean, scratch.order) : 0.0;
  if (options.protocol == Protocol::receiver) {
    receiver_moves(options, actors, positions, p, round.risk, mu, scratch, round);
  } else {
    challenger_moves(options, actors, positions, p, round.risk, mu, scratch, round);
  }
  for (const Move& move : round.moves) round.positions[move.actor] = move.position;  // simultaneous
}

Round play_round(const Options& options, const Actors& actors, std::span<const double> positions) {
  RoundScratch scratch;
  Round round;
  play_round(options, actors, positions, scratch, round);
  return round;
}

}  // namespace parley::models::eum

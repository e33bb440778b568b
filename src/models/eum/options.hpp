#pragma once
// The options of the expected-utility model: a variant (the published replication it follows) and
// one named switch per difference between them, so that every quirk can be turned on or off alone.
// docs/models/eum.md explains each.

#include <optional>
#include <vector>

#include "core/parameter_table.hpp"

namespace parley::models::eum {

enum class Variant { textbook, scholz2011, masad2014 };

// Who decides a move: the receiver weighing every counterpart (Scholz), or each challenger sending
// offers of which the receiver keeps the strongest (Masad).
enum class Protocol { receiver, challenger };

// P_ij, spec (c). all_pairs: Scholz's sum over all pairs of actors as denominator; pairwise: the
// textbook ratio of i's support to the support of both; linear: Masad's linear votes.
enum class Probability { all_pairs, pairwise, linear };

// Among several compromises (receiver protocol): Scholz's smallest weighted position value, or the
// one that moves the receiver least.
enum class CompromiseChoice { position_value, nearest };

// Δ, the length positions are measured against: the range of the initial positions, or the
// issue's scale.
enum class Range { positions, scale };

enum class Forecast { median, mean };

// The switches that are yes/no in Options, as users name their two sides.
enum class Capitulation { never, intended };
enum class QSign { standard, slip };
enum class FlatDanger { fail, neutral };
enum class Stop { converge, rounds };

// What users set (`-p eum.NAME=VALUE`): a variant, and each of its switches left to it (unset) or
// chosen. Options are what the model runs with.
struct Parameters {
  Variant variant = Variant::textbook;
  std::optional<Protocol> protocol;
  std::optional<Probability> probability;
  std::optional<Capitulation> capitulation;
  std::optional<CompromiseChoice> compromise_choice;
  std::optional<QSign> q_sign;
  std::optional<FlatDanger> flat_danger;
  std::optional<Range> range;
  double q = 1.0;
  double t = 1.0;
  Forecast forecast = Forecast::median;
  Stop stop = Stop::converge;
  int max_rounds = 100;
  double tolerance = 1e-9;
  double cycle_tolerance = 0.05;
  bool offers = false;
};

struct Options {
  Variant variant = Variant::textbook;
  Protocol protocol = Protocol::receiver;
  Probability probability = Probability::pairwise;
  bool capitulation = true;  // false: Scholz's test `e_ji < |e_ji|`, which never holds
  CompromiseChoice compromise_choice = CompromiseChoice::nearest;
  bool q_sign_slip = false;        // Masad: `+ (1 − Q)[...]` where the model has `− (1 − Q)[...]`
  bool flat_danger_fails = false;  // Scholz divides by zero when every danger level is equal
  bool offer_mu_is_mean = false;   // Masad: μ is the weighted mean in the offer pass
  Range range = Range::positions;
  double q = 1.0;  // probability that the status quo persists if i does not challenge j
  double t = 1.0;  // probability that, if it changes, it changes for the better for i
  Forecast forecast = Forecast::median;
  bool stop_on_convergence = true;  // false: run exactly max_rounds, as the replications do
  int max_rounds = 100;
  double tolerance = 1e-9;        // relative to Δ: a move smaller than this is no move
  double cycle_tolerance = 0.05;  // relative to Δ: states this close count as the same state of a cycle
  bool log_offers = false;        // also report every offer weighed, not only the moves (eum_offers.csv)
};

// Every registry parameter of the model, bound to its field of Parameters.
[[nodiscard]] ParameterTable<Parameters> parameter_table();
[[nodiscard]] std::vector<ParameterSpec> parameter_specs();

// The options parameters mean: each switch left unset takes the variant's value.
[[nodiscard]] Options resolve(const Parameters& parameters);
[[nodiscard]] Options resolve_options(const ParameterValues& values);

}  // namespace parley::models::eum

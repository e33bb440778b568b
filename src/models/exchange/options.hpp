#pragma once
// The settings of the exchange model and their declaration as registry parameters
// (docs/models/exchange.md).

#include "core/parameter_table.hpp"

namespace parley::models::exchange {

enum class Semantics { intended, upstream };  // §3.8: the move-history defect fixed, or kept
inline constexpr EnumName<Semantics> kSemanticsNames[]{{Semantics::intended, "intended"},
                                                       {Semantics::upstream, "upstream"}};
constexpr std::span<const EnumName<Semantics>> names_of(Semantics /*tag*/) {
  return kSemanticsNames;
}

enum class Ties { order, random };  // §3.9: stable-sort order, or a seeded coin among equal gains
inline constexpr EnumName<Ties> kTiesNames[]{{Ties::order, "order"}, {Ties::random, "random"}};
constexpr std::span<const EnumName<Ties>> names_of(Ties /*tag*/) {
  return kTiesNames;
}

struct Settings {
  Semantics semantics = Semantics::intended;
  Ties ties = Ties::order;
  int rounds = 10;               // Decide runs a fixed number of rounds
  double salience_weight = 0.4;  // w_s of §3.11
  double fixed_weight = 0.1;     // w_f of §3.11
  // parley's extension: no exchange between two actors either of whom holds the other in an
  // affinity below this (the scenario's relations; a pair without one counts as 0). -1: no limit.
  double min_affinity = -0.7;
  // Re-sort the whole list before every pick, as §3.9 is written (quadratic; for tests). The
  // default selection gives the same exchanges in the same order.
  bool literal_selection = false;
};

// Every registry parameter of the model, bound to its field of Settings.
[[nodiscard]] ParameterTable<Settings> parameter_table();

}  // namespace parley::models::exchange

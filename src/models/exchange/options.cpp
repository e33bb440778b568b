#include "models/exchange/options.hpp"

namespace parley::models::exchange {

ParameterTable<Settings> parameter_table() {
  ParameterTable<Settings> table;
  table.choice("semantics", &Settings::semantics,
               "intended: Decide's move-history defect fixed; upstream: Decide's bookkeeping exactly");
  table.choice("ties", &Settings::ties,
               "equal gains: keep the list order (Decide's stable sort), or draw among them with the run's seed");
  table.integer("rounds", &Settings::rounds, 1, 10000,
                "rounds of exchange (Decide runs a fixed number; it has no convergence test)");
  table.real("salience_weight", &Settings::salience_weight, 0.0, 1.0,
             "w_s: next start = (1 - w) x0 + w y with w = w_s (1 - s) + w_f");
  table.real("fixed_weight", &Settings::fixed_weight, 0.0, 1.0, "w_f of the partial adjustment toward the voting position");
  table.real("min_affinity", &Settings::min_affinity, -1.0, 1.0,
             "no exchange between two actors when either's affinity for the other (the scenario's relations) is "
             "below this; -1: every pair may trade (Decide)");
  return table;
}

}  // namespace parley::models::exchange

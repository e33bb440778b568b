#include "parley/calibrate.hpp"

namespace parley {
namespace {

std::vector<EnsembleMember> the_models() {
  return {{"compromise", {}}, {"mean", {}}, {"median", {}}, {"nash", {}}, {"eum", {}}, {"exchange", {}}, {"smp", {}}};
}

std::vector<EnsembleMember> with_variants() {
  std::vector<EnsembleMember> pool = the_models();
  pool.push_back({"nash@conflict", {{"disagreement", "conflict"}}});
  pool.push_back({"smp@binary", {{"VotingRule", "Binary"}}});
  return pool;
}

std::vector<EnsembleMember> with_status_quo() {
  std::vector<EnsembleMember> pool = with_variants();
  pool.push_back({"status_quo", {}});
  return pool;
}

}  // namespace

// Declared on 2026-12-02, before any of them was scored (see git log). The order breaks ties.
const std::vector<EnsembleCandidate>& declared_candidates() {
  static const std::vector<EnsembleCandidate> candidates{
      {"compromise", EnsembleFamily::single, {{"compromise", {}}}, "the compromise model alone (the one to beat)"},
      {"mean7", EnsembleFamily::mean, the_models(), "the plain mean of the seven models"},
      {"median7", EnsembleFamily::median, the_models(), "the median of the seven models"},
      {"trimmed7", EnsembleFamily::trimmed, the_models(), "the seven models' mean, 20 % trimmed at each end"},
      {"mean9", EnsembleFamily::mean, with_variants(), "the plain mean of the seven models and two variants"},
      {"median9", EnsembleFamily::median, with_variants(), "the median of the seven models and two variants"},
      {"trimmed9", EnsembleFamily::trimmed, with_variants(),
       "the mean of the seven models and two variants, 20 % trimmed at each end"},
      {"choice9", EnsembleFamily::choice, with_variants(),
       "the one of the seven models and two variants with the lowest error on past decisions"},
      {"stack7", EnsembleFamily::stack, the_models(),
       "the seven models, weighted for the least absolute error on past decisions"},
      {"stack9", EnsembleFamily::stack, with_variants(),
       "the seven models and two variants, weighted for the least absolute error on past decisions"},
      {"stack10", EnsembleFamily::stack, with_status_quo(),
       "the seven models, two variants and the status quo, weighted for the least absolute error on past "
       "decisions"},
  };
  return candidates;
}

}  // namespace parley

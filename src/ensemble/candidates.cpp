#include "parley/calibrate.hpp"

#include "parley/errors.hpp"

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

std::vector<EnsembleCandidate> candidates_over(const std::vector<std::string>& models,
                                               const std::vector<std::string>& assignments) {
  std::vector<EnsembleMember> pool;
  for (const auto& name : models) {
    EnsembleMember member{name, {}};
    for (const auto& assignment : assignments) {
      const auto dot = assignment.find('.');
      const auto equals = assignment.find('=');
      if (dot == std::string::npos || equals == std::string::npos || dot > equals) {
        throw UsageError(Subject::parameter, assignment, ": write a parameter as MODEL.NAME=VALUE");
      }
      if (assignment.substr(0, dot) != name) continue;
      member.parameters.emplace_back(assignment.substr(dot + 1, equals - dot - 1), assignment.substr(equals + 1));
    }
    pool.push_back(std::move(member));
  }
  return {
      {pool.front().name, EnsembleFamily::single, {pool.front()}, "the first model given alone"},
      {"mean", EnsembleFamily::mean, pool, "the plain mean of the models given"},
      {"median", EnsembleFamily::median, pool, "the median of the models given"},
      {"trimmed", EnsembleFamily::trimmed, pool, "the models' mean, 20 % trimmed at each end"},
      {"choice", EnsembleFamily::choice, pool, "the model with the lowest error on past decisions"},
      {"stack", EnsembleFamily::stack, pool, "the models weighted for the least absolute error on past decisions"},
  };
}

}  // namespace parley

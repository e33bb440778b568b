#include "core/validate_analysis.hpp"

#include <fmt/format.h>

#include <limits>

#include "core/scenario_schema.hpp"
#include "parley/text.hpp"

namespace parley {
namespace {

void check_noise(const AnalysisHooks& hooks, const std::string& path, const Noise& noise, bool per_issue) {
  // The bounds are the schema's (core/scenario_schema.hpp).
  const auto spread = [&](const std::optional<double>& value, std::string_view key, const schema::Bounds& bounds) {
    const double low = bounds.min.value_or(std::numeric_limits<double>::lowest());
    const double high = bounds.max.value_or(std::numeric_limits<double>::max());
    if (value && !(*value >= low && *value <= high)) {
      hooks.error(fmt::format("{}.{}", path, key), outside(*value, low, high));
    }
  };
  spread(noise.position, "position", schema::kPositionNoise);
  spread(noise.salience, "salience", schema::kSalienceNoise);
  spread(noise.capability, "capability", schema::kCapabilityNoise);
  spread(noise.dropout, "dropout", schema::kProbability);
  if (per_issue && noise.capability) {
    hooks.error(path + ".capability", "capability noise is per actor: drop `issue` from this override");
  }
  if (per_issue && noise.dropout) {
    hooks.error(path + ".dropout", "dropout is per actor: drop `issue` from this override");
  }
}

void check_actor_reference(const Scenario& scenario, const AnalysisHooks& hooks, const std::string& path,
                           const std::string& id) {
  if (scenario.find_actor(id) != nullptr) return;
  std::vector<std::string> ids;
  for (const auto& actor : scenario.actors) ids.push_back(actor.id);
  hooks.error(path, fmt::format("unknown actor '{}'{}", id, did_you_mean(id, ids)));
}

const Issue* check_issue_reference(const Scenario& scenario, const AnalysisHooks& hooks, const std::string& path,
                                   const std::string& id) {
  if (const Issue* issue = scenario.find_issue(id)) return issue;
  std::vector<std::string> ids;
  for (const auto& issue : scenario.issues) ids.push_back(issue.id);
  hooks.error(path, fmt::format("unknown issue '{}'{}", id, did_you_mean(id, ids)));
  return nullptr;
}

}  // namespace

void check_uncertainty_block(const Scenario& scenario, const AnalysisHooks& hooks) {
  check_noise(hooks, "uncertainty", scenario.uncertainty.defaults, false);
  for (std::size_t i = 0; i < scenario.uncertainty.overrides.size(); ++i) {
    const auto& item = scenario.uncertainty.overrides[i];
    const std::string path = fmt::format("uncertainty.overrides[{}]", i);
    if (item.actor.empty() && item.issue.empty()) hooks.error(path, "an override names an actor, an issue or both");
    if (!item.actor.empty()) check_actor_reference(scenario, hooks, path + ".actor", item.actor);
    if (!item.issue.empty()) check_issue_reference(scenario, hooks, path + ".issue", item.issue);
    check_noise(hooks, path, item.noise, !item.issue.empty());
  }
}

void check_claim_list(const Scenario& scenario, const AnalysisHooks& hooks) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < scenario.claims.size(); ++i) {
    const Claim& claim = scenario.claims[i];
    const std::string path = fmt::format("claims[{}]", i);
    hooks.check_id(path + ".id", claim.id, seen, "claim");
    hooks.sources_cited(path, claim.sources);
    if (claim.kind == ClaimKind::exchange) {
      if (claim.actors.size() != 2) hooks.error(path + ".exchange.actors", "name the two actors of the exchange");
      if (claim.issues.size() != 2) hooks.error(path + ".exchange.issues", "name the two issues of the exchange");
      for (std::size_t k = 0; k < claim.actors.size(); ++k) {
        check_actor_reference(scenario, hooks, fmt::format("{}.exchange.actors[{}]", path, k), claim.actors[k]);
      }
      for (std::size_t k = 0; k < claim.issues.size(); ++k) {
        check_issue_reference(scenario, hooks, fmt::format("{}.exchange.issues[{}]", path, k), claim.issues[k]);
      }
      if (!claim.model.empty() && claim.model != "exchange") {
        hooks.error(path + ".model", "an exchange claim is checked against the exchange model only");
      }
      continue;
    }
    if (claim.issue.empty()) {
      hooks.error(path + ".issue", "a within, above or below claim names its issue");
      continue;
    }
    const Issue* issue = check_issue_reference(scenario, hooks, path + ".issue", claim.issue);
    if (issue == nullptr) continue;
    if (claim.kind == ClaimKind::within) {
      hooks.in_range(path + ".within[0]", claim.low, issue->scale.min, issue->scale.max);
      hooks.in_range(path + ".within[1]", claim.high, issue->scale.min, issue->scale.max);
      if (!(claim.low < claim.high)) {
        hooks.error(path + ".within", fmt::format("the range [{}, {}] is empty", claim.low, claim.high));
      }
    } else if (claim.kind == ClaimKind::above) {
      hooks.in_range(path + ".above", claim.low, issue->scale.min, issue->scale.max);
    } else {
      hooks.in_range(path + ".below", claim.high, issue->scale.min, issue->scale.max);
    }
  }
}

}  // namespace parley

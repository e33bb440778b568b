#pragma once
// What a scenario says about its own uncertainty and about what it claims: the inputs of Monte
// Carlo runs (docs/scenario-format.md#uncertainty, #claims). Plain values.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/source_ref.hpp"

namespace parley {

// Spreads of the judgements. Unset means no noise (or, in an override, "as the defaults say").
struct Noise {
  std::optional<double> position;    // sd of a normal, in the issue's scale units, truncated to the scale
  std::optional<double> salience;    // sd, on [0, 1]
  std::optional<double> capability;  // sd of the log: the capability is multiplied by exp(sd·Z)
  std::optional<double> dropout;     // probability that the actor is absent from a sample

  bool operator==(const Noise&) const = default;
};

enum class SalienceDistribution { beta, normal };

// Applies to one actor (on every issue, or on one), or to one issue (for every actor). Later
// overrides win over earlier ones and over the defaults.
struct NoiseOverride {
  std::string actor;  // empty: every actor
  std::string issue;  // empty: every issue (capability and dropout are per actor: no issue)
  Noise noise;

  bool operator==(const NoiseOverride&) const = default;
};

struct Uncertainty {
  Noise defaults;
  SalienceDistribution salience_distribution = SalienceDistribution::beta;
  std::vector<NoiseOverride> overrides;

  bool operator==(const Uncertainty&) const = default;
  [[nodiscard]] bool empty() const { return defaults == Noise{} && overrides.empty(); }
};

enum class ClaimKind { within, above, below, exchange };

// A statement the scenario's source makes about the outcome, to be checked against the models.
struct Claim {
  std::string id;
  std::string text;  // the claim in the source's words
  ClaimKind kind = ClaimKind::within;
  std::string issue;  // within, above, below
  std::string model;  // empty: every model that forecasts the issue
  double low = 0.0;   // within: [low, high]; above: > low; below: < high
  double high = 0.0;
  std::vector<std::string> actors;  // exchange: the two actors
  std::vector<std::string> issues;  // exchange: the two issues
  std::vector<SourceRef> sources;
  std::string rationale;

  bool operator==(const Claim&) const = default;
  // Whether the claim is about an issue's forecast (within, above, below).
  [[nodiscard]] bool about_forecast() const { return kind != ClaimKind::exchange; }
  // Whether a forecast satisfies a within/above/below claim.
  [[nodiscard]] bool holds(double forecast) const;
  // Whether a trade bears an exchange claim out: `key` is (actor, issue it gives ground on, actor,
  // issue it gives ground on), ids; either actor may give ground on either issue.
  [[nodiscard]] bool bears_out(const std::vector<std::string>& key) const;
  // What the claim is about: its issue, or for an exchange "ISSUE_A x ISSUE_B".
  [[nodiscard]] std::string subject() const;
  // The test in words, for an exchange claim: "A and B trade ISSUE_A for ISSUE_B".
  [[nodiscard]] std::string trade_text() const;
};

[[nodiscard]] std::string_view to_string(ClaimKind kind);
[[nodiscard]] std::string_view to_string(SalienceDistribution distribution);

}  // namespace parley

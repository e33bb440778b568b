#include "uncertainty/sampler.hpp"

#include <algorithm>
#include <cmath>

#include "uncertainty/distributions.hpp"

namespace parley {
namespace {

// The spread of one judgement: the defaults, then every override that applies, in order.
Noise resolve(const Uncertainty& uncertainty, const std::string& actor, const std::string* issue) {
  Noise noise = uncertainty.defaults;
  for (const auto& item : uncertainty.overrides) {
    const bool actor_matches = item.actor.empty() || item.actor == actor;
    const bool issue_matches = issue == nullptr ? item.issue.empty() : (item.issue.empty() || item.issue == *issue);
    if (!actor_matches || !issue_matches) continue;
    if (item.noise.position) noise.position = item.noise.position;
    if (item.noise.salience) noise.salience = item.noise.salience;
    if (item.noise.capability) noise.capability = item.noise.capability;
    if (item.noise.dropout) noise.dropout = item.noise.dropout;
  }
  return noise;
}

}  // namespace

Sampler::Sampler(const Scenario& scenario, Problem problem) : base_(std::move(problem)) {
  const Uncertainty& uncertainty = scenario.uncertainty;
  salience_distribution_ = uncertainty.salience_distribution;
  for (std::size_t a = 0; a < base_.actors.size(); ++a) {
    const Noise noise = resolve(uncertainty, base_.actors[a], nullptr);
    inputs_.push_back({InputKind::capability, a, 0, 0, 1.0, noise.capability.value_or(0.0), 0.0, 0.0});
    inputs_.push_back({InputKind::presence, a, 0, 0, 1.0, noise.dropout.value_or(0.0), 0.0, 1.0});
  }
  for (std::size_t i = 0; i < base_.issues.size(); ++i) {
    const IssueProblem& issue = base_.issues[i];
    for (std::size_t k = 0; k < issue.participants.size(); ++k) {
      const Participant& participant = issue.participants[k];
      const Noise noise = resolve(uncertainty, base_.actors[participant.actor], &issue.id);
      inputs_.push_back({InputKind::position, participant.actor, i, k, participant.position,
                         noise.position.value_or(0.0), issue.min, issue.max});
      inputs_.push_back(
          {InputKind::salience, participant.actor, i, k, participant.salience, noise.salience.value_or(0.0), 0.0, 1.0});
    }
  }
  for (const auto& input : inputs_) uncertain_ = uncertain_ || input.spread > 0.0;
}

std::vector<double> Sampler::draw(Rng& rng) const {
  std::vector<double> values;
  draw(rng, values);
  return values;
}

void Sampler::draw(Rng& rng, std::vector<double>& values) const {
  values.clear();
  values.reserve(inputs_.size());
  for (const auto& input : inputs_) {
    switch (input.kind) {
      case InputKind::capability:
        values.push_back(input.spread > 0.0 ? std::exp(input.spread * draw_normal(rng)) : 1.0);
        break;
      case InputKind::presence:
        values.push_back(input.spread > 0.0 && rng.uniform() < input.spread ? 0.0 : 1.0);
        break;
      case InputKind::position:
        values.push_back(draw_truncated_normal(rng, input.base, input.spread, input.low, input.high));
        break;
      case InputKind::salience:
        values.push_back(salience_distribution_ == SalienceDistribution::beta
                             ? draw_beta_mean_sd(rng, input.base, input.spread)
                             : draw_truncated_normal(rng, input.base, input.spread, 0.0, 1.0));
        break;
    }
  }
}

Problem Sampler::apply(const std::vector<double>& values) const {
  Problem problem;
  apply(values, problem);
  return problem;
}

void Sampler::apply(const std::vector<double>& values, Problem& problem) const {
  problem = base_;  // element by element: a problem of the same shape keeps its memory
  // The first inputs are each actor's capability factor and presence, in actor order (the constructor).
  const auto factor = [&](std::size_t actor) { return values[2 * actor]; };
  const auto present = [&](std::size_t actor) { return values[2 * actor + 1] != 0.0; };
  for (std::size_t n = 2 * base_.actors.size(); n < inputs_.size(); ++n) {
    const Input& input = inputs_[n];
    Participant& participant = problem.issues[input.issue].participants[input.participant];
    (input.kind == InputKind::position ? participant.position : participant.salience) = values[n];
  }
  for (auto& issue : problem.issues) {
    std::size_t kept = 0;
    for (const Participant& participant : issue.participants) {
      if (!present(participant.actor)) continue;
      Participant& moved = issue.participants[kept++];
      moved = participant;
      moved.capability *= factor(participant.actor);
    }
    issue.participants.resize(kept);
  }
  // Models with one capability per actor (smp) read the actors' defaults: they vary too.
  for (std::size_t a = 0; a < problem.capabilities.size(); ++a) problem.capabilities[a] *= factor(a);
}

std::vector<Sampler::Group> Sampler::groups() const {
  std::vector<Group> groups;
  for (std::size_t a = 0; a < base_.actors.size(); ++a) {
    for (const auto& [name, kinds] :
         {std::pair{std::string(" position"), std::vector{InputKind::position}},
          std::pair{std::string(" salience"), std::vector{InputKind::salience}},
          std::pair{std::string(" capability"), std::vector{InputKind::capability, InputKind::presence}}}) {
      Group group{base_.actors[a] + name, {}};
      bool varies = false;
      for (std::size_t n = 0; n < inputs_.size(); ++n) {
        const Input& input = inputs_[n];
        if (input.actor != a || std::find(kinds.begin(), kinds.end(), input.kind) == kinds.end()) continue;
        group.inputs.push_back(n);
        varies = varies || input.spread > 0.0;
      }
      if (varies) groups.push_back(std::move(group));
    }
  }
  return groups;
}

}  // namespace parley

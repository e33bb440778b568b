#pragma once
// Perturbed copies of a problem, as the scenario's uncertainty block describes (Monte Carlo and
// sensitivity analysis). A sample is a vector of input values — every actor's capability factor
// and presence, every stance's position and salience — drawn in a fixed order from one RNG stream,
// so that sample k is the same whatever the thread or process that draws it.

#include <string>
#include <vector>

#include "parley/problem.hpp"
#include "parley/rng.hpp"
#include "parley/scenario.hpp"

namespace parley {

enum class InputKind { capability, presence, position, salience };

// One input of the perturbed problem.
struct Input {
  InputKind kind = InputKind::position;
  std::size_t actor = 0;  // index into Problem::actors
  std::size_t issue = 0;  // index into Problem::issues (position, salience)
  std::size_t participant = 0;
  double base = 0.0;    // the scenario's value (capability and presence: 1)
  double spread = 0.0;  // sd (capability: of the log; presence: the dropout probability)
  double low = 0.0;     // bounds of position and salience
  double high = 1.0;
};

class Sampler {
 public:
  // `problem` is the scenario at the run's date (make_problem(scenario_at(...))).
  Sampler(const Scenario& scenario, Problem problem);

  [[nodiscard]] const std::vector<Input>& inputs() const { return inputs_; }
  [[nodiscard]] bool uncertain() const { return uncertain_; }

  // One value per input, drawn in input order: first each actor's capability factor and presence (in
  // actor order), then each stance's position and salience (by issue, then participant).
  [[nodiscard]] std::vector<double> draw(Rng& rng) const;
  void draw(Rng& rng, std::vector<double>& values) const;  // into `values`, reusing its memory
  // The problem with the drawn values.
  [[nodiscard]] Problem apply(const std::vector<double>& values) const;
  void apply(const std::vector<double>& values, Problem& problem) const;  // into `problem`, reusing its memory

  // Input groups for sensitivity analysis: one actor's positions, saliences or capability
  // (capability with presence). Each group lists input indices.
  struct Group {
    std::string name;  // e.g. "USA position"
    std::vector<std::size_t> inputs;
  };
  [[nodiscard]] std::vector<Group> groups() const;

 private:
  Problem base_;
  std::vector<Input> inputs_;
  SalienceDistribution salience_distribution_ = SalienceDistribution::beta;
  bool uncertain_ = false;
};

}  // namespace parley

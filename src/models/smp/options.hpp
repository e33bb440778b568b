#pragma once
// The settings of KTAB's spatial model of politics: its nine enumerated parameters (KTAB's names
// and spellings), the stopping rule's constants (docs/models/smp.md, spec §2) and how parley's
// problem maps onto the model, each declared once as a registry parameter.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/parameter_table.hpp"

namespace parley::models::smp {

enum class VictoryProbModel { Linear, Square, Quartic, Octic, Binary };
enum class PCEModel { Conditional, MarkovIncentive, MarkovUniform };
enum class StateTransitions { Deterministic, Stochastic };
enum class VotingRule { Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp };
enum class BigRAdjust { None, OneThird, Half, TwoThirds, Full };
enum class BigRRange { Min, Mid, Max };
enum class ThirdPartyCommit { NoCommit, SemiCommit, FullCommit };
enum class InterVecBrgn { S1P1, S2P2, S2PMax };
enum class BargnModel { InitOnlyInterp, InitRcvrInterp, PWCompInterp };

// How saliences become shares of attention (input.hpp).
enum class SalienceMode { automatic, given, divide };

struct Settings {
  VictoryProbModel victory = VictoryProbModel::Linear;
  PCEModel pce = PCEModel::Conditional;
  StateTransitions transitions = StateTransitions::Deterministic;
  VotingRule voting = VotingRule::Prop;
  BigRAdjust adjust = BigRAdjust::OneThird;
  BigRRange range = BigRRange::Mid;
  ThirdPartyCommit commit = ThirdPartyCommit::SemiCommit;
  InterVecBrgn interpolation = InterVecBrgn::S2P2;
  BargnModel bargaining = BargnModel::InitOnlyInterp;
  // Stopping rule (§7): stop after max_iterations turns, or from min_iterations on when the last
  // turn's movement is below stop_ratio times the first turn's (plus stop_guard).
  int min_iterations = 2;
  int max_iterations = 100;
  double stop_ratio = 0.02;
  double stop_guard = 1e-4;
  // KTAB's sanity checks that abort runs without any number depending on them (`checks=ktab`):
  // estimated utilities equal to the true ones (spec §4; fires whenever every distance is 0 or 1,
  // and always with BigRAdjust=Full), a total salience of 1 plus a rounding error (§12(6)), and
  // actors without capability or salience (§12(2), §12(3)), which parley otherwise leaves out.
  bool ktab_checks = false;
  // From parley's problem to the model's (input.hpp): the issues bargained over (comma-separated
  // ids; empty: all), how saliences become shares, and KTAB's ideal accommodation matrix.
  std::string issues;
  SalienceMode salience = SalienceMode::automatic;
  std::string ideal_adjustment;
  // Issue capabilities (a parley extension, election.hpp's PairWeights): a stance's own capability
  // weighs the actor's votes in contests over that issue. Off: one capability per actor, as in KTAB
  // (KTAB imports set it off).
  bool issue_capabilities = true;
};

// Every registry parameter of the model (the nine, the stopping rule, parley's own), bound to its
// field of Settings.
[[nodiscard]] ParameterTable<Settings> parameter_table();
[[nodiscard]] std::vector<ParameterSpec> parameter_specs();

// One of KTAB's enumerated parameters: its name and its values in KTAB's index order.
struct EnumParameter {
  std::string_view name;
  std::vector<std::string_view> values;
  std::string_view default_value;
  std::string_view description;
};

// The nine parameters in KTAB's order (VictoryProbModel ... BargnModel), as the table declares them.
[[nodiscard]] const std::vector<EnumParameter>& enum_parameters();

// The settings from resolved parameter values.
[[nodiscard]] Settings settings_from(const ParameterValues& values);

}  // namespace parley::models::smp

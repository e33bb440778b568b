#include "models/smp/options.hpp"

namespace parley::models::smp {

constexpr EnumName<VictoryProbModel> kVictoryNames[]{{VictoryProbModel::Linear, "Linear"},
                                                     {VictoryProbModel::Square, "Square"},
                                                     {VictoryProbModel::Quartic, "Quartic"},
                                                     {VictoryProbModel::Octic, "Octic"},
                                                     {VictoryProbModel::Binary, "Binary"}};
constexpr std::span<const EnumName<VictoryProbModel>> names_of(VictoryProbModel /*tag*/) {
  return kVictoryNames;
}
constexpr EnumName<PCEModel> kPceNames[]{{PCEModel::Conditional, "Conditional"},
                                         {PCEModel::MarkovIncentive, "MarkovIncentive"},
                                         {PCEModel::MarkovUniform, "MarkovUniform"}};
constexpr std::span<const EnumName<PCEModel>> names_of(PCEModel /*tag*/) {
  return kPceNames;
}
constexpr EnumName<StateTransitions> kTransitionsNames[]{{StateTransitions::Deterministic, "Deterministic"},
                                                         {StateTransitions::Stochastic, "Stochastic"}};
constexpr std::span<const EnumName<StateTransitions>> names_of(StateTransitions /*tag*/) {
  return kTransitionsNames;
}
constexpr EnumName<VotingRule> kVotingNames[]{{VotingRule::Binary, "Binary"},   {VotingRule::PropBin, "PropBin"},
                                              {VotingRule::Prop, "Prop"},       {VotingRule::PropCbc, "PropCbc"},
                                              {VotingRule::Cubic, "Cubic"},     {VotingRule::ASymProsp, "ASymProsp"}};
constexpr std::span<const EnumName<VotingRule>> names_of(VotingRule /*tag*/) {
  return kVotingNames;
}
constexpr EnumName<BigRAdjust> kAdjustNames[]{{BigRAdjust::None, "None"},
                                              {BigRAdjust::OneThird, "OneThird"},
                                              {BigRAdjust::Half, "Half"},
                                              {BigRAdjust::TwoThirds, "TwoThirds"},
                                              {BigRAdjust::Full, "Full"}};
constexpr std::span<const EnumName<BigRAdjust>> names_of(BigRAdjust /*tag*/) {
  return kAdjustNames;
}
constexpr EnumName<BigRRange> kRangeNames[]{{BigRRange::Min, "Min"}, {BigRRange::Mid, "Mid"}, {BigRRange::Max, "Max"}};
constexpr std::span<const EnumName<BigRRange>> names_of(BigRRange /*tag*/) {
  return kRangeNames;
}
constexpr EnumName<ThirdPartyCommit> kCommitNames[]{{ThirdPartyCommit::NoCommit, "NoCommit"},
                                                    {ThirdPartyCommit::SemiCommit, "SemiCommit"},
                                                    {ThirdPartyCommit::FullCommit, "FullCommit"}};
constexpr std::span<const EnumName<ThirdPartyCommit>> names_of(ThirdPartyCommit /*tag*/) {
  return kCommitNames;
}
constexpr EnumName<InterVecBrgn> kInterpolationNames[]{
    {InterVecBrgn::S1P1, "S1P1"}, {InterVecBrgn::S2P2, "S2P2"}, {InterVecBrgn::S2PMax, "S2PMax"}};
constexpr std::span<const EnumName<InterVecBrgn>> names_of(InterVecBrgn /*tag*/) {
  return kInterpolationNames;
}
constexpr EnumName<BargnModel> kBargainingNames[]{{BargnModel::InitOnlyInterp, "InitOnlyInterp"},
                                                  {BargnModel::InitRcvrInterp, "InitRcvrInterp"},
                                                  {BargnModel::PWCompInterp, "PWCompInterp"}};
constexpr std::span<const EnumName<BargnModel>> names_of(BargnModel /*tag*/) {
  return kBargainingNames;
}
constexpr EnumName<SalienceMode> kSalienceNames[]{
    {SalienceMode::automatic, "auto"}, {SalienceMode::given, "given"}, {SalienceMode::divide, "divide"}};
constexpr std::span<const EnumName<SalienceMode>> names_of(SalienceMode /*tag*/) {
  return kSalienceNames;
}

// KTAB's nine enumerated parameters come first in the table, in KTAB's order.
constexpr std::size_t kKtabEnums = 9;

ParameterTable<Settings> parameter_table() {
  ParameterTable<Settings> table;
  table.choice("VictoryProbModel", &Settings::victory,
               "the pairwise victory probability from coalition strengths in elections (not in challenges)");
  table.choice("PCEModel", &Settings::pce,
               "how pairwise victory probabilities become the probability that each option prevails");
  table.choice("StateTransitions", &Settings::transitions,
               "each queue's winner: the most likely entry, or a draw (reproducible by seed, one draw per actor and "
               "turn)");
  table.choice("VotingRule", &Settings::voting,
               "a voter's vote as a function of its utility difference, in every vote of the model");
  table.choice("BigRAdjust", &Settings::adjust,
               "how far an actor's estimate of another's risk attitude moves from its own toward the other's (Full: "
               "all the way; KTAB then aborts, see checks)");
  table.choice("BigRRange", &Settings::range, "the range of risk attitudes: [0, 1], [-1/2, 1] or [-1, 1]");
  table.choice("ThirdPartyCommit", &Settings::commit,
               "whether a third party that joins a side expects to move with it if that side loses or wins");
  table.choice("InterVecBrgn", &Settings::interpolation,
               "bargain points: weights salience x probability, their squares, or the weaker side moving toward the "
               "other");
  table.choice("BargnModel", &Settings::bargaining,
               "bargains from the initiator's view, from both views as two entries, or their weighted mix");
  table.integer("min_iterations", &Settings::min_iterations, 1, 100000,
                "turns before the stopping rule may end the run");
  table.integer("max_iterations", &Settings::max_iterations, 1, 100000, "the most turns a run takes");
  table.real("stop_ratio", &Settings::stop_ratio, 0.0, std::nullopt,
             "stop when a turn moves the actors less than this share of the first turn's movement");
  table.real("stop_guard", &Settings::stop_guard, 0.0, std::nullopt,
             "added to the first turn's movement (on [0, 1]) so that a still first turn cannot divide by zero");
  table.choice("checks", &Settings::ktab_checks, "parley", "ktab",
               "ktab: abort wherever KTAB does on checks no number depends on (estimated utilities equal to the true "
               "ones, always with BigRAdjust=Full; a total salience of 1 plus rounding; actors without capability or "
               "salience); parley: run on, leaving such actors out");
  table.text("issues", &Settings::issues,
             "the issues bargained over jointly, as comma-separated ids; empty: every issue with a stance");
  table.choice("salience", &Settings::salience,
               "saliences as shares of attention: given (each actor's must sum to at most 1, as in KTAB), divide (by "
               "the number of issues), auto (given when every sum is at most 1, else divide)");
  table.text("ideal_adjustment", &Settings::ideal_adjustment,
             "KTAB's ideal accommodation matrix as ADJUSTING:REFERENCE=VALUE,... (actor ids); empty: the identity, "
             "ideals equal positions");
  table.boolean("issue_capabilities", &Settings::issue_capabilities,
                "parley's extension: an actor's capability on an issue (its stance's own) weighs its votes in contests "
                "over that issue, in proportion to how far the contested positions differ on it and how much the actor "
                "cares; false: one capability per actor in every contest, as in KTAB (KTAB imports set false)");
  return table;
}

std::vector<ParameterSpec> parameter_specs() {
  return parameter_table().specs();
}

const std::vector<EnumParameter>& enum_parameters() {
  // Built once from the table and never modified: constants, not mutable state.
  static const std::vector<ParameterSpec> specs = parameter_specs();
  static const std::vector<EnumParameter> parameters = [] {
    std::vector<EnumParameter> list;
    for (std::size_t k = 0; k < kKtabEnums; ++k) {
      const ParameterSpec& spec = specs[k];
      EnumParameter parameter{spec.name, {}, spec.default_value, spec.description};
      for (const auto& value : spec.choices) parameter.values.emplace_back(value);
      list.push_back(std::move(parameter));
    }
    return list;
  }();
  return parameters;
}

Settings settings_from(const ParameterValues& values) {
  return parameter_table().bind(values);
}

}  // namespace parley::models::smp

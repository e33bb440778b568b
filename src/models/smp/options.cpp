#include "models/smp/options.hpp"

#include <algorithm>

namespace parley::models::smp {

const std::vector<EnumParameter>& enum_parameters() {
  static const std::vector<EnumParameter> parameters{
      {"VictoryProbModel",
       {"Linear", "Square", "Quartic", "Octic", "Binary"},
       "Linear",
       "the pairwise victory probability from coalition strengths in elections (not in challenges)"},
      {"PCEModel",
       {"Conditional", "MarkovIncentive", "MarkovUniform"},
       "Conditional",
       "how pairwise victory probabilities become the probability that each option prevails"},
      {"StateTransitions",
       {"Deterministic", "Stochastic"},
       "Deterministic",
       "each queue's winner: the most likely entry, or a draw (reproducible by seed, one draw per actor and turn)"},
      {"VotingRule",
       {"Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"},
       "Prop",
       "a voter's vote as a function of its utility difference, in every vote of the model"},
      {"BigRAdjust",
       {"None", "OneThird", "Half", "TwoThirds", "Full"},
       "OneThird",
       "how far an actor's estimate of another's risk attitude moves from its own toward the other's (Full: all the "
       "way; KTAB then aborts, see checks)"},
      {"BigRRange", {"Min", "Mid", "Max"}, "Mid", "the range of risk attitudes: [0, 1], [-1/2, 1] or [-1, 1]"},
      {"ThirdPartyCommit",
       {"NoCommit", "SemiCommit", "FullCommit"},
       "SemiCommit",
       "whether a third party that joins a side expects to move with it if that side loses or wins"},
      {"InterVecBrgn",
       {"S1P1", "S2P2", "S2PMax"},
       "S2P2",
       "bargain points: weights salience x probability, their squares, or the weaker side moving toward the other"},
      {"BargnModel",
       {"InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"},
       "InitOnlyInterp",
       "bargains from the initiator's view, from both views as two entries, or their weighted mix"},
  };
  return parameters;
}

std::optional<std::string> canonical_value(std::string_view parameter, std::string_view value) {
  for (const auto& spec : enum_parameters()) {
    if (spec.name != parameter) continue;
    if (std::find(spec.values.begin(), spec.values.end(), value) != spec.values.end()) return std::string(value);
    // KTAB's XML schema spells two values differently from KTAB's code.
    if (parameter == "VotingRule" && value == "Proportional") return "Prop";
    if (parameter == "BigRAdjust" && value == "No") return "None";
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<ParameterSpec> parameter_specs() {
  std::vector<ParameterSpec> specs;
  for (const auto& parameter : enum_parameters()) {
    ParameterSpec spec{.name = std::string(parameter.name),
                       .type = ParameterType::choice,
                       .default_value = std::string(parameter.default_value),
                       .description = std::string(parameter.description)};
    for (const auto value : parameter.values) spec.choices.emplace_back(value);
    specs.push_back(std::move(spec));
  }
  specs.push_back({.name = "min_iterations",
                   .type = ParameterType::integer,
                   .default_value = "2",
                   .min = 1.0,
                   .max = 100000.0,
                   .description = "turns before the stopping rule may end the run"});
  specs.push_back({.name = "max_iterations",
                   .type = ParameterType::integer,
                   .default_value = "100",
                   .min = 1.0,
                   .max = 100000.0,
                   .description = "the most turns a run takes"});
  specs.push_back(
      {.name = "stop_ratio",
       .type = ParameterType::real,
       .default_value = "0.02",
       .min = 0.0,
       .description = "stop when a turn moves the actors less than this share of the first turn's movement"});
  specs.push_back({.name = "stop_guard",
                   .type = ParameterType::real,
                   .default_value = "0.0001",
                   .min = 0.0,
                   .description = "added to the first turn's movement (on [0, 1]) so that a still first turn cannot "
                                  "divide by zero"});
  specs.push_back({.name = "checks",
                   .type = ParameterType::choice,
                   .default_value = "parley",
                   .choices = {"parley", "ktab"},
                   .description =
                       "ktab: abort wherever KTAB does on checks no number depends on (estimated utilities equal to "
                       "the true ones, always with BigRAdjust=Full; a total salience of 1 plus rounding; "
                       "actors without capability or salience); parley: run on, leaving such actors out"});
  return specs;
}

namespace {

template <typename Enum>
Enum pick(const ParameterValues& values, std::size_t index) {
  const EnumParameter& parameter = enum_parameters()[index];
  const std::string& chosen = values.choice(std::string(parameter.name));
  const auto found = std::find(parameter.values.begin(), parameter.values.end(), chosen);
  return static_cast<Enum>(found - parameter.values.begin());
}

}  // namespace

Settings settings_from(const ParameterValues& values) {
  Settings settings;
  settings.victory = pick<VictoryProbModel>(values, 0);
  settings.pce = pick<PCEModel>(values, 1);
  settings.transitions = pick<StateTransitions>(values, 2);
  settings.voting = pick<VotingRule>(values, 3);
  settings.adjust = pick<BigRAdjust>(values, 4);
  settings.range = pick<BigRRange>(values, 5);
  settings.commit = pick<ThirdPartyCommit>(values, 6);
  settings.interpolation = pick<InterVecBrgn>(values, 7);
  settings.bargaining = pick<BargnModel>(values, 8);
  settings.min_iterations = static_cast<int>(values.integer("min_iterations"));
  settings.max_iterations = static_cast<int>(values.integer("max_iterations"));
  settings.stop_ratio = values.real("stop_ratio");
  settings.stop_guard = values.real("stop_guard");
  settings.ktab_checks = values.choice("checks") == "ktab";
  return settings;
}

}  // namespace parley::models::smp

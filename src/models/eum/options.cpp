#include "models/eum/options.hpp"

namespace parley::models::eum {

constexpr EnumName<Variant> kVariantNames[]{
    {Variant::textbook, "textbook"}, {Variant::scholz2011, "scholz2011"}, {Variant::masad2014, "masad2014"}};
constexpr std::span<const EnumName<Variant>> names_of(Variant /*tag*/) {
  return kVariantNames;
}
constexpr EnumName<Protocol> kProtocolNames[]{{Protocol::receiver, "receiver"}, {Protocol::challenger, "challenger"}};
constexpr std::span<const EnumName<Protocol>> names_of(Protocol /*tag*/) {
  return kProtocolNames;
}
constexpr EnumName<Probability> kProbabilityNames[]{
    {Probability::all_pairs, "all_pairs"}, {Probability::pairwise, "pairwise"}, {Probability::linear, "linear"}};
constexpr std::span<const EnumName<Probability>> names_of(Probability /*tag*/) {
  return kProbabilityNames;
}
constexpr EnumName<Capitulation> kCapitulationNames[]{{Capitulation::never, "never"},
                                                      {Capitulation::intended, "intended"}};
constexpr std::span<const EnumName<Capitulation>> names_of(Capitulation /*tag*/) {
  return kCapitulationNames;
}
constexpr EnumName<CompromiseChoice> kCompromiseChoiceNames[]{{CompromiseChoice::position_value, "position_value"},
                                                              {CompromiseChoice::nearest, "nearest"}};
constexpr std::span<const EnumName<CompromiseChoice>> names_of(CompromiseChoice /*tag*/) {
  return kCompromiseChoiceNames;
}
constexpr EnumName<QSign> kQSignNames[]{{QSign::standard, "standard"}, {QSign::slip, "slip"}};
constexpr std::span<const EnumName<QSign>> names_of(QSign /*tag*/) {
  return kQSignNames;
}
constexpr EnumName<FlatDanger> kFlatDangerNames[]{{FlatDanger::fail, "fail"}, {FlatDanger::neutral, "neutral"}};
constexpr std::span<const EnumName<FlatDanger>> names_of(FlatDanger /*tag*/) {
  return kFlatDangerNames;
}
constexpr EnumName<Range> kRangeNames[]{{Range::positions, "positions"}, {Range::scale, "scale"}};
constexpr std::span<const EnumName<Range>> names_of(Range /*tag*/) {
  return kRangeNames;
}
constexpr EnumName<Forecast> kForecastNames[]{{Forecast::median, "median"}, {Forecast::mean, "mean"}};
constexpr std::span<const EnumName<Forecast>> names_of(Forecast /*tag*/) {
  return kForecastNames;
}
constexpr EnumName<Stop> kStopNames[]{{Stop::converge, "converge"}, {Stop::rounds, "rounds"}};
constexpr std::span<const EnumName<Stop>> names_of(Stop /*tag*/) {
  return kStopNames;
}

ParameterTable<Parameters> parameter_table() {
  constexpr const char* kVariant = "variant";  // a switch left to the variant
  ParameterTable<Parameters> table;
  table.choice("variant", &Parameters::variant,
               "textbook: BDM's model with the replications' defects corrected; scholz2011: the Scholz et al. "
               "replication exactly, quirks included; masad2014: Masad's replication exactly");
  table.choice("protocol", &Parameters::protocol, kVariant,
               "receiver: each actor weighs every counterpart and makes at most one move (textbook, scholz2011); "
               "challenger: actors send offers and each receiver answers the strongest (masad2014)");
  table.choice("probability", &Parameters::probability, kVariant,
               "P_ij: all_pairs divides by the votes over all pairs of actors (scholz2011); pairwise by the votes on "
               "i and j (textbook); linear: votes without risk exponents (masad2014)");
  table.choice("capitulation", &Parameters::capitulation, kVariant,
               "never: scholz2011's test e_ji < |e_ji|, which never holds; intended: e_ji < |e_ij| (textbook, "
               "masad2014)");
  table.choice("compromise_choice", &Parameters::compromise_choice, kVariant,
               "receiver protocol, several compromises: the smallest weighted position value (scholz2011) or the one "
               "that moves the receiver least (textbook)");
  table.choice("q_sign", &Parameters::q_sign, kVariant,
               "slip: masad2014 adds the (1 - Q) term the model subtracts; matters only when q < 1");
  table.choice("flat_danger", &Parameters::flat_danger, kVariant,
               "every danger level equal: fail leaves the issue without a forecast, as scholz2011 divides by zero; "
               "neutral sets every risk exponent to 1 (textbook, masad2014)");
  table.choice("range", &Parameters::range, kVariant,
               "the length distances are measured against: the range of the initial positions (textbook, "
               "scholz2011) or the issue's scale (masad2014)");
  table.real("q", &Parameters::q, 0.0, 1.0, "Q: probability that the status quo persists if i does not challenge j");
  table.real("t", &Parameters::t, 0.0, 1.0,
             "T: probability that a change of the status quo is a change for the better for i");
  table.choice("forecast", &Parameters::forecast,
               "the forecast of a round: the c*s-weighted median (BDM's median voter) or mean of the positions");
  table.choice("stop", &Parameters::stop,
               "converge: stop when nobody moves or the positions cycle; rounds: run exactly max_rounds, as the "
               "replications do");
  table.integer("max_rounds", &Parameters::max_rounds, 1, 100000, "the most rounds to run");
  table.real("tolerance", &Parameters::tolerance, 0.0, 0.1,
             "a position change smaller than tolerance * range counts as none: converged");
  table.real("cycle_tolerance", &Parameters::cycle_tolerance, 0.0, 0.5,
             "positions cycle when, for p rounds running, every actor is within cycle_tolerance * range of where it "
             "was p rounds earlier (p = 2..64)");
  table.boolean("offers", &Parameters::offers,
                "also write eum_offers.csv: every offer weighed in every round (the receiver's candidates, or every "
                "offer sent), with the one taken marked; computed only when asked for");
  return table;
}

std::vector<ParameterSpec> parameter_specs() {
  return parameter_table().specs();
}

Options resolve(const Parameters& parameters) {
  Options options;
  if (parameters.variant == Variant::scholz2011) {
    options = {.variant = Variant::scholz2011,
               .protocol = Protocol::receiver,
               .probability = Probability::all_pairs,
               .capitulation = false,
               .compromise_choice = CompromiseChoice::position_value,
               .q_sign_slip = false,
               .flat_danger_fails = true,
               .offer_mu_is_mean = false,
               .range = Range::positions};
  } else if (parameters.variant == Variant::masad2014) {
    options = {.variant = Variant::masad2014,
               .protocol = Protocol::challenger,
               .probability = Probability::linear,
               .capitulation = true,
               .compromise_choice = CompromiseChoice::nearest,
               .q_sign_slip = true,
               .flat_danger_fails = false,
               .offer_mu_is_mean = true,
               .range = Range::scale};
  }
  if (parameters.protocol) options.protocol = *parameters.protocol;
  if (parameters.probability) options.probability = *parameters.probability;
  if (parameters.capitulation) options.capitulation = *parameters.capitulation == Capitulation::intended;
  if (parameters.compromise_choice) options.compromise_choice = *parameters.compromise_choice;
  if (parameters.q_sign) options.q_sign_slip = *parameters.q_sign == QSign::slip;
  if (parameters.flat_danger) options.flat_danger_fails = *parameters.flat_danger == FlatDanger::fail;
  if (parameters.range) options.range = *parameters.range;
  options.q = parameters.q;
  options.t = parameters.t;
  options.forecast = parameters.forecast;
  options.stop_on_convergence = parameters.stop == Stop::converge;
  options.max_rounds = parameters.max_rounds;
  options.tolerance = parameters.tolerance;
  options.cycle_tolerance = parameters.cycle_tolerance;
  options.log_offers = parameters.offers;
  return options;
}

Options resolve_options(const ParameterValues& values) {
  return resolve(parameter_table().bind(values));
}

}  // namespace parley::models::eum

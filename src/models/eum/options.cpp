#include "models/eum/options.hpp"

namespace parley::models::eum {
namespace {

ParameterSpec switch_spec(std::string name, std::vector<std::string> values, std::string description) {
  std::vector<std::string> choices{"variant"};
  choices.insert(choices.end(), values.begin(), values.end());
  return {.name = std::move(name),
          .type = ParameterType::choice,
          .default_value = "variant",
          .choices = std::move(choices),
          .description = std::move(description)};
}

}  // namespace

std::vector<ParameterSpec> parameter_specs() {
  return {
      {.name = "variant",
       .type = ParameterType::choice,
       .default_value = "textbook",
       .choices = {"textbook", "scholz2011", "masad2014"},
       .description = "textbook: BDM's model with the replications' defects corrected; scholz2011: the Scholz et al. "
                      "replication exactly, quirks included; masad2014: Masad's replication exactly"},
      switch_spec("protocol", {"receiver", "challenger"},
                  "receiver: each actor weighs every counterpart and makes at most one move (textbook, scholz2011); "
                  "challenger: actors send offers and each receiver answers the strongest (masad2014)"),
      switch_spec("probability", {"all_pairs", "pairwise", "linear"},
                  "P_ij: all_pairs divides by the votes over all pairs of actors (scholz2011); pairwise by the votes "
                  "on i and j (textbook); linear: votes without risk exponents (masad2014)"),
      switch_spec("capitulation", {"never", "intended"},
                  "never: scholz2011's test e_ji < |e_ji|, which never holds; intended: e_ji < |e_ij| (textbook, "
                  "masad2014)"),
      switch_spec("compromise_choice", {"position_value", "nearest"},
                  "receiver protocol, several compromises: the smallest weighted position value (scholz2011) or the "
                  "one that moves the receiver least (textbook)"),
      switch_spec("q_sign", {"standard", "slip"},
                  "slip: masad2014 adds the (1 - Q) term the model subtracts; matters only when q < 1"),
      switch_spec("flat_danger", {"fail", "neutral"},
                  "every danger level equal: fail leaves the issue without a forecast, as scholz2011 divides by "
                  "zero; neutral sets every risk exponent to 1 (textbook, masad2014)"),
      switch_spec("range", {"positions", "scale"},
                  "the length distances are measured against: the range of the initial positions (textbook, "
                  "scholz2011) or the issue's scale (masad2014)"),
      {.name = "q",
       .type = ParameterType::real,
       .default_value = "1",
       .min = 0.0,
       .max = 1.0,
       .description = "Q: probability that the status quo persists if i does not challenge j"},
      {.name = "t",
       .type = ParameterType::real,
       .default_value = "1",
       .min = 0.0,
       .max = 1.0,
       .description = "T: probability that a change of the status quo is a change for the better for i"},
      {.name = "forecast",
       .type = ParameterType::choice,
       .default_value = "median",
       .choices = {"median", "mean"},
       .description = "the forecast of a round: the c*s-weighted median (BDM's median voter) or mean of the positions"},
      {.name = "stop",
       .type = ParameterType::choice,
       .default_value = "converge",
       .choices = {"converge", "rounds"},
       .description = "converge: stop when nobody moves or the positions cycle; rounds: run exactly max_rounds, as "
                      "the replications do"},
      {.name = "max_rounds",
       .type = ParameterType::integer,
       .default_value = "100",
       .min = 1.0,
       .max = 100000.0,
       .description = "the most rounds to run"},
      {.name = "tolerance",
       .type = ParameterType::real,
       .default_value = "1e-9",
       .min = 0.0,
       .max = 0.1,
       .description = "a position change smaller than tolerance * range counts as none: converged"},
      {.name = "cycle_tolerance",
       .type = ParameterType::real,
       .default_value = "0.05",
       .min = 0.0,
       .max = 0.5,
       .description = "positions cycle when, for p rounds running, every actor is within cycle_tolerance * range "
                      "of where it was p rounds earlier (p = 2..64)"},
      {.name = "offers",
       .type = ParameterType::boolean,
       .default_value = "false",
       .description = "also write eum_offers.csv: every offer weighed in every round (the receiver's candidates, or "
                      "every offer sent), with the one taken marked; computed only when asked for"},
  };
}

Options resolve_options(const ParameterValues& values) {
  Options options;
  const std::string& variant = values.choice("variant");
  if (variant == "scholz2011") {
    options = {.variant = Variant::scholz2011,
               .protocol = Protocol::receiver,
               .probability = Probability::all_pairs,
               .capitulation = false,
               .compromise_choice = CompromiseChoice::position_value,
               .q_sign_slip = false,
               .flat_danger_fails = true,
               .offer_mu_is_mean = false,
               .range = Range::positions};
  } else if (variant == "masad2014") {
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
  const auto chosen = [&](const char* name) -> const std::string* {
    const std::string& value = values.choice(name);
    return value == "variant" ? nullptr : &value;
  };
  if (const auto* value = chosen("protocol")) {
    options.protocol = *value == "receiver" ? Protocol::receiver : Protocol::challenger;
  }
  if (const auto* value = chosen("probability")) {
    options.probability = *value == "all_pairs"  ? Probability::all_pairs
                          : *value == "pairwise" ? Probability::pairwise
                                                 : Probability::linear;
  }
  if (const auto* value = chosen("capitulation")) options.capitulation = *value == "intended";
  if (const auto* value = chosen("compromise_choice")) {
    options.compromise_choice = *value == "nearest" ? CompromiseChoice::nearest : CompromiseChoice::position_value;
  }
  if (const auto* value = chosen("q_sign")) options.q_sign_slip = *value == "slip";
  if (const auto* value = chosen("flat_danger")) options.flat_danger_fails = *value == "fail";
  if (const auto* value = chosen("range")) options.range = *value == "scale" ? Range::scale : Range::positions;
  options.q = values.real("q");
  options.t = values.real("t");
  options.forecast = values.choice("forecast") == "mean" ? Forecast::mean : Forecast::median;
  options.stop_on_convergence = values.choice("stop") == "converge";
  options.max_rounds = static_cast<int>(values.integer("max_rounds"));
  options.tolerance = values.real("tolerance");
  options.cycle_tolerance = values.real("cycle_tolerance");
  options.log_offers = values.boolean("offers");
  return options;
}

}  // namespace parley::models::eum

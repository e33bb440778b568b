#include "io/calibration_json.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "io/yaml_fields.hpp"
#include "io/yaml_syntax.hpp"
#include "parley/errors.hpp"
#include "parley/registry.hpp"

namespace parley::io {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kFormatKey = "parley_calibration";

std::string_view to_string(Combination combination) {
  switch (combination) {
    case Combination::weighted:
      return "weighted";
    case Combination::median:
      return "median";
    case Combination::trimmed:
      return "trimmed";
  }
  return "weighted";
}

std::string_view to_string(IntervalScale scale) {
  return scale == IntervalScale::spread ? "spread" : "constant";
}

// JSON has no infinity: an interval that covers the whole scale has a null half-width.
Json finite_or_null(double value) {
  return std::isfinite(value) ? Json(value) : Json(nullptr);
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_choice(YamlContext& context, Fields& fields, std::string_view key,
                                 const std::array<Enum, N>& values) {
  const auto text = fields.text(key, true);
  if (!text) return std::nullopt;
  std::vector<std::string> names;
  for (const Enum value : values) {
    names.emplace_back(to_string(value));
    if (*text == names.back()) return value;
  }
  context.error(*fields.node(key, true), fields.path(key),
                fmt::format("'{}' is not one of {}", *text, fmt::join(names, ", ")));
  return std::nullopt;
}

class CalibrationReader {
 public:
  explicit CalibrationReader(YamlContext& context) : context_(context) {}

  Calibration read(const YAML::Node& root) {
    Calibration calibration;
    Fields fields(context_, root, "",
                  {std::string(kFormatKey), "candidate", "rule", "intervals", "figures", "fitted_on", "produced_by"});
    if (!fields.valid()) return calibration;
    if (const auto version = fields.integer(kFormatKey, true); version && *version != kCalibrationFormat) {
      context_.error(*fields.node(kFormatKey, true), std::string(kFormatKey),
                     fmt::format("format {} is not one this parley reads (it reads {})", *version, kCalibrationFormat));
    }
    if (const auto node = fields.node("candidate", true)) read_candidate(*node, calibration.candidate);
    if (const auto node = fields.node("rule", true)) read_rule(*node, calibration);
    if (const auto node = fields.node("intervals", true)) read_intervals(*node, calibration.intervals);
    if (const auto node = fields.node("figures", false)) read_figures(*node, calibration.figures);
    if (const auto node = fields.node("fitted_on", true)) read_fitted_on(*node, calibration);
    if (const auto node = fields.node("produced_by", false)) {
      Fields produced(context_, *node, "produced_by", {"engine", "command"});
      calibration.engine = produced.text("engine", false).value_or("");
      calibration.command = produced.text("command", false).value_or("");
    }
    calibration.candidate.pool = calibration.rule.members;
    return calibration;
  }

 private:
  void read_candidate(const YAML::Node& node, EnsembleCandidate& candidate) {
    Fields fields(context_, node, "candidate", {"name", "family", "description"});
    if (!fields.valid()) return;
    candidate.name = fields.text("name", true).value_or("");
    candidate.description = fields.text("description", false).value_or("");
    constexpr std::array families{EnsembleFamily::single, EnsembleFamily::mean,   EnsembleFamily::median,
                                  EnsembleFamily::trimmed, EnsembleFamily::choice, EnsembleFamily::stack};
    candidate.family = parse_choice(context_, fields, "family", families).value_or(EnsembleFamily::single);
  }

  void read_rule(const YAML::Node& node, Calibration& calibration) {
    EnsembleRule& rule = calibration.rule;
    Fields fields(context_, node, "rule", {"combination", "trim", "members"});
    if (!fields.valid()) return;
    constexpr std::array combinations{Combination::weighted, Combination::median, Combination::trimmed};
    rule.combination = parse_choice(context_, fields, "combination", combinations).value_or(Combination::weighted);
    rule.trim = fields.number("trim", false).value_or(0.0);
    if (rule.trim < 0.0 || rule.trim >= 0.5) {
      context_.error(*fields.node("trim", false), fields.path("trim"), fmt::format("{} is outside [0, 0.5)", rule.trim));
    }
    const auto members = fields.node("members", true);
    if (!members || !expect_sequence(context_, *members, "rule.members")) return;
    if (members->size() == 0) context_.error(*members, "rule.members", "an ensemble needs at least one member");
    double total = 0.0;
    for (std::size_t m = 0; m < members->size(); ++m) {
      const std::string path = fmt::format("rule.members[{}]", m);
      Fields member(context_, (*members)[m], path, {"name", "parameters", "weight"});
      if (!member.valid()) continue;
      EnsembleMember entry;
      entry.name = member.text("name", true).value_or("");
      read_member_name(member, entry.name);
      if (const auto parameters = member.node("parameters", false); parameters && parameters->IsMap()) {
        for (const auto& pair : *parameters) {
          const std::string key = pair.first.as<std::string>();
          const auto value = read_text(context_, pair.second, member.path("parameters") + "." + key);
          entry.parameters.emplace_back(key, value.value_or(""));
        }
      } else if (parameters && !parameters->IsNull()) {
        context_.error(*parameters, member.path("parameters"), "give the parameters as a mapping of NAME: VALUE");
      }
      const double weight = member.number("weight", rule.combination == Combination::weighted).value_or(0.0);
      if (weight < 0.0) context_.error(*member.node("weight", true), member.path("weight"), "a weight is at least 0");
      total += weight;
      rule.members.push_back(std::move(entry));
      rule.weights.push_back(weight);
    }
    if (rule.combination == Combination::weighted && std::fabs(total - 1.0) > 1e-9 && !rule.members.empty()) {
      context_.error(*members, "rule.members", fmt::format("the weights sum to {}, not 1", total));
    }
    if (rule.combination != Combination::weighted) rule.weights.clear();
  }

  void read_member_name(Fields& member, const std::string& name) {
    if (name.empty()) return;
    const std::string model = name.substr(0, name.find('@'));
    for (const auto& info : model_registry()) {
      if (info.name == model) return;
    }
    context_.error(*member.node("name", true), member.path("name"), fmt::format("'{}' is not a registered model", model));
  }

  void read_intervals(const YAML::Node& node, IntervalCalibration& intervals) {
    Fields fields(context_, node, "intervals", {"scale", "floor", "levels", "half_widths", "score_quantiles"});
    if (!fields.valid()) return;
    constexpr std::array scales{IntervalScale::constant, IntervalScale::spread};
    intervals.scale = parse_choice(context_, fields, "scale", scales).value_or(IntervalScale::constant);
    intervals.floor = fields.number("floor", true).value_or(0.0);
    if (!(intervals.floor >= 0.0)) context_.error(*fields.node("floor", true), "intervals.floor", "must be at least 0");
    const auto levels = numbers(fields, "levels", false);
    if (!levels.empty() && levels != std::vector<double>(kIntervalLevels.begin(), kIntervalLevels.end())) {
      context_.error(*fields.node("levels", true), "intervals.levels", "parley's levels are [0.5, 0.8, 0.95]");
    }
    const auto half_widths = numbers(fields, "half_widths", true);
    if (half_widths.size() == intervals.quantiles.size()) {
      std::copy(half_widths.begin(), half_widths.end(), intervals.quantiles.begin());
    } else if (const auto half = fields.node("half_widths", false)) {
      context_.error(*half, "intervals.half_widths", "give one half-width for each of the levels 0.5, 0.8, 0.95");
    }
    intervals.score_quantiles = numbers(fields, "score_quantiles", true);
    const auto& q = intervals.score_quantiles;
    const bool ordered = std::is_sorted(q.begin(), q.end()) && (q.empty() || (q.front() >= 0.0 && std::isfinite(q.back())));
    if (const auto scores = fields.node("score_quantiles", false); scores && (q.size() < 2 || !ordered)) {
      context_.error(*scores, "intervals.score_quantiles", "give at least two finite, non-negative quantiles in order");
    }
  }

  // A list of numbers; null stands for infinity.
  std::vector<double> numbers(Fields& fields, std::string_view key, bool required) {
    std::vector<double> values;
    const auto node = fields.node(key, required);
    if (!node || !expect_sequence(context_, *node, fields.path(key))) return values;
    for (std::size_t i = 0; i < node->size(); ++i) {
      const std::string path = fmt::format("{}[{}]", fields.path(key), i);
      if ((*node)[i].IsNull()) {
        values.push_back(std::numeric_limits<double>::infinity());
      } else if (const auto value = read_number(context_, (*node)[i], path)) {
        values.push_back(*value);
      }
    }
    return values;
  }

  void read_figures(const YAML::Node& node, CalibrationFigures& figures) {
    Fields fields(context_, node, "figures",
                  {"cases", "issues", "mae", "median_ae", "rmse", "reference_mae", "coverage", "width80",
                   "interval_score80"});
    if (!fields.valid()) return;
    figures.cases = static_cast<std::size_t>(std::max(0LL, fields.integer("cases", false).value_or(0)));
    figures.issues = static_cast<std::size_t>(std::max(0LL, fields.integer("issues", false).value_or(0)));
    figures.mae = fields.number("mae", false).value_or(0.0);
    figures.median_ae = fields.number("median_ae", false).value_or(0.0);
    figures.rmse = fields.number("rmse", false).value_or(0.0);
    figures.reference_mae = fields.number("reference_mae", false).value_or(0.0);
    const auto coverage = numbers(fields, "coverage", false);
    for (std::size_t l = 0; l < coverage.size() && l < figures.coverage.size(); ++l) figures.coverage[l] = coverage[l];
    figures.width80 = fields.number("width80", false).value_or(0.0);
    figures.interval_score80 = fields.number("interval_score80", false).value_or(0.0);
  }

  void read_fitted_on(const YAML::Node& node, Calibration& calibration) {
    Fields fields(context_, node, "fitted_on", {"data", "sha256", "domain", "cases"});
    if (!fields.valid()) return;
    calibration.data = fields.text("data", true).value_or("");
    calibration.data_sha256 = fields.text("sha256", false).value_or("");
    calibration.domain = fields.text("domain", false).value_or("");
    const auto cases = fields.node("cases", false);
    if (!cases || !expect_sequence(context_, *cases, "fitted_on.cases")) return;
    for (std::size_t i = 0; i < cases->size(); ++i) {
      if (auto name = read_text(context_, (*cases)[i], fmt::format("fitted_on.cases[{}]", i))) {
        calibration.cases.push_back(std::move(*name));
      }
    }
  }

  YamlContext& context_;
};

}  // namespace

Json calibration_to_json(const Calibration& calibration) {
  Json root;
  root[std::string(kFormatKey)] = kCalibrationFormat;
  root["candidate"] = Json{{"name", calibration.candidate.name},
                           {"family", to_string(calibration.candidate.family)},
                           {"description", calibration.candidate.description}};
  Json members = Json::array();
  const EnsembleRule& rule = calibration.rule;
  for (std::size_t m = 0; m < rule.members.size(); ++m) {
    Json parameters = Json::object();
    for (const auto& [name, value] : rule.members[m].parameters) parameters[name] = value;
    Json member{{"name", rule.members[m].name}, {"parameters", parameters}};
    if (m < rule.weights.size()) member["weight"] = rule.weights[m];
    members.push_back(member);
  }
  root["rule"] = Json{{"combination", to_string(rule.combination)}, {"trim", rule.trim}, {"members", members}};
  const IntervalCalibration& intervals = calibration.intervals;
  Json half_widths = Json::array();
  for (const double q : intervals.quantiles) half_widths.push_back(finite_or_null(q));
  root["intervals"] = Json{{"scale", to_string(intervals.scale)},
                           {"floor", intervals.floor},
                           {"levels", kIntervalLevels},
                           {"half_widths", half_widths},
                           {"score_quantiles", intervals.score_quantiles}};
  const CalibrationFigures& figures = calibration.figures;
  root["figures"] = Json{{"cases", figures.cases},
                         {"issues", figures.issues},
                         {"mae", figures.mae},
                         {"median_ae", figures.median_ae},
                         {"rmse", figures.rmse},
                         {"reference_mae", figures.reference_mae},
                         {"coverage", figures.coverage},
                         {"width80", figures.width80},
                         {"interval_score80", figures.interval_score80}};
  root["fitted_on"] = Json{{"data", calibration.data},
                           {"sha256", calibration.data_sha256},
                           {"domain", calibration.domain},
                           {"cases", calibration.cases}};
  root["produced_by"] = Json{{"engine", calibration.engine}, {"command", calibration.command}};
  return root;
}

std::string write_calibration_json(const Calibration& calibration) {
  return calibration_to_json(calibration).dump(2) + "\n";
}

Calibration read_calibration_json(std::string_view text, const std::string& file) {
  YamlContext context(file);
  if (const auto problem = find_unclosed(text)) {
    context.error_at_position(problem->line, problem->column, "syntax error: " + problem->message);
    throw ScenarioError(context.errors());
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    context.error_at(error.mark, "", "syntax error: " + error.msg);
    throw ScenarioError(context.errors());
  }
  if (root.IsNull()) {
    context.error_at_position(1, 1, "the file is empty; a calibration is written by `parley calibrate`");
    throw ScenarioError(context.errors());
  }
  Calibration calibration = CalibrationReader(context).read(root);
  if (!context.errors().empty()) throw ScenarioError(context.errors());
  return calibration;
}

}  // namespace parley::io

#include "parley/io/model_listing.hpp"

#include <fmt/format.h>

namespace parley::io {

namespace {

std::string range_text(const ParameterSpec& spec) {
  if (spec.type == ParameterType::choice) {
    std::string text;
    for (const auto& choice : spec.choices) text += (text.empty() ? "" : ", ") + choice;
    return text;
  }
  if (spec.type == ParameterType::boolean) return "true, false";
  if (spec.type == ParameterType::text) return "text";
  const std::string low = spec.min ? fmt::format("{}", *spec.min) : "-inf";
  const std::string high = spec.max ? fmt::format("{}", *spec.max) : "inf";
  return fmt::format("[{}, {}]", low, high);
}

}  // namespace

nlohmann::ordered_json model_json(const ModelInfo& info) {
  nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
  for (const auto& spec : info.parameters) {
    nlohmann::ordered_json entry{{"name", spec.name}, {"type", to_string(spec.type)}, {"default", spec.default_value}};
    if (spec.min) entry["min"] = *spec.min;
    if (spec.max) entry["max"] = *spec.max;
    if (!spec.choices.empty()) entry["choices"] = spec.choices;
    entry["description"] = spec.description;
    parameters.push_back(entry);
  }
  return {{"name", info.name},
          {"summary", info.summary},
          {"reference", info.reference},
          {"needs_multiple_issues", info.needs_multiple_issues},
          {"relations", info.relations},
          {"parameters", parameters}};
}

namespace {

// Markdown table cells: a '|' would start a new column.
std::string markdown_cell(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '|') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace

std::string markdown_parameters(const ModelInfo& info) {
  if (info.parameters.empty()) return "This model has no parameters.\n";
  std::string out = "| parameter | type | default | values | description |\n|---|---|---|---|---|\n";
  for (const auto& spec : info.parameters) {
    out += fmt::format("| `{}` | {} | `{}` | {} | {} |\n", spec.name, to_string(spec.type), spec.default_value,
                       markdown_cell(range_text(spec)), markdown_cell(spec.description));
  }
  return out;
}

std::string text_listing(const ModelInfo& info) {
  std::string out =
      fmt::format("{:<12}{}{}\n", info.name, info.summary, info.needs_multiple_issues ? " (needs 2+ issues)" : "");
  if (!info.relations.empty()) out += fmt::format("  reads the scenario's relations: {}\n", info.relations);
  for (const auto& spec : info.parameters) {
    out += fmt::format("  -p {}.{}={}  [{}: {}]\n      {}\n", info.name, spec.name, spec.default_value,
                       to_string(spec.type), range_text(spec), spec.description);
  }
  return out;
}

std::string ensemble_listing(const Calibration& calibration) {
  std::string members;
  for (std::size_t m = 0; m < calibration.rule.members.size(); ++m) {
    const double weight = m < calibration.rule.weights.size() ? calibration.rule.weights[m] : 1.0;
    if (weight > 0.0)
      members += fmt::format("{}{} {:.3f}", members.empty() ? "" : ", ", calibration.rule.members[m].name, weight);
  }
  return fmt::format(
      "{}\n  parley's headline forecast: a combination of the models, fitted on real decisions, with 50/80/95 % "
      "intervals (-m {}; runs by default)\n  rule: {} ({}): {}\n  fitted on: {}\n  out of sample there: MAE "
      "{:.3f} (compromise {:.3f}), 80 % interval coverage {:.1f} %\n  see docs/models/ensemble.md; refit with "
      "`parley calibrate`, use another with --calibration FILE\n",
      kEnsembleName, kEnsembleName, calibration.candidate.name, calibration.candidate.description, members,
      calibration.domain, calibration.figures.mae, calibration.figures.reference_mae,
      100.0 * calibration.figures.coverage[1]);
}

}  // namespace parley::io

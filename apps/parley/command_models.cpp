// `parley models [NAME] [--format text|json|markdown]`: the registry, as users and docs see it.

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_common.hpp"
#include "io/calibration_json.hpp"
#include "parley/registry.hpp"

namespace parley::cli {
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
          {"parameters", parameters}};
}

// Markdown table cells: a '|' would start a new column.
std::string markdown_cell(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '|') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

// The parameter table of docs/models/NAME.md (a test keeps the docs equal to this).
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
  for (const auto& spec : info.parameters) {
    out += fmt::format("  -p {}.{}={}  [{}: {}]\n      {}\n", info.name, spec.name, spec.default_value,
                       to_string(spec.type), range_text(spec), spec.description);
  }
  return out;
}

// The ensemble is not a registered model: it combines them (docs/models/ensemble.md).
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

class ModelsCommand final : public Command {
 public:
  explicit ModelsCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("models", "List the registered models and their parameters");
    app_->add_option("name", name_, "Show only this model");
    app_->add_option("--format", format_, "text, json or markdown (the parameter table of the docs)")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    app_->add_flag("--json", json_, "Same as --format json");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    if (name_ == kEnsembleName) {
      std::cout << ensemble_listing(io::shipped_calibration());
      return 0;
    }
    std::vector<const ModelInfo*> shown;
    if (name_.empty()) {
      for (const auto& info : model_registry()) shown.push_back(&info);
    } else {
      shown.push_back(&find_model(name_));
    }
    const std::string format = json_ ? "json" : format_;
    if (format == "json") {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto* info : shown) list.push_back(model_json(*info));
      std::cout << list.dump(2) << '\n';
    } else {
      for (const auto* info : shown) {
        if (format != "markdown") {
          std::cout << text_listing(*info);
          if (info == shown.back() && name_.empty()) std::cout << '\n' << ensemble_listing(io::shipped_calibration());
        } else if (shown.size() == 1) {
          std::cout << markdown_parameters(*info);
        } else {
          std::cout << "## " << info->name << "\n\n" << markdown_parameters(*info) << '\n';
        }
      }
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string name_;
  std::string format_ = "text";
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_models_command(CLI::App& parent) {
  return std::make_unique<ModelsCommand>(parent);
}

}  // namespace parley::cli

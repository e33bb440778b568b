// `parley models [NAME] [--format text|json|markdown]`: the registry, as users and docs see it.

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_common.hpp"
#include "parley/io/calibration_json.hpp"
#include "parley/io/model_listing.hpp"
#include "parley/registry.hpp"

namespace parley::cli {
namespace {

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
      std::cout << io::ensemble_listing(io::shipped_calibration());
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
      for (const auto* info : shown) list.push_back(io::model_json(*info));
      std::cout << list.dump(2) << '\n';
    } else {
      for (const auto* info : shown) {
        if (format != "markdown") {
          std::cout << io::text_listing(*info);
          if (info == shown.back() && name_.empty()) std::cout << '\n' << io::ensemble_listing(io::shipped_calibration());
        } else if (shown.size() == 1) {
          std::cout << io::markdown_parameters(*info);
        } else {
          std::cout << "## " << info->name << "\n\n" << io::markdown_parameters(*info) << '\n';
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

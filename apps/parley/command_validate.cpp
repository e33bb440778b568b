// `parley validate FILE... [--strict]`: check scenarios; report every problem of every file.

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"

namespace parley::cli {
namespace {

class ValidateCommand final : public Command {
 public:
  explicit ValidateCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("validate", "Check scenario files (or embedded names) and report every problem");
    app_->add_option("files", files_, "Scenario files or embedded names")->required();
    app_->add_flag("--strict", strict_, "Treat unsourced actors, stances, relations and events as errors");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    int failures = 0;
    int exit_code = 0;
    for (const auto& file : files_) {
      try {
        const Input input = load_input(file, strict_);
        print_warnings(input.loaded.warnings, WarningStyle::full);
        const Scenario& scenario = input.loaded.scenario;
        std::cout << fmt::format("{}: ok ({}, {}, {})\n", file, plural(scenario.actors.size(), "actor"),
                                 plural(scenario.issues.size(), "issue"), plural(scenario.events.size(), "event"));
      } catch (const ScenarioError& error) {
        for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << '\n';
        ++failures;
        exit_code = static_cast<int>(error.exit_code());
      } catch (const Error& error) {  // not found, a folder, another tool's file
        std::cerr << "parley: " << label("error") << ": " << wording(error) << '\n';
        ++failures;
        if (exit_code == 0) exit_code = static_cast<int>(error.exit_code());
      }
    }
    if (failures > 0) std::cerr << fmt::format("parley: {} of {} file(s) failed validation\n", failures, files_.size());
    return exit_code;
  }

 private:
  CLI::App* app_ = nullptr;
  std::vector<std::string> files_;
  bool strict_ = false;
};

}  // namespace

std::unique_ptr<Command> make_validate_command(CLI::App& parent) {
  return std::make_unique<ValidateCommand>(parent);
}

}  // namespace parley::cli

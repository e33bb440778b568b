// `parley validate FILE... [--strict]`: check scenarios; report every problem of every file.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli_common.hpp"
#include "parley/registry.hpp"

namespace parley::cli {
namespace {

// Which models read the scenario's relations, and how; the others are said not to.
std::string relations_note(std::size_t count) {
  std::vector<std::string> readers;
  for (const auto& info : model_registry()) {
    if (!info.relations.empty()) readers.push_back(fmt::format("{} ({})", info.name, info.relations));
  }
  if (readers.empty()) return fmt::format("{}: no model reads them", plural(count, "relation"));
  return fmt::format("{}: read by {} only; the other models do not read them", plural(count, "relation"),
                     fmt::join(readers, ", "));
}

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
        if (!scenario.relations.empty()) std::cout << "  " << relations_note(scenario.relations.size()) << '\n';
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

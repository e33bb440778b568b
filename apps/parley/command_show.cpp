// `parley show SCENARIO [--format yaml|json] [--at DATE]`: print a scenario as parley read it.

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/run.hpp"
#include "parley/timeline.hpp"

namespace parley::cli {
namespace {

class ShowCommand final : public Command {
 public:
  explicit ShowCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("show", "Print a scenario (file or embedded name) as YAML or JSON");
    app_->add_option("scenario", scenario_, "Scenario file, or the name of an embedded scenario")->required();
    app_->add_option("--format", format_, "yaml or json")
        ->check(CLI::IsMember({"yaml", "json"}))
        ->capture_default_str();
    app_->add_option("--at", at_, "Print the scenario as it stood on this date (events up to it applied)");
    app_->add_flag("--strict", strict_, "Treat unsourced items as errors");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Input input = load_input(scenario_, strict_);
    print_warnings(input.loaded.warnings, WarningStyle::summary, fmt::format("`parley validate {}`", scenario_));
    Scenario scenario = input.loaded.scenario;
    if (!at_.empty()) {
      scenario = scenario_at(scenario, run_date(scenario, parse_date_option("--at", at_)));
    }
    if (format_ == "json") {
      std::cout << io::scenario_to_json(scenario).dump(2) << '\n';
    } else {
      std::cout << io::write_scenario_yaml(scenario);
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string scenario_;
  std::string format_ = "yaml";
  std::string at_;
  bool strict_ = false;
};

}  // namespace

std::unique_ptr<Command> make_show_command(CLI::App& parent) {
  return std::make_unique<ShowCommand>(parent);
}

}  // namespace parley::cli

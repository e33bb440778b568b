// `parley scenarios`: the scenarios embedded in the binary.

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "parley/io/embedded.hpp"

namespace parley::cli {
namespace {

class ScenariosCommand final : public Command {
 public:
  explicit ScenariosCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("scenarios", "List the embedded scenarios");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    for (const auto& embedded : io::embedded_scenarios()) {
      const Input input = load_input(std::string(embedded.name), true);
      const Scenario& scenario = input.loaded.scenario;
      std::cout << fmt::format("{:<16}{}  (as of {}; {} actors, {} issues, {} events){}\n", embedded.name,
                               scenario.title, scenario.as_of.to_string(), scenario.actors.size(),
                               scenario.issues.size(), scenario.events.size(),
                               embedded.name == io::kDefaultScenario ? "  [default]" : "");
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> make_scenarios_command(CLI::App& parent) {
  return std::make_unique<ScenariosCommand>(parent);
}

}  // namespace parley::cli

// `parley scenarios`: the scenarios embedded in the binary.

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/scenario_keys.hpp"

namespace parley::cli {
namespace {

class ScenariosCommand final : public Command {
 public:
  explicit ScenariosCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("scenarios", "List the embedded scenarios");
    app_->add_option("--keys", keys_,
                     "Instead, print the Markdown table of a scenario part's keys (top, source, actor, stance, issue, "
                     "scale, relation, event, effect, uncertainty, override, claim), as docs/scenario-format.md has "
                     "it");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    if (!keys_.empty()) {
      std::cout << io::scenario_key_table(keys_);
      return 0;
    }
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
  std::string keys_;
};

}  // namespace

std::unique_ptr<Command> make_scenarios_command(CLI::App& parent) {
  return std::make_unique<ScenariosCommand>(parent);
}

}  // namespace parley::cli

// `parley run [SCENARIO] [--from FORMAT] [-m MODEL]... [-p MODEL.NAME=VALUE]... [--at DATE] [--seed N] [-o DIR]`

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "forecast_table.hpp"
#include "parley/io/embedded.hpp"
#include "parley/run.hpp"

namespace parley::cli {
namespace {

struct RunOptions {
  ScenarioOptions scenario;
  std::string output = "parley-out";
};

class RunCommand final : public Command {
 public:
  explicit RunCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("run", "Run models on a scenario and write the forecast (the default command)");
    add_scenario_options(app_, options_.scenario, "Master random seed, recorded in run.json");
    app_->add_option("-o,--output", options_.output, "Output folder")->capture_default_str();
    app_->add_flag("--strict", options_.scenario.strict, "Treat unsourced actors, stances and events as errors");
    app_->add_flag("-q,--quiet", options_.scenario.quiet, "Print neither the forecast table nor warnings");
    app_->add_option("-j,--threads", options_.scenario.threads,
                     "Threads a model may use within one run (default: every core; results never depend on it)");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Prepared prepared = prepare(options_.scenario);
    const Input& input = prepared.input;
    const Scenario& scenario = input.loaded.scenario;
    const RunRequest& request = prepared.request;
    const RunResult result = run(scenario, request);
    io::write_run_outputs(options_.output, result, input.origin);
    write_run_report(options_.output);
    if (!options_.scenario.quiet) {
      std::cout << forecast_table(result);
      std::string files = "run.json, scenario.json, forecast.csv, trajectories.csv";
      for (const auto& model_run : result.runs) {
        for (const auto& table : model_run.outcome.tables) files += ", " + table.name + ".csv";
      }
      std::cout << fmt::format("\nwrote {}/{}, report.html\n", options_.output, files);
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  RunOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_run_command(CLI::App& parent) {
  return std::make_unique<RunCommand>(parent);
}

}  // namespace parley::cli

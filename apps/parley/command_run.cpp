// `parley run [SCENARIO] [--from FORMAT] [-m MODEL]... [-p MODEL.NAME=VALUE]... [--at DATE] [--seed N] [-o DIR]`

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "forecast_table.hpp"
#include "io/embedded.hpp"
#include "parley/run.hpp"
#include "report/report.hpp"

namespace parley::cli {
namespace {

struct RunOptions {
  std::string scenario{io::kDefaultScenario};
  std::string from;
  std::vector<std::string> models;
  std::vector<std::string> parameters;
  std::string at;
  std::string seed = std::to_string(kDefaultSeed);
  std::string output = "parley-out";
  bool strict = false;
  bool quiet = false;
};

class RunCommand final : public Command {
 public:
  explicit RunCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("run", "Run models on a scenario and write the forecast (the default command)");
    app_->add_option("scenario", options_.scenario, "Scenario file, or the name of an embedded scenario")
        ->capture_default_str();
    // One value per -m / -p, so that `run -m nash FILE` leaves FILE to the scenario argument.
    app_->add_option("--from", options_.from,
                     "Read the scenario file with this importer (e.g. bdm-csv; see `parley import --help`)");
    app_->add_option("-m,--model", options_.models, "Model to run (repeatable); default: every model that applies")
        ->allow_extra_args(false);
    app_->add_option("-p,--param", options_.parameters, "Model parameter as MODEL.NAME=VALUE (repeatable)")
        ->allow_extra_args(false);
    app_->add_option("--at", options_.at, "Run the scenario as it stood on this date (YYYY-MM-DD); default: its as_of");
    app_->add_option("--seed", options_.seed, "Master random seed, recorded in run.json")->capture_default_str();
    app_->add_option("-o,--output", options_.output, "Output folder")->capture_default_str();
    app_->add_flag("--strict", options_.strict, "Treat unsourced actors, stances and events as errors");
    app_->add_flag("-q,--quiet", options_.quiet, "Do not print the forecast table");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Input input = options_.from.empty() ? load_input(options_.scenario, options_.strict)
                                              : load_imported(options_.from, options_.scenario);
    print_warnings(input.loaded.warnings);
    const Scenario& scenario = input.loaded.scenario;
    RunRequest request;
    if (!options_.at.empty()) request.at = parse_date_option("--at", options_.at);
    request.seed = parse_seed_option(options_.seed);
    request.models = select_models(options_.models, options_.parameters, scenario.issues.size());
    const RunResult result = run(scenario, request);
    io::write_run_outputs(options_.output, result, input.origin);
    report::write_report(options_.output);
    if (!options_.quiet) {
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

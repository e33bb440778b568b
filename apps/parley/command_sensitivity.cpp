// `parley sensitivity [SCENARIO] [-n BASE_SAMPLES] [-j THREADS] [--bootstrap N] [-m MODEL]... [-p ...]
// [--at DATE] [--seed N] [-o DIR] [-q]`: which judgements drive each forecast (Sobol indices).

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "parley/io/sensitivity_outputs.hpp"
#include "parley/montecarlo.hpp"
#include "parley/sensitivity.hpp"

namespace parley::cli {
namespace {

struct SensitivityOptions {
  ScenarioOptions scenario;
  std::size_t samples = 500;
  unsigned threads = 0;
  std::size_t bootstrap = 200;
  std::string output = "parley-sensitivity";
  std::size_t top = 3;
};

class SensitivityCommand final : public Command {
 public:
  explicit SensitivityCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("sensitivity",
                                 "Which judgements drive each forecast: first-order and total Sobol "
                                 "indices per actor's positions, saliences and capability");
    add_scenario_options(app_, options_.scenario, "Master random seed");
    app_->add_option("-n,--samples", options_.samples, "Base samples N; the models run N (groups + 2) times")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{2}, std::size_t{10000000}));
    app_->add_option("-j,--threads", options_.threads, "Threads (default: every core)");
    app_->add_option("--bootstrap", options_.bootstrap, "Bootstrap resamples for the 95% intervals")
        ->capture_default_str();
    app_->add_option("-o,--output", options_.output, "Output folder")->capture_default_str();
    app_->add_option("--top", options_.top, "Drivers to print per model and issue")->capture_default_str();
    app_->add_flag("-q,--quiet", options_.scenario.quiet, "Print neither the top drivers nor warnings");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Prepared prepared = prepare(options_.scenario);
    const Input& input = prepared.input;
    const Scenario& scenario = input.loaded.scenario;
    const RunRequest& request = prepared.request;
    const MonteCarlo mc(scenario, request);
    const ModelSensitivity sensitivity =
        model_sensitivity(mc, options_.samples, request.seed, options_.threads, options_.bootstrap);
    io::write_sensitivity_outputs(options_.output, mc, sensitivity, scenario, request, input.origin,
                                  options_.bootstrap);
    write_run_report(options_.output);
    if (!options_.scenario.quiet) {
      std::cout << io::sensitivity_table(mc, sensitivity, options_.top);
      std::cout << fmt::format("\nwrote {}/run.json, scenario.json, sensitivity.csv, report.html\n", options_.output);
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  SensitivityOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_sensitivity_command(CLI::App& parent) {
  return std::make_unique<SensitivityCommand>(parent);
}

}  // namespace parley::cli

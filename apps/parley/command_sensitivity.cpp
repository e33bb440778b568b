// `parley sensitivity [SCENARIO] [-n BASE_SAMPLES] [-j THREADS] [--bootstrap N] [-m MODEL]... [-p ...]
// [--at DATE] [--seed N] [-o DIR] [-q]`: which judgements drive each forecast (Sobol indices).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "cli_common.hpp"
#include "core/sha256.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"
#include "io/scenario_json.hpp"
#include "parley/montecarlo.hpp"
#include "parley/sensitivity.hpp"
#include "parley/timeline.hpp"
#include "parley/version.hpp"
#include "report/report.hpp"

namespace parley::cli {
namespace {

struct SensitivityOptions {
  ScenarioOptions scenario;
  std::size_t samples = 500;
  unsigned threads = 0;
  std::size_t bootstrap = 200;
  std::string output = "parley-sensitivity";
  std::size_t top = 3;
  bool quiet = false;
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
    app_->add_flag("-q,--quiet", options_.quiet, "Do not print the top drivers");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Prepared prepared = prepare(options_.scenario);
    const Input& input = prepared.input;
    const Scenario& scenario = input.loaded.scenario;
    const RunRequest& request = prepared.request;
    const MonteCarlo mc(scenario, request);
    const auto groups = mc.sampler().groups();
    if (groups.empty()) {
      throw UsageError("the scenario's uncertainty block makes nothing uncertain: there is nothing to attribute");
    }
    SobolProblem problem;
    problem.draw = [&](Rng& rng) { return mc.sampler().draw(rng); };
    // One model seed for every evaluation (common random numbers): a model's own randomness is not
    // an input, and the indices must not depend on the order threads evaluate in.
    problem.evaluate = [&](const std::vector<double>& values) { return mc.forecasts_for(values, 0); };
    for (const auto& group : groups) problem.groups.push_back(group.inputs);
    problem.outputs = mc.series().size();
    const SobolResult result = sobol(problem, options_.samples, request.seed, options_.threads, options_.bootstrap);

    std::string csv;
    io::append_csv_row(csv, {"model", "issue", "input", "first", "first_low", "first_high", "total", "total_low",
                             "total_high", "variance"});
    for (std::size_t o = 0; o < mc.series().size(); ++o) {
      for (std::size_t g = 0; g < groups.size(); ++g) {
        const SobolIndex& index = result.indices[o][g];
        io::append_csv_row(
            csv,
            {mc.series()[o].model, mc.series()[o].issue, groups[g].name, io::csv_number(index.first),
             io::csv_number(index.first_low), io::csv_number(index.first_high), io::csv_number(index.total),
             io::csv_number(index.total_low), io::csv_number(index.total_high), io::csv_number(result.variance[o])});
      }
    }
    io::make_output_directory(options_.output);
    io::write_text_file(std::filesystem::path(options_.output) / "sensitivity.csv", csv);
    nlohmann::ordered_json run;
    run["engine"] = {{"name", "parley"}, {"version", kVersion}};
    run["scenario"] = {
        {"name", input.origin.name}, {"title", scenario.title}, {"sha256", sha256_hex(input.origin.text)}};
    run["at"] = mc.at().to_string();
    run["seed"] = request.seed;
    run["base_samples"] = options_.samples;
    run["evaluations"] = result.evaluations;
    run["bootstrap"] = options_.bootstrap;
    run["models"] = nlohmann::ordered_json::array();
    for (const auto& selection : request.models) {
      run["models"].push_back(
          {{"name", selection.name}, {"parameters", io::parameters_json(selection.parameters)}});
    }
    run["outputs"] = {"run.json", "scenario.json", "sensitivity.csv"};
    io::write_text_file(std::filesystem::path(options_.output) / "run.json", run.dump(2) + "\n");
    Scenario at_date = scenario_at(scenario, mc.at());
    at_date.events = scenario.events;  // the whole timeline, for the report
    io::write_text_file(std::filesystem::path(options_.output) / "scenario.json",
                        io::scenario_to_json(at_date).dump(2) + "\n");
    report::write_report(options_.output);
    if (!options_.quiet) print_drivers(mc, groups, result);
    return 0;
  }

 private:
  void print_drivers(const MonteCarlo& mc, const std::vector<Sampler::Group>& groups, const SobolResult& result) const {
    std::cout << fmt::format(
        "Sobol indices from {} base samples ({} model runs): the share of each forecast's variance "
        "due to an input, alone (first) or with others (total)\n",
        result.base_samples, result.evaluations);
    std::string issue;
    for (std::size_t o = 0; o < mc.series().size(); ++o) {
      const Series& series = mc.series()[o];
      std::vector<std::size_t> order(groups.size());
      for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
      const auto& indices = result.indices[o];
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double x = std::isnan(indices[a].total) ? -1.0 : indices[a].total;
        const double y = std::isnan(indices[b].total) ? -1.0 : indices[b].total;
        return x > y;
      });
      if (std::isnan(indices.front().total)) {
        std::cout << fmt::format("\n{} / {}: the forecast does not vary\n", series.issue, series.model);
        continue;
      }
      std::cout << fmt::format("\n{} / {}:\n", series.issue, series.model);
      for (std::size_t k = 0; k < std::min(options_.top, order.size()); ++k) {
        const SobolIndex& index = indices[order[k]];
        std::cout << fmt::format("  {:<24} total {:.2f} [{:.2f}, {:.2f}]  first {:.2f}\n", groups[order[k]].name,
                                 index.total, index.total_low, index.total_high, index.first);
      }
    }
    std::cout << fmt::format("\nwrote {}/run.json, scenario.json, sensitivity.csv, report.html\n", options_.output);
  }

  CLI::App* app_ = nullptr;
  SensitivityOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_sensitivity_command(CLI::App& parent) {
  return std::make_unique<SensitivityCommand>(parent);
}

}  // namespace parley::cli

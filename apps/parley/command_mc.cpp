// `parley mc [SCENARIO] -n SAMPLES [-j THREADS] [--store FILE] [--resume] [-m MODEL]... [-p ...]
// [--at DATE] [--seed N] [-o DIR] [-q]`: every model on many perturbed copies of the scenario, on
// this process's threads or, under mpirun, over MPI ranks (the library's distributor).

#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <optional>

#include "cli_common.hpp"
#include "parley/distributor.hpp"
#include "parley/errors.hpp"
#include "parley/io/files.hpp"
#include "parley/io/mc_outputs.hpp"
#include "parley/io/store.hpp"
#include "parley/montecarlo.hpp"
#include "progress.hpp"

namespace parley::cli {
namespace {

struct McOptions {
  ScenarioOptions scenario;
  std::uint64_t samples = 1000;
  unsigned threads = 0;
  std::string store;
  bool resume = false;
  std::string output = "parley-mc";
};

class McCommand final : public Command {
 public:
  explicit McCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("mc", "Monte Carlo: every model on many perturbed copies of a scenario");
    add_scenario_options(app_, options_.scenario, "Master random seed: sample k is drawn from stream k");
    app_->add_option("-n,--samples", options_.samples, "Number of samples")
        ->capture_default_str()
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
    app_->add_option("-j,--threads", options_.threads, "Threads (default: every core)");
    app_->add_option("--store", options_.store, "The run store (SQLite); default: OUTPUT/samples.sqlite");
    app_->add_flag("--resume", options_.resume, "Continue the run in the store, computing only what is missing");
    app_->add_option("-o,--output", options_.output, "Output folder")->capture_default_str();
    app_->add_flag("-q,--quiet", options_.scenario.quiet, "Print neither progress, the summary nor warnings");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Prepared prepared = prepare(options_.scenario);
    const Scenario& scenario = prepared.input.loaded.scenario;
    const MonteCarlo mc(scenario, prepared.request);
    const auto distributor = make_distributor();
    const bool coordinator = distributor->coordinator();
    if (!mc.uncertain() && !options_.scenario.quiet && coordinator) {
      std::cerr << label("warning") << ": the scenario has no uncertainty block: every sample is the same scenario\n";
    }
    // Ctrl-C stops the run with what is done kept; caught from before the store exists, so that an
    // interrupt while it is created still ends in a store that can be resumed.
    // The summary keeps each sample's forecasts (McSummariser), and the run lists the samples done
    // and to do.
    check_memory(static_cast<double>(options_.samples) * (McSummariser::bytes_per_sample(mc) + 16.0),
                 fmt::format("{} samples", options_.samples), "use fewer samples (-n)");
    std::optional<Interrupt> interrupt(std::in_place);
    std::unique_ptr<io::RunStore> store;
    if (coordinator) {
      try {
        io::make_output_directory(options_.output);
        const auto fingerprint =
            io::mc_fingerprint(prepared.request, mc.at(), prepared.input.origin, options_.samples).dump();
        store = std::make_unique<io::RunStore>(store_path(), fingerprint, mc, options_.resume);
      } catch (const Error& error) {
        (void)distributor->agree(static_cast<int>(error.exit_code()));  // every process exits with its code
        throw;
      }
    }
    if (const int failed = distributor->agree(0); failed != 0) return failed;

    Progress progress(store ? store->completed().size() : 0, options_.scenario.quiet || !coordinator);
    const auto started = std::chrono::steady_clock::now();
    distributor->run(
        mc, store.get(), {options_.samples, options_.threads},
        [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); }, interrupt->requested());
    const bool interrupted = interrupt->requested().load();
    interrupt.reset();  // from here Ctrl-C ends the program: the outputs are written atomically
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!coordinator) return 0;
    if (interrupted) {
      std::cerr << fmt::format("\nmc: interrupted; {} of {} samples are in {}. Continue with --resume.\n",
                               store->completed().size(), options_.samples, store_path());
      return static_cast<int>(ExitCode::interrupted);
    }
    finish(*store, scenario, prepared, mc, seconds);
    return 0;
  }

 private:
  void finish(io::RunStore& store, const Scenario& scenario, const Prepared& prepared, const MonteCarlo& mc,
              double seconds) const {
    McSummariser summariser(mc, scenario);
    store.read([&](const SampleResult& result) { summariser.add(result); });
    const McSummary summary = summariser.finish();
    store.describe_keys(mc, summary.indicators);
    io::write_mc_outputs(options_.output, mc, scenario, summary, prepared.request, prepared.input.origin,
                         options_.samples, store_path(), seconds);
    write_run_report(options_.output);
    if (options_.scenario.quiet) return;
    std::string files;
    for (const auto& series : mc.indicator_series()) files += io::mc_indicator_file(series) + ", ";
    std::cout << io::mc_table(mc, scenario, summary)
              << fmt::format(
                     "\nwrote {}/run.json, scenario.json, mc_summary.csv, mc_claims.csv, {}report.html; "
                     "samples in {}\n",
                     options_.output, files, store_path());
  }

  [[nodiscard]] std::string store_path() const {
    return options_.store.empty() ? (std::filesystem::path(options_.output) / "samples.sqlite").string()
                                  : options_.store;
  }

  CLI::App* app_ = nullptr;
  McOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_mc_command(CLI::App& parent) {
  return std::make_unique<McCommand>(parent);
}

}  // namespace parley::cli

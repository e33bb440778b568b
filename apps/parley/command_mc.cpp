// `parley mc [SCENARIO] -n SAMPLES [-j THREADS] [--store FILE] [--resume] [-m MODEL]... [-p ...]
// [--at DATE] [--seed N] [-o DIR] [-q]`: every model on many perturbed copies of the scenario.

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <iostream>
#include <thread>

#include "cli_common.hpp"
#include "core/sha256.hpp"
#include "io/files.hpp"
#include "io/mc_outputs.hpp"
#include "io/store.hpp"
#include "mpi.hpp"
#include "parley/errors.hpp"
#include "parley/montecarlo.hpp"
#include "report/report.hpp"

namespace parley::cli {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int /*signal*/) {
  interrupted.store(true);
}

struct McOptions {
  ScenarioOptions scenario;
  std::uint64_t samples = 1000;
  unsigned threads = 0;
  std::string store;
  bool resume = false;
  std::string output = "parley-mc";
  bool quiet = false;
};

// Progress on stderr: a bar redrawn in place on a terminal, a line every 10 % otherwise.
class Progress {
 public:
  Progress(std::size_t total, std::size_t already, bool quiet)
      : total_(total),
        already_(already),
        quiet_(quiet),
        terminal_(isatty(STDERR_FILENO) != 0),
        start_(std::chrono::steady_clock::now()) {}

  void update(std::size_t done_now) {
    if (quiet_ || total_ == 0) return;
    const std::size_t done = already_ + done_now;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = seconds > 0.0 ? static_cast<double>(done_now) / seconds : 0.0;
    const double eta = rate > 0.0 ? static_cast<double>(total_ - done) / rate : 0.0;
    const int percent = static_cast<int>(100 * done / total_);
    if (terminal_) {
      const auto filled = static_cast<std::size_t>(percent / 4);
      std::cerr << fmt::format("\r[{:<25}] {:3}% {}/{} samples, {:.0f}/s, ETA {:.0f} s ", std::string(filled, '#'),
                               percent, done, total_, rate, eta)
                << std::flush;
      if (done == total_) std::cerr << '\n';
    } else if (percent / 10 > last_tenth_ || done == total_) {
      last_tenth_ = percent / 10;
      std::cerr << fmt::format("mc: {}/{} samples ({}%), {:.0f}/s\n", done, total_, percent, rate);
    }
  }

 private:
  std::size_t total_;
  std::size_t already_;
  bool quiet_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  int last_tenth_ = -1;
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
    app_->add_flag("-q,--quiet", options_.quiet, "Print neither progress nor the summary");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const Prepared prepared = prepare(options_.scenario);
    const Input& input = prepared.input;
    const Scenario& scenario = input.loaded.scenario;
    const RunRequest& request = prepared.request;
    const MonteCarlo mc(scenario, request);
    if (!mc.sampler().uncertain() && !options_.quiet) {
      std::cerr << "warning: the scenario has no uncertainty block: every sample is the same scenario\n";
    }

    const Mpi& mpi = Mpi::world();
    if (mpi.active()) return execute_distributed(scenario, input, request, mc, mpi);

    io::make_output_directory(options_.output);
    const std::string store_path = this->store_path();
    const std::string fingerprint = io::mc_fingerprint(request, mc.at(), input.origin, options_.samples).dump();
    io::RunStore store(store_path, fingerprint, mc, options_.resume);
    const std::vector<std::uint64_t> done = store.completed();
    const std::vector<std::uint64_t> missing = missing_samples(store.completed());

    interrupted.store(false);
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    Progress progress(options_.samples, done.size(), options_.quiet);
    std::vector<SampleResult> pending;
    auto last_write = std::chrono::steady_clock::now();
    const auto flush = [&] {
      store.write(pending);
      pending.clear();
      last_write = std::chrono::steady_clock::now();
    };
    const auto started = std::chrono::steady_clock::now();
    mc.run(
        missing, options_.threads,
        [&](std::vector<SampleResult>& batch) {
          for (auto& result : batch) pending.push_back(std::move(result));
          if (pending.size() >= 2000 || std::chrono::steady_clock::now() - last_write > std::chrono::seconds(1)) {
            flush();
          }
        },
        [&](std::size_t count) { progress.update(count); }, interrupted);
    flush();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (interrupted.load()) {
      std::cerr << fmt::format("\nmc: interrupted; {} of {} samples are in {}. Continue with --resume.\n",
                               store.completed().size(), options_.samples, store_path);
      return static_cast<int>(ExitCode::interrupted);
    }

    finish(store, scenario, input, request, mc, store_path, seconds);
    return 0;
  }

  void finish(io::RunStore& store, const Scenario& scenario, const Input& input, const RunRequest& request,
              const MonteCarlo& mc, const std::string& store_path, double seconds) const {
    const std::vector<SampleResult> results = store.read_all();
    const McSummary summary = summarise(mc, scenario, results);
    store.describe_keys(mc, summary.indicators);
    io::write_mc_outputs(options_.output, mc, scenario, summary, request, input.origin, options_.samples, store_path,
                         seconds);
    report::write_report(options_.output);
    if (!options_.quiet) {
      std::cout << io::mc_table(mc, scenario, summary);
      std::cout << fmt::format(
          "\nwrote {}/run.json, scenario.json, mc_summary.csv, mc_claims.csv, {}report.html; samples in {}\n",
          options_.output, indicator_files(mc), store_path);
    }
  }

  // Under mpirun: rank 0 owns the store and hands every rank the same list of missing samples; rank r
  // computes the r-th of every `size` of them, in rounds; each round's results are gathered on rank
  // 0 and committed. The summary is computed from the store as in one process, so it is identical.
  int execute_distributed(const Scenario& scenario, const Input& input, const RunRequest& request, const MonteCarlo& mc,
                          const Mpi& mpi) {
    const bool root = mpi.rank() == 0;
    const std::string store_path = this->store_path();
    std::unique_ptr<io::RunStore> store;
    std::vector<std::uint64_t> missing;
    int failed = 0;  // rank 0's exit code when it fails to open the store
    if (root) {
      try {
        io::make_output_directory(options_.output);
        const std::string fingerprint = io::mc_fingerprint(request, mc.at(), input.origin, options_.samples).dump();
        store = std::make_unique<io::RunStore>(store_path, fingerprint, mc, options_.resume);
        missing = missing_samples(store->completed());
      } catch (const Error& error) {
        failed = static_cast<int>(error.exit_code());
        mpi.broadcast(missing, failed);
        throw;
      }
    }
    mpi.broadcast(missing, failed);
    if (failed != 0) return failed;  // rank 0 reports the error; every rank exits with its code
    std::vector<std::uint64_t> mine;
    for (std::size_t k = static_cast<std::size_t>(mpi.rank()); k < missing.size();
         k += static_cast<std::size_t>(mpi.size())) {
      mine.push_back(missing[k]);
    }
    const std::size_t per_rank =
        (missing.size() + static_cast<std::size_t>(mpi.size()) - 1) / static_cast<std::size_t>(mpi.size());
    constexpr std::size_t kRound = 2000;  // samples per rank between commits
    const unsigned threads =
        options_.threads != 0
            ? options_.threads
            : std::max(1U, std::thread::hardware_concurrency() / static_cast<unsigned>(mpi.local_size()));
    Progress progress(options_.samples, options_.samples - missing.size(), options_.quiet || !root);
    const std::atomic<bool> never{false};
    const auto started = std::chrono::steady_clock::now();
    std::size_t gathered = 0;
    for (std::size_t first = 0; first < per_rank; first += kRound) {
      const std::vector<std::uint64_t> part(
          mine.begin() + static_cast<std::ptrdiff_t>(std::min(first, mine.size())),
          mine.begin() + static_cast<std::ptrdiff_t>(std::min(first + kRound, mine.size())));
      std::vector<double> packed;
      mc.run(
          part, threads,
          [&](std::vector<SampleResult>& batch) {
            for (const auto& result : batch) {
              packed.push_back(static_cast<double>(result.sample));
              packed.push_back(static_cast<double>(result.forecasts.size()));
              packed.insert(packed.end(), result.forecasts.begin(), result.forecasts.end());
              for (const auto& codes : result.indicators) {
                packed.push_back(static_cast<double>(codes.size()));
                for (const auto code : codes) packed.push_back(static_cast<double>(code));
              }
            }
          },
          [](std::size_t) {}, never);
      const std::vector<double> all = mpi.gather(packed);
      if (!root) continue;
      std::vector<SampleResult> results;
      for (std::size_t at = 0; at < all.size();) {
        SampleResult result;
        result.sample = static_cast<std::uint64_t>(all[at++]);
        const auto forecasts = static_cast<std::size_t>(all[at++]);
        result.forecasts.assign(all.begin() + static_cast<std::ptrdiff_t>(at),
                                all.begin() + static_cast<std::ptrdiff_t>(at + forecasts));
        at += forecasts;
        result.indicators.resize(mc.indicator_series().size());
        for (auto& codes : result.indicators) {
          const auto count = static_cast<std::size_t>(all[at++]);
          for (std::size_t e = 0; e < count; ++e) codes.push_back(static_cast<std::uint64_t>(all[at++]));
        }
        results.push_back(std::move(result));
      }
      store->write(results);
      gathered += results.size();
      progress.update(gathered);
    }
    if (!root) return 0;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    finish(*store, scenario, input, request, mc, store_path, seconds);
    return 0;
  }

 private:
  [[nodiscard]] std::string store_path() const {
    return options_.store.empty() ? (std::filesystem::path(options_.output) / "samples.sqlite").string()
                                  : options_.store;
  }

  // "mc_exchanges.csv, " for each indicator's file.
  [[nodiscard]] static std::string indicator_files(const MonteCarlo& mc) {
    std::string files;
    for (const auto& series : mc.indicator_series()) files += io::mc_indicator_file(series) + ", ";
    return files;
  }

  // The samples 0 .. n-1 not in `done` (sorted), in increasing order.
  [[nodiscard]] std::vector<std::uint64_t> missing_samples(const std::vector<std::uint64_t>& done) const {
    std::vector<std::uint64_t> missing;
    std::size_t d = 0;
    for (std::uint64_t k = 0; k < options_.samples; ++k) {
      while (d < done.size() && done[d] < k) ++d;
      if (d < done.size() && done[d] == k) continue;
      missing.push_back(k);
    }
    return missing;
  }

  CLI::App* app_ = nullptr;
  McOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_mc_command(CLI::App& parent) {
  return std::make_unique<McCommand>(parent);
}

}  // namespace parley::cli

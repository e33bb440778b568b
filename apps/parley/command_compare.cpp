// `parley compare A [B]`: two runs side by side. A and B are output folders of `parley run` or
// `parley mc`, or scenarios, which are run first (into DIR/a and DIR/b) with the same models,
// parameters, date and seed; `--set` and `--patch` change B only, so `parley compare SCENARIO --set
// ...` is a what-if against its base.

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli_common.hpp"
#include "parley/compare.hpp"
#include "parley/run.hpp"

namespace parley::cli {
namespace {

bool is_output_folder(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error) &&
         std::filesystem::is_regular_file(std::filesystem::path(path) / "run.json", error);
}

class CompareCommand final : public Command {
 public:
  explicit CompareCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "compare", "Two runs side by side: output folders, or scenarios (run first); --set changes the second");
    app_->add_option("first", first_, "An output folder of parley run or mc, or a scenario")->required();
    app_->add_option("second", second_,
                     "Another output folder, or another scenario (default: the first, with the what-ifs)");
    add_scenario_options(app_, options_, "Master random seed of both runs", false);
    app_->add_option("-o,--output", output_, "Folder for compare.csv and compare.html (and the runs a/, b/)")
        ->capture_default_str();
    app_->add_flag("-q,--quiet", options_.quiet, "Print neither the table nor warnings");
    app_->add_option("-j,--threads", options_.threads,
                     "Threads a model may use within one run (default: every core; results never depend on it)");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const std::filesystem::path out(output_);
    report::Comparison comparison;
    if (is_output_folder(first_) || is_output_folder(second_)) {
      if (!is_output_folder(first_) || !is_output_folder(second_)) {
        const std::string& other = is_output_folder(first_) ? second_ : first_;
        throw UsageError(other.empty() ? "give a second output folder to compare the first with"
                                       : fmt::format("{} is not an output folder of parley run or mc (no run.json): "
                                                     "compare two folders, or two scenarios",
                                                     other));
      }
      if (!options_.what_ifs.empty() || !options_.patch.empty()) {
        throw UsageError("--set and --patch change a scenario before it runs; two output folders have run already");
      }
      comparison = report::compare_folders(first_, second_);
    } else {
      if (second_.empty() && options_.what_ifs.empty() && options_.patch.empty()) {
        throw UsageError(fmt::format(
            "give a second scenario or folder, or what-ifs for the second run (e.g. parley compare {} --set "
            "actors.ID.capability*=2)",
            first_));
      }
      ScenarioOptions a = options_;
      a.scenario = first_;
      a.what_ifs.clear();
      a.patch.clear();
      ScenarioOptions b = options_;
      b.scenario = second_.empty() ? first_ : second_;
      if (second_.empty()) b.quiet = !b.explain_warnings;  // the first's warnings, said once
      run_into(a, out / "a");
      run_into(b, out / "b");
      comparison = report::compare_folders(out / "a", out / "b");
    }
    report::write_comparison(comparison, out);
    if (!options_.quiet) {
      std::cout << report::comparison_table(comparison);
      std::cout << fmt::format("\nwrote {}/compare.csv, compare.html\n", output_);
    }
    return 0;
  }

 private:
  static void run_into(const ScenarioOptions& options, const std::filesystem::path& folder) {
    const Prepared prepared = prepare(options);
    const RunResult result = run(prepared.input.loaded.scenario, prepared.request);
    io::write_run_outputs(folder, result, prepared.input.origin);
    write_run_report(folder.string());
  }

  CLI::App* app_ = nullptr;
  std::string first_;
  std::string second_;
  std::string output_ = "parley-compare";
  ScenarioOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_compare_command(CLI::App& parent) {
  return std::make_unique<CompareCommand>(parent);
}

}  // namespace parley::cli

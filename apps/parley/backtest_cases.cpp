#include "backtest_cases.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "cli_common.hpp"
#include "parley/errors.hpp"
#include "parley/io/files.hpp"
#include "parley/io/importers.hpp"

namespace parley::cli {
namespace {

// Scenario files: each INPUT is a YAML file or a folder of them (read in name order).
std::vector<std::filesystem::path> scenario_files(const std::string& input) {
  std::error_code error;
  if (!std::filesystem::is_directory(input, error)) return {input};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(input)) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw InputNotFoundError(fmt::format("{}: the folder holds no .yaml scenario files", input));
  return files;
}

}  // namespace

void add_decision_options(CLI::App* app, DecisionOptions& options) {
  app->add_option("inputs", options.inputs,
                  "Data files (with --from), or scenario files and folders of them whose issues have an outcome")
      ->required();
  app->add_option("--from", options.from, "Read the inputs in this import format (e.g. deu3)");
  app->add_option("--seed", options.seed, "Seed of the bootstrap and of any model randomness")->capture_default_str();
  app->add_option("--bootstrap", options.bootstrap, "Bootstrap resamples for the 95% intervals")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));
  app->add_option("-j,--threads", options.threads,
                  "Threads for fitting the ensemble (default: every core; results never depend on it)");
}

std::vector<BacktestCase> load_backtest_cases(const std::vector<std::string>& inputs, const std::string& from,
                                              io::BacktestOrigin& origin) {
  origin.inputs = inputs;
  origin.format = from.empty() ? "scenario" : from;
  std::vector<BacktestCase> cases;
  if (!from.empty()) {
    const io::ImportFormat& format = io::find_import_format(from);
    for (const auto& input : inputs) {
      const std::string text = io::read_text_file(input);
      origin.text += text;
      for (auto& imported : io::import_text(format, text, input)) {
        cases.push_back({std::move(imported.name), std::move(imported.scenario)});
      }
    }
    return cases;
  }
  for (const auto& input : inputs) {
    for (const auto& file : scenario_files(input)) {
      const std::string text = io::read_text_file(file);
      io::LoadedScenario loaded = io::read_scenario_yaml(text, file.string(), {});
      print_warnings(loaded.warnings, WarningStyle::summary, fmt::format("`parley validate {}`", file.string()));
      origin.text += text;
      cases.push_back({file.stem().string(), std::move(loaded.scenario)});
    }
  }
  return cases;
}

std::size_t most_issues(const std::vector<BacktestCase>& cases) {
  std::size_t most = 0;
  for (const auto& backtest_case : cases) most = std::max(most, backtest_case.scenario.issues.size());
  return most;
}

}  // namespace parley::cli

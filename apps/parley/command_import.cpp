// `parley import FORMAT FILE [-o OUT]`: turn another tool's data file into parley scenarios.

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli_common.hpp"
#include "parley/io/files.hpp"
#include "parley/io/importers.hpp"
#include "parley/errors.hpp"

namespace parley::cli {
namespace {

std::string format_list() {
  std::string out;
  for (const auto& format : io::import_formats()) out += fmt::format("\n  {:<10} {}", format.name, format.summary);
  return out;
}

// A scenario file holds no run settings: say what the imported file set, as the options that give it.
void note_run_settings(const io::ImportedScenario& imported) {
  if (imported.parameters.empty() && !imported.seed) return;
  std::string options;
  for (const auto& assignment : imported.parameters) options += " -p " + assignment;
  if (imported.seed) options += fmt::format(" --seed {}", *imported.seed);
  std::cerr << fmt::format(
      "note: the file also sets how to run it, which a scenario file does not hold; run the scenario with{}\n",
      options);
}

class ImportCommand final : public Command {
 public:
  explicit ImportCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("import", "Convert another tool's data file into parley scenario files (YAML)");
    app_->footer("Formats:" + format_list());
    app_->add_option("format", format_, "Input format (see below)")->required();
    app_->add_option("file", file_, "The file to convert")->required();
    app_->add_option("-o,--output", output_,
                     "Output: a folder for formats that hold many scenarios (one NAME.yaml each), a file otherwise; "
                     "default: standard output for a single scenario");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const io::ImportFormat& format = io::find_import_format(format_);
    const std::vector<io::ImportedScenario> scenarios = io::import_file(format, file_);
    std::size_t issues = 0;
    std::size_t outcomes = 0;
    for (const auto& imported : scenarios) {
      issues += imported.scenario.issues.size();
      for (const auto& issue : imported.scenario.issues) outcomes += issue.outcome ? 1U : 0U;
    }
    if (!format.many) {
      note_run_settings(scenarios.front());
      const std::string yaml = io::write_scenario_yaml(scenarios.front().scenario);
      if (output_.empty()) {
        std::cout << yaml;
      } else {
        io::write_text_file(output_, yaml);
        std::cerr << fmt::format("wrote {}\n", output_);
      }
      return 0;
    }
    if (output_.empty()) {
      throw UsageError(fmt::format("a {} file holds many scenarios: give a folder for them with -o DIR", format.name));
    }
    io::make_output_directory(output_);
    for (const auto& imported : scenarios) {
      io::write_text_file(std::filesystem::path(output_) / (imported.name + ".yaml"),
                          io::write_scenario_yaml(imported.scenario));
    }
    std::cout << fmt::format("wrote {} to {}/ ({}, {} with an outcome)\n", plural(scenarios.size(), "scenario"),
                             output_, plural(issues, "issue"), outcomes);
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string format_;
  std::string file_;
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_import_command(CLI::App& parent) {
  return std::make_unique<ImportCommand>(parent);
}

}  // namespace parley::cli

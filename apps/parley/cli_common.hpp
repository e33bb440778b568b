#pragma once
// What the subcommands share: the command interface, loading a scenario by path or embedded
// name, and printing diagnostics.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "parley/text.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/date.hpp"
#include "parley/run.hpp"

namespace parley::cli {

// One subcommand: registers its options on construction, runs after parsing.
class Command {
 public:
  virtual ~Command() = default;
  [[nodiscard]] virtual CLI::App* app() const = 0;
  [[nodiscard]] virtual int execute() = 0;
};

struct Input {
  io::LoadedScenario loaded;
  io::ScenarioOrigin origin;
  std::vector<std::string> parameters;  // MODEL.NAME=VALUE the imported file sets
  std::optional<std::uint64_t> seed;    // the seed the imported file sets
};

// `name_or_path` is a file path or the name of an embedded scenario (embedded ones are always
// read strictly). Throws InputNotFoundError, ScenarioError.
[[nodiscard]] Input load_input(const std::string& name_or_path, bool strict);

// Reads `path` with the importer `format` (see `parley import`); the file must hold exactly one
// scenario. Throws UsageError, InputNotFoundError, ScenarioError.
[[nodiscard]] Input load_imported(const std::string& format, const std::string& path);

// What `run`, `mc` and `sensitivity` share: a scenario (file, embedded name, or a file read with an
// importer), the models and their parameters, the date and the seed.
struct ScenarioOptions {
  std::string scenario{io::kDefaultScenario};
  std::string from;
  std::vector<std::string> models;
  std::vector<std::string> parameters;
  std::string at;
  std::string seed = std::to_string(kDefaultSeed);
  bool strict = false;
  CLI::Option* seed_option = nullptr;  // to tell a --seed given from the default
  unsigned threads = 0;                // threads one model run may use (run -j); 0: every core
  std::string calibration;             // --calibration FILE; "": the shipped one
  std::vector<std::string> what_ifs;   // --set PATH=VALUE, in order
  std::string patch;                   // --patch FILE: what-ifs one a line, applied before --set
  bool quiet = false;                  // -q: nothing but errors on the terminal
  bool explain_warnings = false;       // --explain-warnings: every warning in full
};

// Registers SCENARIO, --from, -m, -p, --at, --seed, --calibration, --set, --patch and
// --explain-warnings on `app`.
// `positional`: whether SCENARIO is registered too (compare registers its own two).
void add_scenario_options(CLI::App* app, ScenarioOptions& options, const std::string& seed_help,
                          bool positional = true);

struct Prepared {
  Input input;
  RunRequest request;
};

// Loads the scenario (printing its warnings), applies the what-ifs (recorded in the origin) and
// resolves the models, date and seed.
// Throws InputNotFoundError, ScenarioError, UsageError, ConfigError.
[[nodiscard]] Prepared prepare(const ScenarioOptions& options);

// The ensemble's calibration: FILE, or the one shipped in the binary when `file` is empty.
// Throws InputNotFoundError, ScenarioError.
[[nodiscard]] Calibration load_calibration(const std::string& file);

// Registers --calibration FILE on `app`.
void add_calibration_option(CLI::App* app, std::string& file);

// Parses an option's date; throws UsageError naming the option.
[[nodiscard]] Date parse_date_option(const std::string& option, const std::string& text);

// Parses a seed: a whole number in [0, 2^64 - 1]; throws UsageError otherwise.
[[nodiscard]] std::uint64_t parse_seed_option(const std::string& text);

// "error", "warning" or "note" as the terminal shows it: bold and coloured when standard error is a
// terminal and NO_COLOR is unset or empty (https://no-color.org); plain in a pipe or a file.
[[nodiscard]] std::string label(std::string_view word);

// How a command prints a scenario's warnings: one short line with their count and the first
// (the default), every one in full (--explain-warnings; `validate` always), or none (-q).
enum class WarningStyle { summary, full, none };

// `how_to_list` completes the summary's "... lists them", e.g. "--explain-warnings".
void print_warnings(const std::vector<Diagnostic>& warnings, WarningStyle style,
                    std::string_view how_to_list = "--explain-warnings");

// report.html for a run whose files are written; when it cannot be written, says that the run's
// files are whole and how to draw the report again.
void write_run_report(const std::string& folder);

// A library error in the CLI's words: its subject as the flag a user gives it (`-p nash.x=1`,
// `--at 2020-01-01`), and its remedy as the flag that fixes it ("(add -m nash)").
[[nodiscard]] std::string wording(const Error& error);


std::unique_ptr<Command> make_run_command(CLI::App& parent);
std::unique_ptr<Command> make_models_command(CLI::App& parent);
std::unique_ptr<Command> make_scenarios_command(CLI::App& parent);
std::unique_ptr<Command> make_show_command(CLI::App& parent);
std::unique_ptr<Command> make_timeline_command(CLI::App& parent);
std::unique_ptr<Command> make_validate_command(CLI::App& parent);
std::unique_ptr<Command> make_import_command(CLI::App& parent);
std::unique_ptr<Command> make_backtest_command(CLI::App& parent);
std::unique_ptr<Command> make_calibrate_command(CLI::App& parent);
std::unique_ptr<Command> make_mc_command(CLI::App& parent);
std::unique_ptr<Command> make_sensitivity_command(CLI::App& parent);
std::unique_ptr<Command> make_report_command(CLI::App& parent);
std::unique_ptr<Command> make_store_command(CLI::App& parent);
std::unique_ptr<Command> make_compare_command(CLI::App& parent);
std::unique_ptr<Command> make_events_command(CLI::App& parent);
std::unique_ptr<Command> make_serve_command(CLI::App& parent);

// Replaces this process by parley-serve, found beside this binary, with `args`. Throws
// InputNotFoundError when it is not there or cannot run.
[[noreturn]] void exec_serve(const std::vector<std::string>& args);

}  // namespace parley::cli

// parley: forecasts how a strategic system bargains out. One file per subcommand; this one only
// wires them up and maps every error to its exit code, in one place.

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <utility>

#include "cli_common.hpp"
#include "parley/errors.hpp"
#include "parley/version.hpp"

namespace {

int run_cli(int argc, char** argv) {
  CLI::App app{
      "parley: forecasts how a strategic system of states, governments and armed groups bargains out.\n"
      "Without a subcommand, `parley` is `parley run` on the default scenario (pakistan-2023).",
      "parley"};
  app.set_version_flag("--version", parley::kVersion);
  app.require_subcommand(0, 1);
  app.fallthrough(false);

  // Every subcommand, in the order help lists them. Only those a command line can reach are built:
  // setting up every subcommand's options was three quarters of the start-up of `parley --version`.
  using Make = std::unique_ptr<parley::cli::Command> (*)(CLI::App&);
  static constexpr std::pair<const char*, Make> kCommands[] = {
      {"run", parley::cli::make_run_command},
      {"models", parley::cli::make_models_command},
      {"scenarios", parley::cli::make_scenarios_command},
      {"show", parley::cli::make_show_command},
      {"timeline", parley::cli::make_timeline_command},
      {"validate", parley::cli::make_validate_command},
      {"import", parley::cli::make_import_command},
      {"backtest", parley::cli::make_backtest_command},
      {"calibrate", parley::cli::make_calibrate_command},
      {"mc", parley::cli::make_mc_command},
      {"sensitivity", parley::cli::make_sensitivity_command},
      {"report", parley::cli::make_report_command},
      {"store", parley::cli::make_store_command},
  };

  // `parley [run options]` and `parley SCENARIO` mean `parley run ...`: anything that is not a
  // subcommand, help or version goes to `run`.
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string first = args.empty() ? std::string() : args.front();
  const bool named = std::any_of(std::begin(kCommands), std::end(kCommands),
                                 [&](const auto& command) { return first == command.first; });
  const bool help = first == "-h" || first == "--help";
  const bool version = first == "--version";
  if (!args.empty() && !named && !help && !version) args.insert(args.begin(), "run");
  const std::string selected = args.empty() ? std::string() : args.front();

  std::vector<std::unique_ptr<parley::cli::Command>> commands;
  for (const auto& [name, make] : kCommands) {
    if (help || name == selected) commands.push_back(make(app));  // help lists them all
  }
  if (commands.empty() && !version) commands.push_back(kCommands[0].second(app));  // no arguments: run
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments in reverse order

  try {
    app.parse(args);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : static_cast<int>(parley::ExitCode::usage);
  }
  for (const auto& command : commands) {
    if (command->app()->parsed()) return command->execute();
  }
  return commands.front()->execute();  // no subcommand: `parley run` (the only one built then)
}

// What a command printed must all have reached standard output: a full disk or a closed file
// there is an error (exit 73), not a truncated listing that exits 0.
int checked_output(int code) {
  errno = 0;
  std::cout.flush();
  const bool failed = std::cout.fail() || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (!failed) return code;
  const int cause = errno;
  std::cerr << "parley: error: cannot write to standard output" << (cause != 0 ? ": " : "")
            << (cause != 0 ? std::strerror(cause) : "") << '\n';
  return code != 0 ? code : static_cast<int>(parley::ExitCode::cant_create);
}

int run_and_map_errors(int argc, char** argv) {
  try {
    return run_cli(argc, argv);
  } catch (const parley::ScenarioError& error) {
    for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << '\n';
    std::cerr << "parley: " << error.diagnostics().size() << " error(s) in the input\n";
    return static_cast<int>(error.exit_code());
  } catch (const parley::Error& error) {
    std::cerr << "parley: error: " << parley::cli::wording(error) << '\n';
    return static_cast<int>(error.exit_code());
  } catch (const std::exception& error) {
    std::cerr << "parley: internal error: " << error.what() << '\n';
    return static_cast<int>(parley::ExitCode::software);
  }
}

}  // namespace

int main(int argc, char** argv) {
  return checked_output(run_and_map_errors(argc, argv));
}

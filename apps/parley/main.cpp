// parley: forecasts how a strategic system bargains out. One file per subcommand; this one only
// wires them up and maps every error to its exit code, in one place.

#include <algorithm>
#include <iostream>

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

  std::vector<std::unique_ptr<parley::cli::Command>> commands;
  commands.push_back(parley::cli::make_run_command(app));
  commands.push_back(parley::cli::make_models_command(app));
  commands.push_back(parley::cli::make_scenarios_command(app));
  commands.push_back(parley::cli::make_show_command(app));
  commands.push_back(parley::cli::make_timeline_command(app));
  commands.push_back(parley::cli::make_validate_command(app));
  commands.push_back(parley::cli::make_import_command(app));
  commands.push_back(parley::cli::make_backtest_command(app));
  commands.push_back(parley::cli::make_calibrate_command(app));
  commands.push_back(parley::cli::make_mc_command(app));
  commands.push_back(parley::cli::make_sensitivity_command(app));
  commands.push_back(parley::cli::make_report_command(app));

  // `parley [run options]` and `parley SCENARIO` mean `parley run ...`: anything that is not a
  // subcommand, help or version goes to `run`.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty()) {
    const std::string& first = args.front();
    const bool subcommand = std::any_of(commands.begin(), commands.end(),
                                        [&](const auto& command) { return command->app()->check_name(first); });
    const bool global = first == "-h" || first == "--help" || first == "--version";
    if (!subcommand && !global) args.insert(args.begin(), "run");
  }
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
  return commands.front()->execute();  // no subcommand: `parley run`
}

}  // namespace

int main(int argc, char** argv) {
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

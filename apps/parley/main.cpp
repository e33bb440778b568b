// parley: forecasts how a strategic system bargains out. One file per subcommand; this one only
// wires them up and maps every error to its exit code, in one place.

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "cli_common.hpp"
#include "parley/distributor.hpp"
#include "parley/errors.hpp"
#include "parley/io/embedded.hpp"
#include "parley/text.hpp"
#include "parley/version.hpp"

namespace {

// A first argument that is neither a file nor an embedded scenario but one letter or two from a
// subcommand is a mistyped subcommand, not a scenario to run: say so before `run` says "no such file".
void check_command_name(const std::string& word, const std::vector<std::string>& commands) {
  if (word.empty() || word.starts_with('-')) return;
  std::error_code error;
  if (std::filesystem::exists(word, error) || parley::io::find_embedded(word) != nullptr) return;
  const std::string hint = parley::did_you_mean(word, commands);
  if (hint.empty()) return;
  throw parley::UsageError(fmt::format("'{}' is not a command{}; the commands: {} (`parley --help`)", word, hint,
                                       parley::join(commands)));
}

// The option names `app` and its parsed subcommand take, as written on a command line.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  const auto add = [&](const CLI::App& from) {
    for (const CLI::Option* option : from.get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
  };
  add(app);
  for (const CLI::App* command : app.get_subcommands()) add(*command);
  return names;
}

// CLI11's "The following argument was not expected" for a mistyped option, in parley's words: the
// option, the nearest one the command takes, and where the list is. Empty when every option given is
// known (a stray positional argument: CLI11's message stands).
std::string unknown_option_message(const CLI::App& app, const std::vector<std::string>& args,
                                   const std::string& command) {
  const std::vector<std::string> names = option_names(app);
  for (const std::string& arg : args) {
    if (arg.size() < 2 || arg[0] != '-' || (std::isdigit(static_cast<unsigned char>(arg[1])) != 0) || arg == "--") {
      continue;
    }
    const std::string name = arg.substr(0, arg.find('='));
    // -j4 and -mnash: a short option with its value attached.
    const std::string short_name = name.size() > 2 && name[1] != '-' ? name.substr(0, 2) : name;
    if (std::find(names.begin(), names.end(), short_name) != names.end()) continue;
    return fmt::format("unknown option '{}'{} (`parley {}--help` lists the options)", name,
                       parley::did_you_mean(name, names), command.empty() ? "" : command + " ");
  }
  return {};
}

// `parley --version`: the release, the commit, the compiler and what Monte Carlo can spread over.
std::string version_text() {
#if defined(__clang__)
  constexpr const char* kCompiler = "Clang " __clang_version__;
#elif defined(__GNUC__)
  constexpr const char* kCompiler = "GCC " __VERSION__;
#else
  constexpr const char* kCompiler = "an unknown compiler";
#endif
  return fmt::format("parley {}\ncommit {}\ncompiler {}, C++ {}\n{}", parley::kVersion, parley::kCommit, kCompiler,
                     __cplusplus, parley::distribution_summary());
}

int run_cli(int argc, char** argv) {
  CLI::App app{
      "parley: forecasts how a strategic system of states, governments and armed groups bargains out.\n"
      "Without a subcommand, `parley` is `parley run` on the default scenario (pakistan-2023).",
      "parley"};
  app.set_version_flag("--version", version_text);
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
      {"compare", parley::cli::make_compare_command},
      {"store", parley::cli::make_store_command},
      {"events", parley::cli::make_events_command},
      {"serve", parley::cli::make_serve_command},
  };

  // `parley [run options]` and `parley SCENARIO` mean `parley run ...`: anything that is not a
  // subcommand, help or version goes to `run`.
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string first = args.empty() ? std::string() : args.front();
  const bool named = std::any_of(std::begin(kCommands), std::end(kCommands),
                                 [&](const auto& command) { return first == command.first; });
  if (first == "serve") parley::cli::exec_serve({args.begin() + 1, args.end()});  // its own options, help too
  const bool help = first == "-h" || first == "--help";
  const bool version = first == "--version";
  if (!args.empty() && !named && !help && !version) {
    std::vector<std::string> names;
    for (const auto& command : kCommands) names.emplace_back(command.first);
    check_command_name(first, names);
    args.insert(args.begin(), "run");
  }
  const std::string selected = args.empty() ? std::string() : args.front();

  std::vector<std::unique_ptr<parley::cli::Command>> commands;
  for (const auto& [name, make] : kCommands) {
    if (help || name == selected) commands.push_back(make(app));  // help lists them all
  }
  if (commands.empty() && !version) commands.push_back(kCommands[0].second(app));  // no arguments: run
  const std::vector<std::string> given = args;
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments in reverse order

  try {
    app.parse(args);
  } catch (const CLI::ExtrasError& error) {
    const std::string message = unknown_option_message(app, given, selected);
    if (message.empty()) {
      const int code = app.exit(error);
      return code == 0 ? 0 : static_cast<int>(parley::ExitCode::usage);
    }
    throw parley::UsageError(message);
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
  std::cerr << "parley: " << parley::cli::label("error") << ": cannot write to standard output" << (cause != 0 ? ": " : "")
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
    std::cerr << "parley: " << parley::cli::label("error") << ": " << parley::cli::wording(error) << '\n';
    return static_cast<int>(error.exit_code());
  } catch (const std::exception& error) {
    std::cerr << "parley: internal " << parley::cli::label("error") << ": " << error.what() << '\n';
    return static_cast<int>(parley::ExitCode::software);
  }
}

}  // namespace

int main(int argc, char** argv) {
  return checked_output(run_and_map_errors(argc, argv));
}

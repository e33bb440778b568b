#include "cli_common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <thread>

#include "parley/io/calibration_json.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/files.hpp"
#include "parley/io/importers.hpp"
#include "parley/report.hpp"
#include "parley/text.hpp"
#include "parley/what_if.hpp"

namespace parley::cli {

namespace {

// A data file of another tool given without --from: the importer that reads it, said as the flag to
// add, instead of the YAML errors it makes as a scenario. Files named .yaml, .yml or .json are
// scenarios: their own errors stand.
std::optional<std::string> import_hint(const std::string& path, std::string_view text) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".yaml" || extension == ".yml" || extension == ".json") return std::nullopt;
  for (const io::ImportFormat& format : io::import_formats()) {
    try {
      if (format.read(text, path).empty()) continue;
    } catch (const std::exception&) {
      continue;
    }
    const std::string command = format.many ? fmt::format("parley backtest {} --from {}", path, format.name)
                                            : fmt::format("parley run {} --from {}", path, format.name);
    return fmt::format("{}: looks like a {} file, not a YAML scenario: add --from {} (`{}`)", path, format.name,
                       format.name, command);
  }
  return std::nullopt;
}

}  // namespace

Input load_input(const std::string& name_or_path, bool strict) {
  std::error_code error;
  const bool stream = name_or_path == "-" || std::filesystem::is_fifo(name_or_path, error);
  if (stream || std::filesystem::is_regular_file(name_or_path, error)) {
    std::string text = io::read_input_text(name_or_path);
    const std::string name = io::input_name(name_or_path);
    try {
      auto loaded = io::read_scenario_yaml(text, name, {.strict = strict});
      return {std::move(loaded), {name, std::move(text)}};
    } catch (const ScenarioError&) {
      if (auto hint = import_hint(name, text)) throw UsageError(*hint);
      throw;
    }
  }
  if (const auto* embedded = io::find_embedded(name_or_path)) {
    const std::string file = std::string(embedded->name) + ".yaml";
    auto loaded = io::read_scenario_yaml(embedded->text, file, {.strict = true});
    return {std::move(loaded), {std::string(embedded->name), std::string(embedded->text)}};
  }
  if (std::filesystem::exists(name_or_path, error)) {
    (void)io::read_input_text(name_or_path);  // a folder or a device: says which
  }
  std::vector<std::string> names;
  for (const auto& scenario : io::embedded_scenarios()) names.emplace_back(scenario.name);
  throw InputNotFoundError(fmt::format("{}: no such file, and no embedded scenario of that name{} (embedded: {})",
                                       name_or_path, did_you_mean(name_or_path, names), join(names)));
}

Input load_imported(const std::string& format_name, const std::string& path) {
  const io::ImportFormat& format = io::find_import_format(format_name);
  std::string text = io::read_input_text(path);
  std::vector<io::ImportedScenario> scenarios = io::import_text(format, text, io::input_name(path));
  if (scenarios.size() != 1) {
    throw UsageError(
        fmt::format("{} holds {} scenarios; write them out with `parley import {} {} -o DIR` and run "
                    "one, or score them all with `parley backtest {} --from {}`",
                    path, scenarios.size(), format.name, path, path, format.name));
  }
  io::ImportedScenario& imported = scenarios.front();
  return {{std::move(imported.scenario), {}}, {path, std::move(text)}, std::move(imported.parameters), imported.seed};
}

void add_scenario_options(CLI::App* app, ScenarioOptions& options, const std::string& seed_help, bool positional) {
  if (positional) {
    app->add_option("scenario", options.scenario, "Scenario file, or the name of an embedded scenario")
        ->capture_default_str();
  }
  app->add_option("--from", options.from,
                  "Read the scenario file with this importer (e.g. bdm-csv; see `parley import --help`)");
  // One value per -m / -p, so that `run -m nash FILE` leaves FILE to the scenario argument.
  app->add_option("-m,--model", options.models, "Model to run (repeatable); default: every model that applies")
      ->allow_extra_args(false);
  app->add_option("-p,--param", options.parameters, "Model parameter as MODEL.NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  app->add_option("--at", options.at, "Run the scenario as it stood on this date (YYYY-MM-DD); default: its as_of");
  options.seed_option = app->add_option("--seed", options.seed, seed_help)->capture_default_str();
  add_calibration_option(app, options.calibration);
  app->add_option("--set", options.what_ifs,
                  "A what-if over the scenario: PATH=VALUE, PATH+=VALUE or PATH*=FACTOR, e.g. "
                  "actors.PAK.capability=0.05 (repeatable; recorded in run.json)")
      ->allow_extra_args(false);
  app->add_option("--patch", options.patch, "A file of what-ifs, one PATH=VALUE a line (applied before --set)");
  app->add_flag("--explain-warnings", options.explain_warnings,
                "List every warning about the scenario in full (default: one line with their count)");
}

void add_calibration_option(CLI::App* app, std::string& file) {
  app->add_option("--calibration", file,
                  "The ensemble's calibration (a file from `parley calibrate`); default: the one parley ships, "
                  "fitted on DEU III");
}

Calibration load_calibration(const std::string& file) {
  if (file.empty()) return io::shipped_calibration();
  return io::read_calibration_json(io::read_text_file(file), file);
}

namespace {

// --patch's changes, then --set's, over the scenario as read; each recorded as written.
void apply_given_what_ifs(const ScenarioOptions& options, Input& input) {
  std::vector<WhatIf> changes;
  if (!options.patch.empty()) {
    changes = read_what_if_patch(io::read_input_text(options.patch), io::input_name(options.patch));
  }
  for (const auto& text : options.what_ifs) changes.push_back(parse_what_if(text));
  if (changes.empty()) return;
  parley::apply_what_ifs(input.loaded.scenario, changes);
  for (const auto& change : changes) input.origin.what_if.push_back(change.text);
}

}  // namespace

Prepared prepare(const ScenarioOptions& options) {
  Input input = options.from.empty() ? load_input(options.scenario, options.strict)
                                     : load_imported(options.from, options.scenario);
  // --explain-warnings is asked for by name, so it wins over -q.
  print_warnings(input.loaded.warnings, options.explain_warnings ? WarningStyle::full
                                        : options.quiet          ? WarningStyle::none
                                                                 : WarningStyle::summary);
  apply_given_what_ifs(options, input);
  RunOptions run_options{
      .models = options.models, .parameters = options.parameters, .imported_parameters = input.parameters};
  if (!options.at.empty()) run_options.at = parse_date_option("--at", options.at);
  run_options.seed = parse_seed_option(options.seed);
  const bool seed_given = options.seed_option != nullptr && options.seed_option->count() > 0;
  if (input.seed && !seed_given) run_options.seed = *input.seed;
  RunPlan plan = plan_run(run_options, input.loaded.scenario.issues.size(), load_calibration(options.calibration));
  if (!plan.note.empty()) std::cerr << label("note") << ": " << plan.note << '\n';
  RunRequest request = std::move(plan.request);
  request.threads = checked_threads(options.threads);  // after the models: a bad model is the error to report
  return {std::move(input), std::move(request)};
}

Date parse_date_option(const std::string& option, const std::string& text) {
  const auto date = Date::parse(text);
  if (!date) throw UsageError(fmt::format("{} {}: not a valid date ({})", option, text, Date::explain_invalid(text)));
  return *date;
}

std::uint64_t parse_seed_option(const std::string& text) {
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
    throw UsageError(fmt::format("--seed {}: not a whole number in [0, 18446744073709551615]", text));
  }
  return seed;
}

namespace {

std::string_view flag_of(Subject subject) {
  switch (subject) {
    case Subject::model:
      return "-m";
    case Subject::parameter:
      return "-p";
    case Subject::date:
      return "--at";
    case Subject::resume:
      return "--resume";
    case Subject::threads:
      return "-j";
    case Subject::none:
      break;
  }
  return "";
}

}  // namespace

std::string wording(const Error& error) {
  std::string text = error.context();
  if (error.subject() == Subject::none) {
    text += error.detail();
  } else {
    text += flag_of(error.subject());
    if (!error.value().empty()) text += " " + error.value();
    const bool joined = error.detail().starts_with(':') || error.detail().starts_with(' ');
    text += (joined ? "" : ": ") + error.detail();
  }
  const Remedy& remedy = error.remedy();
  if (remedy.subject != Subject::none) {
    text += remedy.value.empty() ? fmt::format(" (add {})", flag_of(remedy.subject))
                                 : fmt::format(" (add {} {})", flag_of(remedy.subject), remedy.value);
  }
  return text;
}

std::string label(std::string_view word) {
  static const bool colour = [] {
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDERR_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
  }();
  if (!colour) return std::string(word);
  const char* code = word == "error" ? "\x1b[1;31m" : word == "warning" ? "\x1b[1;33m" : "\x1b[1;36m";
  return fmt::format("{}{}\x1b[0m", code, word);
}

void print_warnings(const std::vector<Diagnostic>& warnings, WarningStyle style, std::string_view how_to_list) {
  if (warnings.empty() || style == WarningStyle::none) return;
  constexpr std::size_t kShort = 120;  // a warning this long or shorter is its own summary
  const std::string first = warnings.front().to_string();
  if (style == WarningStyle::full || (warnings.size() == 1 && first.size() <= kShort)) {
    for (const auto& warning : warnings) std::cerr << label("warning") << ": " << warning.to_string() << '\n';
    return;
  }
  // The first warning's place and the start of its message, cut at a word.
  std::string gist = first;
  if (gist.size() > kShort) {
    const std::size_t cut = gist.rfind(' ', kShort);
    gist = gist.substr(0, cut == std::string::npos ? kShort : cut) + " ...";
  }
  std::cerr << fmt::format("{}: {} about the scenario ({}{}); {} lists {}\n", label("warning"),
                           plural(warnings.size(), "warning"), warnings.size() == 1 ? "" : "the first: ", gist,
                           how_to_list, warnings.size() == 1 ? "it" : "them");
}

void write_run_report(const std::string& folder) {
  try {
    report::write_report(folder);
  } catch (const OutputError& error) {
    throw OutputError(
        fmt::format("{}; the run's other files are whole (its manifest lists them): `parley report {}` "
                    "draws the report again",
                    error.what(), folder));
  }
}

}  // namespace parley::cli

// `parley events aggregate FILES... -o DIR`: event data (GDELT 2.0, GDELT 1.0) into each directed
// dyad's cooperation and conflict by period, every rule stated; `parley events suggest SCENARIO
// FILES... -o DIR`: relation values and dated changes proposed with their evidence (docs/events.md).

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_common.hpp"
#include "parley/distributor.hpp"
#include "parley/errors.hpp"
#include "parley/io/events.hpp"
#include "parley/io/files.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/report.hpp"
#include "parley/text.hpp"
#include "parley/validate.hpp"
#include "parley/version.hpp"

namespace parley::cli {
namespace {

namespace ev = io::events;

// `A:B,C:D` into directed dyads.
std::vector<std::pair<std::string, std::string>> parse_dyads(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> dyads;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string pair = text.substr(start, end - start);
    const std::size_t colon = pair.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == pair.size()) {
      throw UsageError(fmt::format("--dyads: '{}' is not SOURCE:TARGET (e.g. CHN:USA)", pair));
    }
    dyads.emplace_back(pair.substr(0, colon), pair.substr(colon + 1));
    start = end + 1;
  }
  return dyads;
}

// `--map`: a file, the name of a shipped map (pakistan-2023), or "none"; for a scenario without
// --map, its shipped map when there is one.
std::optional<ev::ActorMap> load_map(const std::string& map, const std::string& scenario) {
  if (map == "none") return std::nullopt;
  const std::string name = map.empty() ? scenario : map;
  if (const ev::ActorMap* shipped = ev::embedded_actor_map(name)) return *shipped;
  if (map.empty()) return std::nullopt;
  return ev::read_actor_map(io::read_text_file(map), map);
}

template <typename T>
T choice(const std::string& flag, const std::string& text, std::optional<T> parsed, const char* valid) {
  if (!parsed) throw UsageError(fmt::format("{}: '{}' is not one of {}", flag, text, valid));
  return *parsed;
}

class EventsCommand final : public Command {
 public:
  explicit EventsCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("events",
                                 "Read event data (GDELT 2.0, GDELT 1.0, ICEWS): each dyad's cooperation and "
                                 "conflict over time");
    app_->require_subcommand(1);
    aggregate_ = app_->add_subcommand("aggregate",
                                      "Count each directed dyad's events by period, duplicates "
                                      "dropped by a stated rule: DIR/dyads.csv and DIR/events.json");
    aggregate_->add_option("files", files_, "GDELT 2.0, GDELT 1.0 or ICEWS event files, plain or zipped")->required();
    aggregate_->add_option("--dyads", dyads_,
                           "Only these directed dyads, SOURCE:TARGET,... (country codes, or the map's actors)");
    aggregate_->add_option("--period", period_, "day, week (ISO 8601), month or year")->default_val("month");
    aggregate_
        ->add_option("--dedup", dedup_,
                     "none; day: one event per (date, source actor code, target actor code, event code); url: "
                     "one per (source actor code, target actor code, URL)")
        ->default_val("day");
    aggregate_->add_option("--goldstein", goldstein_,
                           "Goldstein weights: gdelt, icews or phoenix (default: each file's own: gdelt for GDELT, "
                           "icews for ICEWS)");
    aggregate_->add_option("--quad", quad_, "quad classes from the root code: gdelt, standard or phoenix")
        ->default_val("gdelt");
    aggregate_->add_option("--map", map_,
                           "an actor map (YAML), or the name of a shipped one (pakistan-2023); default: an actor is "
                           "its country code");
    aggregate_->add_option("--format", format_, "gdelt2, gdelt1 or icews (default: told from the first line)");
    aggregate_->add_flag("--skip-bad", skip_bad_, "Count and skip malformed rows instead of stopping at the first");
    aggregate_->add_option("-j,--threads", threads_,
                           "Files read at once (default: every core; results never depend on it)");
    aggregate_->add_option("-o,--output", output_, "Output folder")->default_val("parley-events");

    suggest_ = app_->add_subcommand("suggest",
                                    "Propose relation values and dated changes for a scenario from event "
                                    "data, each with its evidence; the scenario itself is not changed");
    suggest_->add_option("scenario", scenario_, "Scenario file, or the name of an embedded scenario")->required();
    suggest_->add_option("files", suggest_files_, "GDELT 2.0, GDELT 1.0 or ICEWS event files, plain or zipped")
        ->required();
    suggest_->add_option("--period", suggest_period_, "the steps of each dyad's series: day, week, month, year")
        ->default_val("day");
    suggest_->add_option("--dedup", suggest_dedup_, "none, day or url (as for aggregate)")->default_val("day");
    suggest_->add_option("--goldstein", suggest_goldstein_,
                         "Goldstein weights: gdelt, icews or phoenix (default: each file's own: gdelt for GDELT, "
                         "icews for ICEWS)");
    suggest_->add_option("--min-events", min_events_, "events a dyad needs (after deduplication)")
        ->default_val(5)
        ->check(CLI::Range(1, 1000000));
    suggest_->add_option("--threshold", threshold_, "propose an affinity this far from the scenario's, or more")
        ->default_val(0.25)
        ->check(CLI::Range(0.0, 2.0));
    suggest_->add_option("--shift", shift_, "a change point moves the mean Goldstein weight this much, or more")
        ->default_val(2.0)
        ->check(CLI::Range(0.0, 20.0));
    suggest_->add_option("--map", suggest_map_,
                         "an actor map (YAML), a shipped one's name, or none; default: the scenario's shipped map "
                         "(pakistan-2023 has one), else country codes");
    suggest_->add_option("--format", suggest_format_, "gdelt2, gdelt1 or icews (default: told from the first line)");
    suggest_->add_flag("--skip-bad", suggest_skip_bad_, "Count and skip malformed rows");
    suggest_->add_option("-o,--output", suggest_output_, "Output folder")->default_val("parley-suggest");
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override { return suggest_->parsed() ? suggest() : aggregate(); }

 private:
  int suggest() {
    const Input input = load_input(scenario_, false);
    const Scenario& scenario = input.loaded.scenario;
    ev::SuggestOptions options;
    options.period = choice("--period", suggest_period_, ev::parse_period(suggest_period_), "day, week, month, year");
    options.dedup = choice("--dedup", suggest_dedup_, ev::parse_dedup(suggest_dedup_), "none, day, url");
    if (!suggest_goldstein_.empty()) {
      options.goldstein = choice("--goldstein", suggest_goldstein_, ev::parse_goldstein_table(suggest_goldstein_),
                                 "gdelt, icews, phoenix");
    }
    options.min_events = min_events_;
    options.threshold = threshold_;
    options.shift = shift_;
    ev::ReadOptions read;
    read.skip_bad = suggest_skip_bad_;
    if (!suggest_format_.empty()) {
      read.format = choice("--format", suggest_format_, ev::parse_format(suggest_format_), "gdelt2, gdelt1, icews");
    }
    const std::optional<ev::ActorMap> map = load_map(suggest_map_, scenario_);
    if (map) {
      for (const auto& mapped : map->actors) {
        if (scenario.find_actor(mapped.id) == nullptr) {
          throw ScenarioError(diagnostic_at(
              map->name, mapped.line, mapped.column, "id",
              fmt::format("'{}' is not an actor of {} (a map for another scenario?)", mapped.id, scenario_)));
        }
      }
      options.map = &*map;
    }
    ev::Suggester suggester(scenario, options);
    std::size_t rows = 0;
    for (const auto& file : suggest_files_) {
      rows += ev::read_events(file, read, [&](const ev::Event& event) { suggester.add(event); }).rows;
    }
    const auto suggestions = suggester.suggestions();
    const Scenario changed = ev::apply_suggestions(scenario, suggestions, suggest_files_);
    // The changed copy must be a scenario parley runs: checked before anything is written.
    (void)throw_if_invalid(validate(changed, Locator{}, {}));
    const std::filesystem::path out(suggest_output_);
    std::filesystem::create_directories(out);
    io::write_text_file(out / "suggestions.csv", ev::suggestions_csv(suggestions));
    io::write_text_file(out / "evidence.csv", ev::evidence_csv(suggestions));
    io::write_text_file(out / "patch.txt", ev::suggestions_patch(suggestions));
    io::write_text_file(out / "scenario.yaml", io::write_scenario_yaml(changed));
    std::cout << fmt::format(
        "{} events read; {} between the scenario's actors ({}, after deduplication); {} suggestion(s)\n", rows,
        suggester.matched(), map ? "actor map " + map->name : std::string("by country code"), suggestions.size());
    for (const auto& s : suggestions) {
      std::cout << fmt::format(
          "  {} {} {} -> {}: {} -> {:.2f} ({}; {} events in evidence.csv)\n", s.id,
          s.kind == ev::Suggestion::Kind::event ? "event on " + s.date.to_string() : std::string("start value"), s.from,
          s.to, s.current ? fmt::format("{:.2f}", *s.current) : std::string("none"), s.proposed, s.rule,
          s.evidence.size());
    }
    std::cout << fmt::format(
        "wrote {0}/suggestions.csv, evidence.csv, patch.txt and scenario.yaml (the scenario with every suggestion, "
        "validated); review them: `diff` the scenario, or `parley run {1} --patch {0}/patch.txt`\n",
        suggest_output_, scenario_);
    return 0;
  }

  int aggregate() {
    ev::AggregateOptions options;
    options.period = choice("--period", period_, ev::parse_period(period_), "day, week, month, year");
    options.dedup = choice("--dedup", dedup_, ev::parse_dedup(dedup_), "none, day, url");
    if (!goldstein_.empty()) {
      options.goldstein =
          choice("--goldstein", goldstein_, ev::parse_goldstein_table(goldstein_), "gdelt, icews, phoenix");
    }
    options.quad = choice("--quad", quad_, ev::parse_quad_convention(quad_), "gdelt, standard, phoenix");
    if (!dyads_.empty()) options.dyads = parse_dyads(dyads_);
    const std::optional<ev::ActorMap> map = map_.empty() ? std::nullopt : load_map(map_, "");
    if (map) options.map = &*map;
    ev::ReadOptions read;
    read.skip_bad = skip_bad_;
    if (!format_.empty()) read.format = choice("--format", format_, ev::parse_format(format_), "gdelt2, gdelt1, icews");
    ev::Aggregator aggregator(options);
    const std::vector<std::filesystem::path> paths(files_.begin(), files_.end());
    // Under mpirun (parley-mpi), the files are spread over the ranks and rank 0 writes the outputs.
    const std::unique_ptr<Distributor> distributor = make_distributor();
    const std::vector<ev::ReadCounts> read_counts = distributor->processes() > 1
                                                        ? ev::aggregate_files(paths, read, aggregator, *distributor)
                                                        : ev::aggregate_files(paths, read, aggregator, threads_);
    if (!distributor->coordinator()) return 0;
    nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
    std::size_t skipped = 0;
    for (std::size_t k = 0; k < files_.size(); ++k) {
      const ev::ReadCounts& counts = read_counts[k];
      inputs.push_back(
          {{"file", files_[k]}, {"rows", counts.rows}, {"skipped", counts.skipped}, {"bytes", counts.bytes}});
      skipped += counts.skipped;
    }
    const auto rows = aggregator.result();
    const ev::AggregateCounts& counts = aggregator.counts();
    std::filesystem::create_directories(output_);
    io::write_text_file(std::filesystem::path(output_) / "dyads.csv", ev::dyads_csv(rows));
    nlohmann::ordered_json manifest{
        {"parley_events", 1},
        {"engine", {{"version", kVersion}}},
        {"inputs", inputs},
        {"rules",
         {{"actor", map ? "the actor map " + map->name : std::string("the event's country code")},
          {"period", ev::to_string(options.period)},
          {"dedup", ev::to_string(options.dedup)},
          {"goldstein", options.goldstein ? std::string(ev::to_string(*options.goldstein))
                                          : std::string("each file's own (gdelt for GDELT, icews for ICEWS)")},
          {"quad", ev::to_string(options.quad)},
          {"dyads", dyads_}}},
        {"counts",
         {{"events", counts.events},
          {"skipped_rows", skipped},
          {"without_actor", counts.without_actor},
          {"same_actor", counts.same_actor},
          {"other_dyads", counts.other_dyads},
          {"unknown_code", counts.unknown_code},
          {"duplicates", counts.duplicates},
          {"counted", counts.counted}}},
        {"outputs", {"dyads.csv", "report.html"}}};
    io::write_text_file(std::filesystem::path(output_) / "events.json", manifest.dump(2) + "\n");
    (void)report::write_report(output_);
    std::cout << fmt::format(
        "{} events read ({} rows skipped); {} without an actor on a side, {} within one actor, {} in other dyads; "
        "{} duplicates dropped ({}); {} counted in {} dyad-periods\nwrote {}/dyads.csv, events.json and report.html\n",
        counts.events, skipped, counts.without_actor, counts.same_actor, counts.other_dyads, counts.duplicates,
        ev::to_string(options.dedup), counts.counted, rows.size(), output_);
    return 0;
  }

  CLI::App* app_ = nullptr;
  CLI::App* aggregate_ = nullptr;
  CLI::App* suggest_ = nullptr;
  std::string scenario_;
  std::vector<std::string> suggest_files_;
  std::string suggest_period_ = "day";
  std::string suggest_dedup_ = "day";
  std::string suggest_goldstein_;
  std::size_t min_events_ = 5;
  double threshold_ = 0.25;
  double shift_ = 2.0;
  std::string suggest_format_;
  bool suggest_skip_bad_ = false;
  std::string suggest_output_ = "parley-suggest";
  std::vector<std::string> files_;
  std::string dyads_;
  std::string period_ = "month";
  std::string dedup_ = "day";
  std::string goldstein_;
  std::string quad_ = "gdelt";
  std::string format_;
  std::string map_;
  std::string suggest_map_;
  bool skip_bad_ = false;
  unsigned threads_ = 0;
  std::string output_ = "parley-events";
};

}  // namespace

std::unique_ptr<Command> make_events_command(CLI::App& parent) {
  return std::make_unique<EventsCommand>(parent);
}

}  // namespace parley::cli

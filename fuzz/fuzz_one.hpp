#pragma once
// One input through one reader, as the fuzz targets and the regression test (tests/unit/io/
// fuzz_regressions_test.cpp) both run it. Header-only: the fuzz build and the test build share it.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "parley/errors.hpp"
#include "parley/io/calibration_json.hpp"
#include "parley/io/embedded.hpp"
#include "parley/io/events.hpp"
#include "parley/io/importers.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/problem.hpp"

namespace parley::fuzz {

// The readers there are targets for: "scenario", "calibration", an import format's name, "events"
// (event data, aggregated and turned into suggestions for the default scenario), "events-file" (the
// bytes as an event file on disk: zip archives) or "event-map".
inline constexpr const char* kReaders[] = {"scenario", "calibration", "bdm-csv",     "decide",   "deu3",
                                           "ktab",     "events",      "events-file", "event-map"};

// Reads `text` with `reader`; returns whether it was accepted. parley::Error is the expected way to
// refuse an input; anything else escapes (a finding).
inline bool read_one(std::string_view reader, std::string_view text) {
  try {
    if (reader == "scenario") {
      const auto loaded = io::read_scenario_yaml(text, "fuzz.yaml", {});
      (void)io::write_scenario_yaml(loaded.scenario);
      (void)io::scenario_to_json(loaded.scenario).dump();
      (void)make_problem(loaded.scenario);
    } else if (reader == "events") {
      static const Scenario scenario =
          io::read_scenario_yaml(io::find_embedded(io::kDefaultScenario)->text, "pakistan-2023", {}).scenario;
      io::events::Aggregator aggregator({});
      io::events::SuggestOptions options;
      options.min_events = 1;
      options.map = io::events::embedded_actor_map("pakistan-2023");
      io::events::Suggester suggester(scenario, options);
      for (const bool skip : {true, false}) {
        (void)io::events::read_event_text(text, "fuzz.tsv", {.skip_bad = skip}, [&](const io::events::Event& event) {
          aggregator.add(event);
          suggester.add(event);
        });
      }
      (void)io::events::dyads_csv(aggregator.result());
      const auto suggestions = suggester.suggestions();
      (void)io::events::evidence_csv(suggestions);
      (void)io::write_scenario_yaml(io::events::apply_suggestions(scenario, suggestions, {"fuzz.tsv"}));
    } else if (reader == "events-file") {
      // Through the file reader, which tells a zip archive by its first bytes and inflates it.
      const auto path = std::filesystem::temp_directory_path() / ("parley-fuzz-" + std::to_string(::getpid()));
      std::ofstream(path, std::ios::binary) << text;
      io::events::Aggregator aggregator({});
      try {
        (void)io::events::read_events(path, {.skip_bad = true},
                                      [&](const io::events::Event& event) { aggregator.add(event); });
      } catch (...) {
        std::filesystem::remove(path);
        throw;
      }
      std::filesystem::remove(path);
      (void)io::events::dyads_csv(aggregator.result());
    } else if (reader == "event-map") {
      (void)io::events::read_actor_map(text, "fuzz.yaml");
    } else if (reader == "calibration") {
      (void)io::read_calibration_json(text, "fuzz.json");
    } else {
      for (const auto& imported : io::import_text(io::find_import_format(reader), text, "fuzz.txt")) {
        (void)io::write_scenario_yaml(imported.scenario);
        (void)io::scenario_to_json(imported.scenario).dump();
      }
    }
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace parley::fuzz

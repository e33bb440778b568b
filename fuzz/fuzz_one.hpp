#pragma once
// One input through one reader, as the fuzz targets and the regression test (tests/unit/io/
// fuzz_regressions_test.cpp) both run it. Header-only: the fuzz build and the test build share it.

#include <string>
#include <string_view>

#include "parley/errors.hpp"
#include "parley/io/calibration_json.hpp"
#include "parley/io/importers.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/problem.hpp"

namespace parley::fuzz {

// The readers there are targets for: "scenario", "calibration", or an import format's name.
inline constexpr const char* kReaders[] = {"scenario", "calibration", "bdm-csv", "decide", "deu3", "ktab"};

// Reads `text` with `reader`; returns whether it was accepted. parley::Error is the expected way to
// refuse an input; anything else escapes (a finding).
inline bool read_one(std::string_view reader, std::string_view text) {
  try {
    if (reader == "scenario") {
      const auto loaded = io::read_scenario_yaml(text, "fuzz.yaml", {});
      (void)io::write_scenario_yaml(loaded.scenario);
      (void)io::scenario_to_json(loaded.scenario).dump();
      (void)make_problem(loaded.scenario);
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

// calibration.json: written and read back equal; every malformed file rejected with its line,
// column and key.

#include "parley/io/calibration_json.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "parley/errors.hpp"

namespace parley {
namespace {

Calibration example() {
  Calibration calibration;
  calibration.candidate = {"stack2", EnsembleFamily::stack, {}, "two models, weighted"};
  calibration.rule.members = {{"compromise", {}}, {"nash@conflict", {{"disagreement", "conflict"}}}};
  calibration.rule.weights = {0.25, 0.75};
  calibration.candidate.pool = calibration.rule.members;
  calibration.intervals.quantiles = {0.1, 0.3, std::numeric_limits<double>::infinity()};
  calibration.intervals.score_quantiles = {0.0, 0.1, 0.5};
  calibration.figures.cases = 3;
  calibration.figures.mae = 12.5;
  calibration.cases = {"a", "b", "c"};
  calibration.data = "cases.tsv";
  calibration.domain = "somewhere";
  calibration.command = "parley calibrate cases.tsv";
  calibration.engine = "parley 0.1.0";
  return calibration;
}

// The first diagnostic of reading `text`, as printed.
std::string first_error(const std::string& text) {
  try {
    (void)io::read_calibration_json(text, "c.json");
  } catch (const ScenarioError& error) {
    return error.diagnostics().front().to_string();
  }
  return "no error";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(CalibrationJson, RoundTrips) {
  const Calibration calibration = example();
  const std::string text = io::write_calibration_json(calibration);
  EXPECT_EQ(io::read_calibration_json(text, "c.json"), calibration);
  EXPECT_NE(text.find("null"), std::string::npos);  // the infinite half-width
}

TEST(CalibrationJson, BadFilesNameLineColumnAndKey) {
  const std::string good = io::write_calibration_json(example());
  EXPECT_EQ(first_error(replaced(good, "\"weight\": 0.75", "\"weight\": 0.5")),
            "c.json:11:16: rule.members: the weights sum to 0.75, not 1");
  EXPECT_EQ(first_error(replaced(good, "\"weight\": 0.25", "\"weigth\": 0.25")).substr(0, 38),
            "c.json:15:9: rule.members[0].weigth: u");
  EXPECT_EQ(first_error(replaced(good, "\"name\": \"nash@conflict\"", "\"name\": \"nosh@conflict\"")),
            "c.json:18:17: rule.members[1].name: 'nosh' is not a registered model");
  EXPECT_EQ(first_error(replaced(good, "\"parley_calibration\": 1", "\"parley_calibration\": 2")),
            "c.json:2:25: parley_calibration: format 2 is not one this parley reads (it reads 1)");
  EXPECT_EQ(first_error(replaced(good, "\"scale\": \"constant\"", "\"scale\": \"wide\"")),
            "c.json:27:14: intervals.scale: 'wide' is not one of constant, spread");
  EXPECT_EQ(first_error(replaced(good, "\"family\": \"stack\"", "\"family\": 3")),
            "c.json:5:15: candidate.family: '3' is not one of single, mean, median, trimmed, choice, stack");
  EXPECT_NE(first_error(replaced(good, "\"score_quantiles\": [", "\"score_quantiles\": [0.9, "))
                .find("intervals.score_quantiles: give at least two finite, non-negative quantiles in order"),
            std::string::npos);
  EXPECT_EQ(first_error(good.substr(0, 40)).substr(0, 7), "c.json:");
  EXPECT_EQ(first_error(""), "c.json:1:1: the file is empty; a calibration is written by `parley calibrate`");
}

}  // namespace
}  // namespace parley

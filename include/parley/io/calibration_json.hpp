#pragma once
// calibration.json: a fitted ensemble (docs/output-format.md#calibrationjson). The file parley ships
// is embedded in the binary; `parley calibrate` writes new ones and `--calibration FILE` reads them.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "parley/ensemble.hpp"

namespace parley::io {

inline constexpr int kCalibrationFormat = 1;

[[nodiscard]] nlohmann::ordered_json calibration_to_json(const Calibration& calibration);
[[nodiscard]] std::string write_calibration_json(const Calibration& calibration);

// Throws ScenarioError with every problem found, each located at its line, column and key path.
[[nodiscard]] Calibration read_calibration_json(std::string_view text, const std::string& file);

// The calibration embedded in the binary (calibration/deu3-dev.json).
[[nodiscard]] const Calibration& shipped_calibration();

}  // namespace parley::io

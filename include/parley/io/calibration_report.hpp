#pragma once
// What `parley calibrate` prints: every candidate's out-of-sample figures, the one chosen, its rule,
// intervals and figures, and what the choice itself costs.

#include <string>

#include "parley/calibrate.hpp"

namespace parley::io {

// Each candidate's MAE, difference from the reference and interval figures ('*' the one chosen).
[[nodiscard]] std::string candidate_table(const CalibrationReport& report, const std::string& reference);
// The rule's members with their weights (or the median / trimmed mean of them).
[[nodiscard]] std::string weights_line(const Calibration& calibration);
// The whole report.
[[nodiscard]] std::string calibration_report(const CalibrationReport& report, const CalibrateRequest& request);

}  // namespace parley::io

#pragma once
// report.html: one self-contained file (inline CSS and SVG, no scripts, nothing fetched) built from
// the files of an output folder — `parley run`'s, `parley mc`'s, `parley sensitivity`'s, or a folder
// holding several of them — or of a `parley backtest` folder (the models' errors and calibration), or
// of a `parley events aggregate` folder (each dyad's series).

#include <filesystem>
#include <string>

namespace parley::report {

// Throws InputNotFoundError when the folder has neither run.json and scenario.json, nor backtest.json,
// nor events.json.
[[nodiscard]] std::string build_report(const std::filesystem::path& directory);

// Writes DIRECTORY/report.html; returns its path.
std::filesystem::path write_report(const std::filesystem::path& directory);

}  // namespace parley::report

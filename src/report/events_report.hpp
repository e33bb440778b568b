#pragma once
// report.html of a `parley events aggregate` folder: what was read and by which rules, and each
// directed dyad's series — its events by quad class and its mean Goldstein weight, period by period
// (built from events.json and dyads.csv).

#include <filesystem>
#include <string>

namespace parley::report {

// Throws InputNotFoundError when events.json is missing or not JSON.
[[nodiscard]] std::string build_events_report(const std::filesystem::path& directory);

}  // namespace parley::report

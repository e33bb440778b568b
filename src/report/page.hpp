#pragma once
// What every page parley writes shares: its head with one style sheet and one font stack, and the
// reading of a text field of the JSON files the pages are drawn from.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/charts.hpp"

namespace parley::report {

// The fonts, in order: Latin, then the scripts scenarios name their actors in (Chinese, Japanese and
// Korean; Devanagari; Arabic), then what any machine has. Debian's fonts-noto-core and
// fonts-noto-cjk hold the first four (scripts/install-deps.sh installs them).
inline constexpr const char* kFontStack =
    "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Devanagari', 'Noto Sans Arabic', 'DejaVu Sans', Arial, sans-serif";

// "<!DOCTYPE html> ... <body>\n" with the title and the shared style sheet.
[[nodiscard]] std::string page_head(const std::string& title);

// "<footer ...><p>Made by parley VERSION `rest`</p></footer></body></html>\n": the end of every page;
// `rest` (HTML, already escaped) says what the page was made from.
[[nodiscard]] std::string page_foot(const std::string& rest);

// `item[key]` when it is a string, else "".
[[nodiscard]] std::string text_of(const nlohmann::json& item, const char* key);

// The actors present with a stance on `issue` in scenario.json (the scenario at the run's date), in
// the scenario's order: position, and capability (the stance's own, else the actor's) × salience.
[[nodiscard]] std::vector<Dot> stances_on(const nlohmann::json& scenario, const std::string& issue);

}  // namespace parley::report

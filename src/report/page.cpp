#include "report/page.hpp"

#include <fmt/format.h>

#include "parley/version.hpp"
#include "report/svg.hpp"

namespace parley::report {
namespace {

// One style sheet for the run, Monte Carlo, sensitivity, backtest and comparison pages.
constexpr const char* kStyle = R"css(
body { font-family: FONTS; color: #222; max-width: 960px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em;
margin-top: 2em; } h3 { font-size: 1.05em; margin: 1.4em 0 0.3em; }
.meta { color: #555; } figure { margin: 0.5em 0 1em; } svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.92em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.7em 0.25em 0; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } .yes { color: #009E73; font-weight: bold; }
.no { color: #D55E00; font-weight: bold; } .note { color: #555; font-size: 0.9em; }
td.headline { white-space: nowrap; } td.models { font-size: 0.85em; color: #333; } ul.flags { font-size: 0.92em; }
div.wide { overflow-x: auto; } details.model > summary { cursor: pointer; font-weight: bold; margin: 0.6em 0; }
table.grid td, table.grid th { font-size: 0.9em; padding-right: 0.5em; }
span.drivers { font-size: 0.88em; color: #333; } details.about > summary { cursor: pointer; color: #555; } #answer > h2 { margin-top: 0.8em; }
section { page-break-inside: auto; } article { page-break-inside: avoid; }
@media print { body { max-width: none; margin: 0; } a { color: #222; } h2 { page-break-after: avoid; } }
)css";

}  // namespace

std::string page_foot(const std::string& rest) {
  return fmt::format("<footer class=\"note\"><p>Made by parley {} {}</p></footer>\n</body>\n</html>\n", kVersion, rest);
}

std::string page_head(const std::string& title) {
  std::string style = kStyle;
  style.replace(style.find("FONTS"), 5, kFontStack);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n",
      escape(title), style);
}

std::string text_of(const nlohmann::json& item, const char* key) {
  return item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : std::string{};
}

std::vector<Dot> stances_on(const nlohmann::json& scenario, const std::string& issue) {
  std::vector<Dot> dots;
  for (const auto& actor : scenario["actors"]) {
    if (actor.contains("present") && !actor["present"].get<bool>()) continue;
    if (!actor["stances"].contains(issue)) continue;
    const auto& stance = actor["stances"][issue];
    const double capability =
        stance.contains("capability") ? stance["capability"].get<double>() : actor["capability"].get<double>();
    dots.push_back({actor["id"].get<std::string>(), stance["position"].get<double>(),
                    capability * stance["salience"].get<double>()});
  }
  return dots;
}

}  // namespace parley::report

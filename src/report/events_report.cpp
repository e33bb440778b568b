#include "report/events_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "parley/errors.hpp"
#include "parley/io/files.hpp"
#include "report/page.hpp"
#include "report/rows.hpp"
#include "report/svg.hpp"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kCharted = 24;  // dyads drawn; the rest are in the table and dyads.csv
constexpr std::string_view kCooperation = "#0072B2";
constexpr std::string_view kConflict = "#D55E00";
// A dyad's chart: the bars' panel above the mean's.
constexpr double kWidth = 760.0, kLeft = 60.0, kRight = 730.0;
constexpr double kBarsTop = 16.0, kBarsBottom = 156.0, kLineTop = 188.0, kLineBottom = 288.0;

// One period of one directed dyad, as dyads.csv gives it.
struct Point {
  double events = 0.0;
  double verbal_coop = 0.0, material_coop = 0.0, verbal_conflict = 0.0, material_conflict = 0.0;
  std::optional<double> mean;  // none: no weighted event
};

struct Dyad {
  std::string source;
  std::string target;
  std::map<std::string, Point> periods;
  double events = 0.0;
  double before = 0.0;
  double goldstein = 0.0;
  double weighted = 0.0;  // events with a Goldstein weight
  double coop = 0.0;
  double conflict = 0.0;
};

double value(const Row& row, const char* key) {
  return number_of(row, key).value_or(0.0);
}

// Every period of the output, in order, so that all charts share one time axis.
std::string dyad_chart(const Dyad& dyad, const std::vector<std::string>& periods) {
  Svg svg(kWidth, kLineBottom + 40.0,
          fmt::format("{} to {}: events by quad class and mean Goldstein weight by period", dyad.source, dyad.target));
  double most = 1.0;
  for (const auto& [period, point] : dyad.periods) {
    most = std::max({most, point.verbal_coop + point.material_coop, point.verbal_conflict + point.material_conflict});
  }
  const double step = (kRight - kLeft) / static_cast<double>(std::max<std::size_t>(periods.size(), 1));
  const double bar = std::max(1.0, std::min(step * 0.8, 24.0));
  const auto centre = [&](std::size_t k) { return kLeft + step * (static_cast<double>(k) + 0.5); };
  // Cooperation above the middle, conflict below; verbal lighter than material.
  const Scale count{-most, most, kBarsBottom, kBarsTop};
  // Counts both ways from the middle: the ticks say how many, without a sign.
  svg.line(kLeft, kBarsTop, kLeft, kBarsBottom, "#444444");
  for (const double tick : nice_ticks(-most, most, 4)) {
    if (tick < -most || tick > most) continue;
    svg.line(kLeft, count(tick), kRight, count(tick), tick == 0.0 ? "#999999" : "#eeeeee");
    svg.text(kLeft - 6, count(tick) + 4, tick_label(std::fabs(tick)), Anchor::end, 10);
  }
  svg.text(kLeft - 44, kBarsTop + 2, "coop", Anchor::start, 10, std::string(kCooperation));
  svg.text(kLeft - 44, kBarsBottom, "conflict", Anchor::start, 10, std::string(kConflict));
  const Scale mean{-10.0, 10.0, kLineBottom, kLineTop};
  svg.y_axis(mean, kLeft, kRight, {-10.0, -5.0, 0.0, 5.0, 10.0});
  svg.text(kLeft - 44, kLineTop - 8, "mean Goldstein", Anchor::start, 10);
  std::vector<std::pair<double, double>> line;
  for (std::size_t k = 0; k < periods.size(); ++k) {
    const auto found = dyad.periods.find(periods[k]);
    if (found == dyad.periods.end()) continue;
    const Point& p = found->second;
    const double x = centre(k) - bar / 2.0;
    const double zero = count(0.0);
    svg.rect(x, count(p.material_coop), bar, zero - count(p.material_coop), std::string(kCooperation));
    svg.rect(x, count(p.material_coop + p.verbal_coop), bar,
             count(p.material_coop) - count(p.material_coop + p.verbal_coop), std::string(kCooperation), 0.45);
    svg.rect(x, zero, bar, count(-p.material_conflict) - zero, std::string(kConflict));
    svg.rect(x, count(-p.material_conflict), bar,
             count(-p.material_conflict - p.verbal_conflict) - count(-p.material_conflict), std::string(kConflict),
             0.45);
    if (p.mean) {
      line.emplace_back(centre(k), mean(*p.mean));
      svg.circle(centre(k), mean(*p.mean), 2.5, "#000000", 1.0,
                 fmt::format("{}: {} events (cooperation {} verbal, {} material; conflict {} verbal, {} material), "
                             "mean Goldstein {:.2f}",
                             periods[k], p.events, p.verbal_coop, p.material_coop, p.verbal_conflict,
                             p.material_conflict, *p.mean));
    }
  }
  if (line.size() > 1) svg.polyline(line, "#000000", 1.2);
  // At most about ten period labels, evenly spaced.
  const std::size_t every = std::max<std::size_t>(1, (periods.size() + 9) / 10);
  for (std::size_t k = 0; k < periods.size(); k += every) {
    svg.text(centre(k), kLineBottom + 16, periods[k], Anchor::middle, 10);
  }
  svg.text(kLeft, kLineBottom + 34,
           "bars: events, cooperation up and conflict down (dark: material, light: verbal)   dots: mean Goldstein",
           Anchor::start, 10, "#444444");
  return svg.str();
}

std::string count_of(const Json& counts, const char* key) {
  return counts.contains(key) ? counts[key].dump() : std::string("–");
}

}  // namespace

std::string build_events_report(const std::filesystem::path& directory) {
  const Json manifest = Json::parse(io::read_text_file(directory / "events.json"), nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    throw InputNotFoundError(fmt::format("{}: events.json is not JSON", (directory / "events.json").string()));
  }
  std::map<std::pair<std::string, std::string>, Dyad> dyads;
  std::set<std::string> periods;
  for (const Row& row : read_csv(directory / "dyads.csv")) {
    Dyad& dyad = dyads[{row.at("source"), row.at("target")}];
    dyad.source = row.at("source");
    dyad.target = row.at("target");
    Point point{value(row, "events"),          value(row, "verbal_coop"),       value(row, "material_coop"),
                value(row, "verbal_conflict"), value(row, "material_conflict"), std::nullopt};
    // The mean divides by the weighted events (all, but under Phoenix's table); a folder written before
    // dyads.csv had the column counts every event as weighted.
    const double weighted = number_of(row, "weighted").value_or(point.events);
    if (weighted > 0) point.mean = number_of(row, "goldstein_mean");
    dyad.periods[row.at("period")] = point;
    periods.insert(row.at("period"));
    dyad.events += point.events;
    dyad.before += value(row, "events_before_dedup");
    dyad.goldstein += value(row, "goldstein_sum");
    dyad.weighted += weighted;
    dyad.coop += point.verbal_coop + point.material_coop;
    dyad.conflict += point.verbal_conflict + point.material_conflict;
  }
  std::vector<const Dyad*> order;
  order.reserve(dyads.size());
  for (const auto& [key, dyad] : dyads) order.push_back(&dyad);
  std::stable_sort(order.begin(), order.end(), [](const Dyad* a, const Dyad* b) { return a->events > b->events; });
  const std::vector<std::string> axis(periods.begin(), periods.end());

  const Json empty = Json::object();
  const Json& rules = manifest.contains("rules") ? manifest["rules"] : empty;
  const Json& counts = manifest.contains("counts") ? manifest["counts"] : empty;
  std::vector<std::string> files;
  if (manifest.contains("inputs")) {
    files.reserve(manifest["inputs"].size());
    for (const auto& input : manifest["inputs"]) files.push_back(text_of(input, "file"));
  }
  std::string out =
      page_head("parley events") + fmt::format(
                                       "<h1>Each dyad's cooperation and conflict over time</h1>\n<p class=\"meta\">{} "
                                       "file(s): {}</p>\n",
                                       files.size(), escape(fmt::format("{}", fmt::join(files, ", "))));
  out += "<h2>The rules</h2>\n<table>\n";
  for (const auto& [key, rule] : rules.items()) {
    const std::string text = rule.is_string() ? rule.get<std::string>() : rule.dump();
    out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", escape(key), escape(text.empty() ? "every one" : text));
  }
  out += "</table>\n<h2>What was counted, and what was left out</h2>\n<table>\n";
  const std::vector<std::pair<const char*, const char*>> lines{
      {"events", "events read"},
      {"skipped_rows", "malformed rows skipped (--skip-bad)"},
      {"without_actor", "a side without an actor: no dyad"},
      {"same_actor", "both sides the same actor"},
      {"other_dyads", "outside the dyads asked for"},
      {"unknown_code", "an event code not in the CAMEO table (counted, without weight or class)"},
      {"duplicates", "duplicates dropped"},
      {"counted", "counted in a dyad"}};
  for (const auto& [key, meaning] : lines) {
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>\n", meaning, count_of(counts, key));
  }
  out += "</table>\n";

  out += fmt::format(
      "<h2>Dyads</h2>\n<p class=\"note\">{} directed dyads, the busiest first; the {} busiest are "
      "drawn below. Net cooperation: cooperative minus conflictual events.</p>\n",
      order.size(), std::min(order.size(), kCharted));
  out +=
      "<table><tr><th>source</th><th>target</th><th>events</th><th>before dedup</th><th>mean Goldstein</th>"
      "<th>net cooperation</th></tr>\n";
  for (const Dyad* dyad : order) {
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        escape(dyad->source), escape(dyad->target), dyad->events, dyad->before,
        dyad->weighted > 0 ? fmt::format("{:.2f}", dyad->goldstein / dyad->weighted) : std::string("–"),
        dyad->coop - dyad->conflict);
  }
  out += "</table>\n";
  if (order.empty()) out += "<p>No event fell in a dyad: nothing to draw.</p>\n";
  for (std::size_t k = 0; k < std::min(order.size(), kCharted); ++k) {
    const Dyad& dyad = *order[k];
    out += fmt::format("<h3>{} → {}</h3>\n<figure>{}</figure>\n", escape(dyad.source), escape(dyad.target),
                       dyad_chart(dyad, axis));
  }
  out += page_foot(
      fmt::format("from events.json and dyads.csv of {}; nothing in this page is fetched from elsewhere. The rules are "
                  "explained in docs/events.md.",
                  escape(directory.filename().string())));
  return out;
}

}  // namespace parley::report

// report.html: written by every run, self-contained, with every section; and rendered in headless
// Chromium, whose DOM is checked and whose screenshot is kept as a test artefact.

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/golden.hpp"
#include "support/process.hpp"

namespace parley::test {
namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Chromium's flags for a headless run that reaches for nothing on the network.
std::string chromium_flags(const std::filesystem::path& directory) {
  return "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
         "--disable-component-update --disable-sync --disable-extensions --user-data-dir='" +
         (directory / "chromium-profile").string() + "'";
}

bool chromium_present() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// Measured in the browser, after every <details> is opened: each chart's text labels whose boxes
// overlap (by more than a pixel both ways), each chart's labels, and the claim grid's rows. The
// script writes its findings into the page as JSON, which --dump-dom returns.
constexpr const char* kGeometryScript = R"js(<script>
(function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  var out = { charts: [], overlaps: [], grid_rows: 0 };
  document.querySelectorAll('svg').forEach(function (svg) {
    var title = svg.getAttribute('aria-label') || '';
    var section = svg.closest('section');
    var boxes = [];
    svg.querySelectorAll('text').forEach(function (t) {
      var b = t.getBBox();
      if (b.width > 0 && b.height > 0) boxes.push({ text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height });
    });
    out.charts.push({ title: title, section: section ? section.id : '', labels: boxes.map(function (b) { return b.text; }) });
    for (var i = 0; i < boxes.length; ++i) {
      for (var j = i + 1; j < boxes.length; ++j) {
        var a = boxes[i], b = boxes[j];
        var ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        var oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (ox > 1 && oy > 1) out.overlaps.push(title + ': "' + a.text + '" and "' + b.text + '"');
      }
    }
  });
  var grid = document.querySelector('#claims table.grid');
  if (grid) out.grid_rows = grid.querySelectorAll('tr').length - 1;
  var pre = document.createElement('pre');
  pre.id = 'parley-checks';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>)js";

// The JSON the geometry script left in a dumped DOM.
nlohmann::json checks_in(const std::string& dom) {
  const std::string open = "<pre id=\"parley-checks\">";
  const std::size_t start = dom.find(open);
  if (start == std::string::npos) return {};
  const std::size_t end = dom.find("</pre>", start);
  std::string text = dom.substr(start + open.size(), end - start - open.size());
  std::string plain;
  for (std::size_t k = 0; k < text.size(); ++k) {  // the three entities a text node's serialisation uses
    if (text.compare(k, 5, "&amp;") == 0) { plain += '&'; k += 4; }
    else if (text.compare(k, 4, "&lt;") == 0) { plain += '<'; k += 3; }
    else if (text.compare(k, 4, "&gt;") == 0) { plain += '>'; k += 3; }
    else plain += text[k];
  }
  return nlohmann::json::parse(plain);
}

// Nothing in the page may be fetched: no scripts, styles, images or fonts from anywhere. Links the
// reader may follow (<a href>) are allowed.
void expect_self_contained(const std::string& html) {
  for (const char* fetch : {"<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src="}) {
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  }
  // Every attribute whose value is an address: only links and the SVG namespace. (A plain scan:
  // std::regex trips a false warning of GCC 12 in the sanitizer build.)
  for (const char* scheme : {"=\"http://", "=\"https://"}) {
    for (std::size_t at = html.find(scheme); at != std::string::npos; at = html.find(scheme, at + 1)) {
      std::size_t start = at;
      while (start > 0 && (std::isalnum(static_cast<unsigned char>(html[start - 1])) != 0 || html[start - 1] == '-')) {
        --start;
      }
      const std::string attribute = html.substr(start, at - start);
      EXPECT_TRUE(attribute == "href" || attribute == "xmlns") << attribute << " at " << at;
    }
  }
}

TEST(Report, DefaultRunWritesAFullReport) {
  const auto directory = fresh_directory("report-default");
  const auto outcome = run_parley({"-q"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const std::string html = read_text(directory / "parley-out" / "report.html");
  for (const char* id :
       {"answer", "forecasts", "claims", "trajectories", "exchanges", "actors", "relations", "timeline", "sources"}) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  }
  // The key drivers beside each question: us_airspace turns on Pakistan's veto.
  EXPECT_EQ(count(html, "their positions\">most weight: "), 6u);
  EXPECT_NE(html.find("their positions\">most weight: PAK "), std::string::npos);
  // The relations, with what exchange makes of them: PAK and the TTP do not trade.
  const std::string relations = html.substr(html.find("<section id=\"relations\""));
  EXPECT_NE(relations.find("<strong>exchange</strong> reads them"), std::string::npos);
  EXPECT_NE(relations.find("<tr><td>PAK</td><td>TTP</td><td class=\"num\">-0.90</td><td class=\"no\">no trade</td>"),
            std::string::npos);
  // The headlines, 6 issue charts, 18 trajectory charts (eum, exchange and smp on 6 issues), the
  // network and the timeline.
  EXPECT_EQ(count(html, "<svg "), 27u);
  // Claims are a claim × model grid: one row a claim (5, and the header), the headline's column first,
  // with a probability from its calibrated intervals.
  const auto grid = html.find("<table class=\"grid\">");
  ASSERT_NE(grid, std::string::npos);
  const std::string table = html.substr(grid, html.find("</table>", grid) - grid);
  EXPECT_EQ(count(table, "<tr>"), 6u);
  EXPECT_NE(table.find("<tr><th>claim</th><th>test</th><th>parley forecast</th><th>ensemble</th>"), std::string::npos);
  EXPECT_NE(table.find("% likely"), std::string::npos);
  EXPECT_NE(html.find("Pakistan&#39;s security policy"), std::string::npos);
  EXPECT_NE(html.find("<strong>seed</strong>"), std::string::npos);  // every source is listed
  expect_self_contained(html);
}

// A run without a model that reads relations says so where it shows them.
TEST(Report, RelationsNoModelOfTheRunReadsAreSaidToCountForNothing) {
  const auto directory = fresh_directory("report-relations");
  ASSERT_EQ(run_parley({"-q", "-m", "compromise", "-o", "out"}, directory).exit_code, 0);
  const std::string html = read_text(directory / "out" / "report.html");
  EXPECT_NE(html.find("No model of this run reads them: exchange (two actors do not trade"), std::string::npos);
  EXPECT_EQ(html.find("no trade</td>"), std::string::npos);
}

TEST(Report, MonteCarloReportShowsDistributionsAndClaims) {
  const auto directory = fresh_directory("report-mc");
  ASSERT_EQ(run_parley({"mc", "-n", "60", "-q", "-o", "mc"}, directory).exit_code, 0);
  const std::string html = read_text(directory / "mc" / "report.html");
  EXPECT_NE(html.find("<section id=\"montecarlo\""), std::string::npos);
  EXPECT_NE(html.find("<section id=\"claims\""), std::string::npos);
  EXPECT_NE(html.find("airspace_for_strikes"), std::string::npos);
  EXPECT_NE(html.find("forecast distributions"), std::string::npos);
  expect_self_contained(html);
  // `parley report DIR` rebuilds it from the files alone.
  std::filesystem::remove(directory / "mc" / "report.html");
  const auto rebuilt = run_parley({"report", "mc"}, directory);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_EQ(read_text(directory / "mc" / "report.html"), html);
  const auto missing = run_parley({"report", "nowhere"}, directory);
  EXPECT_EQ(missing.exit_code, 66);
}

// A sensitivity folder: every model's drivers (a row per model under each issue's chart), no claims
// section (nothing there judges them) and a note that the folder holds no forecasts.
TEST(Report, SensitivityReportCoversEveryModel) {
  const auto directory = fresh_directory("report-sensitivity");
  ASSERT_EQ(run_parley({"sensitivity", "-n", "32", "--bootstrap", "10", "-q", "-o", "s"}, directory).exit_code, 0);
  const std::string html = read_text(directory / "s" / "report.html");
  EXPECT_NE(html.find("<section id=\"sensitivity\""), std::string::npos);
  EXPECT_EQ(html.find("<section id=\"claims\""), std::string::npos);
  EXPECT_NE(html.find("holds no forecasts"), std::string::npos);
  for (const char* model : {"ensemble", "compromise", "mean", "median", "nash", "eum", "exchange", "smp", "status_quo"}) {
    EXPECT_EQ(count(html, std::string("<tr><td>") + model + "</td>"), 6u) << model;  // one row under each issue
  }
}

// Headless Chromium: the page renders, with its sections and charts in the DOM. Outside CI the test
// skips when Chromium is not installed; under CI it must run.
TEST(Report, RendersInHeadlessChromium) {
  if (!chromium_present()) {
    if (running_in_ci()) FAIL() << "chromium is not installed (CI=true): scripts/install-deps.sh installs it";
    GTEST_SKIP() << "chromium not installed; install Debian's chromium to run this test";
  }
  const auto directory = fresh_directory("report-chromium");
  ASSERT_EQ(run_parley({"-q"}, directory).exit_code, 0);
  const auto page = directory / "parley-out" / "report.html";
  const std::string flags = chromium_flags(directory);
  const auto dom_file = directory / "dom.html";
  const std::string dump =
      "chromium " + flags + " --dump-dom 'file://" + page.string() + "' >'" + dom_file.string() + "' 2>/dev/null";
  ASSERT_EQ(std::system(dump.c_str()), 0);
  const std::string dom = read_text(dom_file);
  EXPECT_EQ(count(dom, "<svg "), 27u);
  for (const char* id :
       {"answer", "forecasts", "claims", "trajectories", "exchanges", "actors", "timeline", "sources"}) {
    EXPECT_NE(dom.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  // The first section is parley's answer: the headline with its 80 % interval for all six issues,
  // nash's unanimity collapse flagged, and where the calibration holds.
  const std::size_t answer = dom.find("<section id=\"answer\"");
  const std::size_t next = dom.find("<section id=\"forecasts\"");
  ASSERT_LT(answer, next);
  EXPECT_EQ(dom.find("<section"), answer);
  const std::string first = dom.substr(answer, next - answer);
  EXPECT_EQ(count(first, "parley forecast <strong>"), 6u);
  EXPECT_EQ(count(first, "(80 %)"), 6u);
  EXPECT_NE(first.find("unanimity collapse"), std::string::npos);
  EXPECT_NE(first.find("lies outside it"), std::string::npos);
  // The screenshot is kept as an artefact of the test run: build/<preset>/tests/artefacts/report.png.
  const auto artefacts = std::filesystem::current_path() / "artefacts";
  std::filesystem::create_directories(artefacts);
  const std::string shot = "chromium " + flags + " --window-size=900,2600 --screenshot='" +
                           (artefacts / "report.png").string() + "' 'file://" + page.string() + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(shot.c_str()), 0);
  EXPECT_GT(std::filesystem::file_size(artefacts / "report.png"), 50000u);
}

// The default report measured in Chromium: no two labels of a chart overlap; every model's forecast
// has its own labelled row on every issue's chart, and every trajectory chart its forecast line; the
// claim grid has a row per claim.
TEST(Report, ChromiumMeasuresNoOverlappingLabelsAndEveryModelsRow) {
  if (!chromium_present()) {
    if (running_in_ci()) FAIL() << "chromium is not installed (CI=true): scripts/install-deps.sh installs it";
    GTEST_SKIP() << "chromium not installed; install Debian's chromium to run this test";
  }
  const auto directory = fresh_directory("report-geometry");
  ASSERT_EQ(run_parley({"-q"}, directory).exit_code, 0);
  std::string html = read_text(directory / "parley-out" / "report.html");
  html.insert(html.rfind("</body>"), kGeometryScript);
  const auto page = directory / "measured.html";
  std::ofstream(page) << html;
  const auto dom_file = directory / "dom.html";
  const std::string dump = "chromium " + chromium_flags(directory) + " --window-size=1280,800 --dump-dom 'file://" +
                           page.string() + "' >'" + dom_file.string() + "' 2>/dev/null";
  ASSERT_EQ(std::system(dump.c_str()), 0);
  const nlohmann::json checks = checks_in(read_text(dom_file));
  ASSERT_TRUE(checks.is_object()) << "the script's findings are not in the DOM";
  EXPECT_TRUE(checks["overlaps"].empty()) << checks["overlaps"].dump(1);
  EXPECT_EQ(checks["grid_rows"], 5) << "the default scenario has five claims";
  const std::set<std::string> models{"ensemble", "compromise", "mean", "median", "nash",
                                     "eum",      "exchange",   "smp",  "status_quo"};
  std::size_t issue_charts = 0;
  std::size_t trajectory_charts = 0;
  for (const auto& chart : checks["charts"]) {
    const std::string title = chart["title"];
    std::set<std::string> labels;
    for (const auto& label : chart["labels"]) labels.insert(label.get<std::string>());
    if (chart["section"] == "forecasts") {
      ++issue_charts;
      for (const auto& model : models) EXPECT_TRUE(labels.count(model)) << title << ": no row for " << model;
    }
    if (chart["section"] == "trajectories") {
      ++trajectory_charts;
      EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [](const std::string& l) { return l.starts_with("forecast"); }))
          << title << ": no forecast line";
    }
  }
  EXPECT_EQ(issue_charts, 6U);
  EXPECT_GE(trajectory_charts, 6U);
}

// Every character of the default scenario's actor names is covered by a font of the report's font
// stack that is installed (fontconfig's view): Chinese, Devanagari, Arabic script and Cyrillic render
// as letters, not as empty boxes.
TEST(Report, TheFontStackCoversEveryScriptOfTheDefaultScenario) {
  if (std::system("command -v fc-list >/dev/null 2>&1") != 0) {
    if (running_in_ci()) FAIL() << "fontconfig is not installed (CI=true): scripts/install-deps.sh installs it";
    GTEST_SKIP() << "fontconfig not installed";
  }
  const auto directory = fresh_directory("report-fonts");
  for (const char* sample : {"中", "भ", "پ", "Р"}) {
    const auto file = directory / "families.txt";
    // fontconfig's query by character: the families that have a glyph for it.
    std::string codepoint;
    {
      const auto* bytes = reinterpret_cast<const unsigned char*>(sample);
      unsigned value = 0;
      if (bytes[0] < 0xE0) value = ((bytes[0] & 0x1Fu) << 6) | (bytes[1] & 0x3Fu);
      else value = ((bytes[0] & 0x0Fu) << 12) | ((bytes[1] & 0x3Fu) << 6) | (bytes[2] & 0x3Fu);
      char hex[16];
      std::snprintf(hex, sizeof hex, "%x", value);
      codepoint = hex;
    }
    const std::string query = "fc-list ':charset=" + codepoint + "' family >'" + file.string() + "'";
    ASSERT_EQ(std::system(query.c_str()), 0);
    const std::string families = read_text(file);
    bool covered = false;
    for (const char* family : {"Noto Sans", "Noto Sans CJK SC", "Noto Sans Devanagari", "Noto Sans Arabic",
                               "DejaVu Sans"}) {
      for (std::size_t at = families.find(family); at != std::string::npos; at = families.find(family, at + 1)) {
        const std::size_t end = at + std::string(family).size();
        if (end == families.size() || families[end] == ',' || families[end] == '\n') covered = true;
      }
    }
    EXPECT_TRUE(covered) << sample << " (U+" << codepoint << "): no font of the report's stack has it; installed: "
                         << families;
  }
}

}  // namespace
}  // namespace parley::test

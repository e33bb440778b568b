// report.html: written by every run, self-contained, with every section; and rendered in headless
// Chromium, whose DOM is checked and whose screenshot is kept as a test artefact.

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>

#include "support/golden.hpp"
#include "support/process.hpp"

namespace parley::test {
namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
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
       {"answer", "forecasts", "claims", "trajectories", "exchanges", "actors", "timeline", "sources"}) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  }
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
  const bool present = std::system("command -v chromium >/dev/null 2>&1") == 0;
  if (!present) {
    if (running_in_ci()) FAIL() << "chromium is not installed (CI=true): scripts/install-deps.sh installs it";
    GTEST_SKIP() << "chromium not installed; install Debian's chromium to run this test";
  }
  const auto directory = fresh_directory("report-chromium");
  ASSERT_EQ(run_parley({"-q"}, directory).exit_code, 0);
  const auto page = directory / "parley-out" / "report.html";
  const std::string flags =
      "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
      "--disable-component-update --disable-sync --disable-extensions --user-data-dir='" +
      (directory / "chromium-profile").string() + "'";
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

}  // namespace
}  // namespace parley::test

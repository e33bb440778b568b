// The report's plotting module: scales, ticks, escaping, and charts that show any label as text.

#include "report/svg.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "report/charts.hpp"

namespace parley::report {
namespace {

TEST(Svg, ScalesMapLinearlyAndSurviveADegenerateDomain) {
  const Scale x{0.0, 100.0, 150.0, 730.0};
  EXPECT_DOUBLE_EQ(x(0.0), 150.0);
  EXPECT_DOUBLE_EQ(x(100.0), 730.0);
  EXPECT_DOUBLE_EQ(x(50.0), 440.0);
  const Scale y{0.0, 10.0, 200.0, 20.0};  // inverted, as SVG's y grows downwards
  EXPECT_DOUBLE_EQ(y(10.0), 20.0);
  const Scale flat{5.0, 5.0, 0.0, 10.0};
  EXPECT_DOUBLE_EQ(flat(5.0), 5.0);
}

TEST(Svg, NiceTicks) {
  EXPECT_EQ(nice_ticks(0, 100, 5), (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(nice_ticks(0.5, 7, 5), (std::vector<double>{2, 4, 6}));
  EXPECT_EQ(nice_ticks(12.85, 14.25, 5), (std::vector<double>{13.0, 13.5, 14.0}));
  // Ranges no chart should meet end at once with a few ticks, never in an endless loop.
  EXPECT_EQ(nice_ticks(-1.7976931348623157e308, 1.7976931348623157e308, 5).size(), 1U);
  EXPECT_LE(nice_ticks(1e20, 1e20 + 1e5, 5).size(), 12U);
  EXPECT_EQ(nice_ticks(-1, 1, 4), (std::vector<double>{-1, -0.5, 0, 0.5, 1}));
  EXPECT_EQ(nice_ticks(3, 3, 5), (std::vector<double>{3}));
  EXPECT_EQ(tick_label(0.1 + 0.2), "0.3");
  EXPECT_EQ(tick_label(-0.0), "0");
  EXPECT_EQ(tick_label(40), "40");
}

TEST(Svg, EscapesEveryLabel) {
  EXPECT_EQ(escape("<script>alert(\"x\") & 'y'</script>"),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  Svg svg(100, 50, "a <b> title");
  svg.text(10, 10, "<script>alert(1)</script>");
  svg.circle(5, 5, 2, "#000000", 1.0, "<img src=x>");
  const std::string out = svg.str();
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_EQ(out.find("<img"), std::string::npos);
  EXPECT_NE(out.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(out.find("aria-label=\"a &lt;b&gt; title\""), std::string::npos);
}

TEST(Charts, LabelsInAnyScriptAreText) {
  const std::string chart =
      issue_chart("تحالف / Альянс", 0, 100, {{"پاکستان", 40, 0.5}, {"Россия", 70, 0.2}, {"<script>", 10, 0.1}}, {45},
                  {{"compromise", 48.5}});
  EXPECT_NE(chart.find("پاکستان"), std::string::npos);
  EXPECT_NE(chart.find("Россия"), std::string::npos);
  EXPECT_NE(chart.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(chart.find("<script"), std::string::npos);
  EXPECT_NE(chart.find(">compromise</text>"), std::string::npos);  // each model labelled on its own row
  EXPECT_NE(chart.find(">48.5</text>"), std::string::npos);
  EXPECT_TRUE(chart.starts_with("<svg "));
  EXPECT_TRUE(chart.ends_with("</svg>"));
}

// Lines that end together are labelled apart: no two end labels closer than a line of text, the
// forecast's among them.
TEST(Charts, TrajectoryLabelsDoNotOverlap) {
  std::vector<Line> lines;
  lines.reserve(9);
  for (int k = 0; k < 9; ++k) lines.push_back({"actor" + std::to_string(k), {10.0 * k, 80.0}, static_cast<std::size_t>(k)});
  const std::string chart = trajectory_chart("t", {0, 100, "none", "all", 80.0}, lines);
  std::vector<double> heights;
  const std::string marker = R"(<text x="622.00" y=")";
  for (auto at = chart.find(marker); at != std::string::npos; at = chart.find(marker, at + 1)) {
    heights.push_back(std::stod(chart.substr(at + marker.size())));
  }
  ASSERT_EQ(heights.size(), 10u);  // nine actors and the forecast
  std::sort(heights.begin(), heights.end());
  for (std::size_t k = 1; k < heights.size(); ++k) EXPECT_GE(heights[k] - heights[k - 1], 12.0 - 1e-9);
  EXPECT_NE(chart.find(">forecast 80.0</text>"), std::string::npos);
  EXPECT_NE(chart.find("↑ all"), std::string::npos);
  EXPECT_NE(chart.find("↓ none"), std::string::npos);
}

TEST(Charts, EveryChartIsOneSvg) {
  const std::vector<std::string> charts{
      trajectory_chart("t", {0, 100, "low", "high", 50.0}, {{"A", {10, 20, 30}, 0}, {"B", {90}, 1}}),
      network_chart("n", {"A", "B", "C"}, {{0, 1, 3.0, "A: x / B: y"}}),
      distribution_chart("d", 0, 100, {{"m", 10, 20, 30, 40, 50, 31}}),
      bar_chart("b", {{"A position", 0.6, 0.5, 0.7}}),
      timeline_chart("e", {{"2021-08-31", "withdrawal"}, {"2023-01-03", "statement"}}),
  };
  for (const auto& chart : charts) {
    EXPECT_TRUE(chart.starts_with("<svg ")) << chart.substr(0, 40);
    EXPECT_EQ(chart.find("<svg", 1), std::string::npos);
    EXPECT_TRUE(chart.ends_with("</svg>"));
  }
}

}  // namespace
}  // namespace parley::report

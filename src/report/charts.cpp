#include "report/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "parley/date.hpp"
#include "report/svg.hpp"

namespace parley::report {
namespace {

constexpr double kWidth = 760.0;
constexpr double kLeft = 150.0;
constexpr double kRight = 730.0;

// Days since 1970-01-01 (proleptic Gregorian), for the time axis.
double day_number(const Date& date) {
  const int y = date.month <= 2 ? date.year - 1 : date.year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<double>(era * 146097 + doe - 719468);
}

}  // namespace

std::string issue_chart(const std::string& title, double min, double max, const std::vector<Dot>& dots,
                        const std::vector<double>& status_quo, const std::vector<Mark>& forecasts) {
  const double top = 24.0;
  const double row = 22.0;
  const double actors_bottom = top + row * static_cast<double>(std::max<std::size_t>(dots.size(), 1));
  // Below the actors, a row a model: equal forecasts sit on rows of their own, never on one line.
  const double forecast_row = 18.0;
  const double bottom = actors_bottom + 6.0 + forecast_row * static_cast<double>(forecasts.size());
  Svg svg(kWidth, bottom + 30.0, title);
  const Scale x{min, max, kLeft, kRight};
  double heaviest = 0.0;
  for (const auto& dot : dots) heaviest = std::max(heaviest, dot.weight);
  for (std::size_t k = 0; k < dots.size(); ++k) {
    const double y = top + row * (static_cast<double>(k) + 0.5);
    svg.line(kLeft, y, kRight, y, "#eeeeee");
    svg.text(kLeft - 8, y + 4, dots[k].label, Anchor::end, 12);
    const double radius = 3.0 + 8.0 * (heaviest > 0.0 ? std::sqrt(dots[k].weight / heaviest) : 0.0);
    svg.circle(x(dots[k].position), y, radius, kGrey, 0.55,
               fmt::format("{}: {} (weight {:.3g})", dots[k].label, tick_label(dots[k].position), dots[k].weight));
  }
  for (const double value : status_quo) {
    svg.line(x(value), top - 6, x(value), bottom, "#000000", 1.5, "4 3");
    svg.text(x(value), top - 10, "status quo", Anchor::middle, 10, "#000000");
  }
  for (std::size_t m = 0; m < forecasts.size(); ++m) {
    const double position = x(forecasts[m].value);
    const double y = actors_bottom + 6.0 + forecast_row * (static_cast<double>(m) + 0.5);
    svg.line(position, top, position, actors_bottom, colour(m), 1.2);
    svg.line(kLeft, y, kRight, y, "#f4f4f4");
    svg.text(kLeft - 8, y + 4, forecasts[m].label, Anchor::end, 11, colour(m));
    svg.rect(position - 4, y - 4, 8, 8, colour(m));
    const bool right = position < (kLeft + kRight) / 2;
    svg.text(right ? position + 8 : position - 8, y + 4, fmt::format("{:.1f}", forecasts[m].value),
             right ? Anchor::start : Anchor::end, 11);
  }
  svg.x_axis(x, bottom + 2, nice_ticks(min, max, 5));
  return svg.str();
}

std::string headline_chart(const std::string& title, const std::vector<HeadlineRow>& rows) {
  const double row_height = 46.0;
  const double top = 12.0;
  const double legend = top + row_height * static_cast<double>(rows.size()) + 14.0;
  Svg svg(kWidth, legend + 16.0, title);
  constexpr std::array<double, 3> kOpacity{0.75, 0.4, 0.18};  // 50, 80, 95 %
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const HeadlineRow& row = rows[r];
    const Scale x{row.min, row.max, kLeft, kRight};
    const double y = top + row_height * static_cast<double>(r) + 16.0;
    svg.text(kLeft - 8, y + 4, row.label, Anchor::end, 12, "#222222", true);
    svg.line(kLeft, y, kRight, y, "#dddddd");
    for (std::size_t b = row.bands.size(); b-- > 0;) {
      const auto [low, high] = row.bands[b];
      svg.rect(x(low), y - 6, std::max(1.0, x(high) - x(low)), 12, kPalette[0], kOpacity[std::min<std::size_t>(b, 2)]);
    }
    for (const double value : row.status_quo) svg.line(x(value), y - 11, x(value), y + 11, "#000000", 1.5, "3 2");
    for (const auto& model : row.models) {
      svg.circle(x(model.value), y + 15, 3, kGrey, 0.8, fmt::format("{} {:.1f}", model.label, model.value));
    }
    svg.circle(x(row.forecast), y, 5, "#222222", 1.0, fmt::format("parley forecast {:.1f}", row.forecast));
    svg.text(x(row.forecast), y - 10, fmt::format("{:.1f}", row.forecast), Anchor::middle, 11, "#222222", true);
    svg.text(kLeft, y + 29, tick_label(row.min), Anchor::start, 10, "#666666");
    svg.text(kRight, y + 29, tick_label(row.max), Anchor::end, 10, "#666666");
  }
  double lx = 20.0;
  for (std::size_t b = 0; b < 3; ++b) {
    svg.rect(lx, legend - 9, 14, 10, kPalette[0], kOpacity[b]);
    svg.text(lx + 18, legend, b == 0 ? "50 %" : (b == 1 ? "80 %" : "95 % interval"), Anchor::start, 11);
    lx += b == 2 ? 110.0 : 60.0;
  }
  svg.circle(lx + 5, legend - 4, 5, "#222222");
  svg.text(lx + 14, legend, "parley forecast", Anchor::start, 11);
  svg.circle(lx + 120, legend - 4, 3, kGrey);
  svg.text(lx + 128, legend, "a model's forecast", Anchor::start, 11);
  svg.line(lx + 245, legend - 10, lx + 245, legend + 2, "#000000", 1.5, "3 2");
  svg.text(lx + 252, legend, "status quo", Anchor::start, 11);
  return svg.str();
}

namespace {

// Label heights pushed apart to at least `gap` from each other, within [top, bottom], keeping their
// order: labels at the ends of lines that end together stay readable.
std::vector<double> spread_labels(std::vector<double> wanted, double gap, double top, double bottom) {
  std::vector<std::size_t> order(wanted.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return wanted[a] < wanted[b]; });
  std::vector<double> placed(wanted.size());
  double previous = top - gap;
  for (const std::size_t k : order) {
    placed[k] = std::max(wanted[k], previous + gap);
    previous = placed[k];
  }
  // Too low at the end: shift the last ones back up, each at least `gap` above the next.
  double next = bottom + gap;
  std::reverse(order.begin(), order.end());
  for (const std::size_t k : order) {
    placed[k] = std::min(placed[k], next - gap);
    next = placed[k];
  }
  return placed;
}

}  // namespace

std::string trajectory_chart(const std::string& title, const TrajectoryFrame& frame, const std::vector<Line>& lines) {
  constexpr double kPlotRight = 610.0;  // right of it: the lines' labels
  constexpr double kTop = 24.0;
  // A label's box is about 1.36 of its 11 px font tall (Noto Sans): labels at least 15 px apart never
  // overlap, and the plot grows when its labels need more than its 190 px.
  constexpr double kLabelGap = 15.0;
  std::size_t rounds = 1;
  std::size_t labelled = frame.forecast ? 1 : 0;
  for (const auto& line : lines) {
    rounds = std::max(rounds, line.values.size());
    if (std::any_of(line.values.begin(), line.values.end(), [](double v) { return std::isfinite(v); })) ++labelled;
  }
  const double bottom = kTop + std::max(190.0, kLabelGap * static_cast<double>(labelled) - 12.0);
  Svg svg(kWidth, bottom + 60.0, title);
  const Scale x{0.0, static_cast<double>(rounds - 1), 60.0, kPlotRight};
  const Scale y{frame.min, frame.max, bottom, kTop};
  svg.y_axis(y, 60.0, kPlotRight, nice_ticks(frame.min, frame.max, 5));
  svg.x_axis(x, bottom + 2,
             nice_ticks(0.0, static_cast<double>(rounds - 1), std::min<int>(10, static_cast<int>(rounds))));
  svg.text((60.0 + kPlotRight) / 2, bottom + 36.0, "round", Anchor::middle, 11, "#444444");
  if (!frame.high.empty()) svg.text(62.0, kTop - 8, "↑ " + frame.high, Anchor::start, 10, "#444444");
  if (!frame.low.empty()) svg.text(62.0, bottom + 52.0, "↓ " + frame.low, Anchor::start, 10, "#444444");
  std::vector<double> ends;  // each label's wanted height
  std::vector<std::string> labels;
  std::vector<std::string_view> paints;
  for (const auto& line : lines) {
    std::vector<std::pair<double, double>> points;
    for (std::size_t r = 0; r < line.values.size(); ++r) {
      if (std::isfinite(line.values[r])) points.emplace_back(x(static_cast<double>(r)), y(line.values[r]));
    }
    const std::string_view paint = colour(line.colour);
    if (points.size() == 1) svg.circle(points[0].first, points[0].second, 3, paint);
    if (points.size() > 1) svg.polyline(points, paint, 1.8);
    if (points.empty()) continue;
    ends.push_back(points.back().second);
    labels.push_back(line.label);
    paints.push_back(paint);
  }
  if (frame.forecast) {
    const double at = y(*frame.forecast);
    svg.line(60.0, at, kPlotRight, at, "#000000", 1.2, "6 4");
    ends.push_back(at);
    labels.push_back(fmt::format("forecast {:.1f}", *frame.forecast));
    paints.emplace_back("#000000");
  }
  const std::vector<double> placed = spread_labels(ends, kLabelGap, kTop, bottom + 12.0);
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (std::fabs(placed[k] - ends[k]) > 1.0)
      svg.line(kPlotRight + 2, ends[k], kPlotRight + 10, placed[k], paints[k], 0.8);
    svg.text(kPlotRight + 12, placed[k] + 4, labels[k], Anchor::start, 11, paints[k]);
  }
  return svg.str();
}

std::string network_chart(const std::string& title, const std::vector<std::string>& nodes,
                          const std::vector<Edge>& edges) {
  const double size = 480.0;
  const double legend = size + 10.0;
  Svg svg(kWidth, legend + 20.0 * static_cast<double>(edges.size()) + 10.0, title);
  const double cx = kWidth / 2;
  const double cy = size / 2;
  const double radius = 190.0;
  std::vector<std::pair<double, double>> at;
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const double angle =
        2.0 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(std::max<std::size_t>(nodes.size(), 1)) -
        std::numbers::pi / 2;
    at.emplace_back(cx + radius * std::cos(angle), cy + radius * std::sin(angle));
  }
  double heaviest = 0.0;
  for (const auto& edge : edges) heaviest = std::max(heaviest, edge.weight);
  // Edges carry a number on them; the legend below says what each is (whole labels on the edges
  // would overlap).
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const Edge& edge = edges[e];
    const auto [x1, y1] = at[edge.from];
    const auto [x2, y2] = at[edge.to];
    svg.line(x1, y1, x2, y2, colour(e), 1.5 + 6.0 * (heaviest > 0.0 ? edge.weight / heaviest : 0.0));
  }
  // Each edge's number sits on the edge itself: at its middle, or slid along it (never past the nodes'
  // circles) to the first place clear of the numbers and nodes already drawn.
  // Clear of a node: its radius (17) and the badge's (9); of another badge: two badges' radii.
  std::vector<std::pair<double, double>> taken;
  const auto near = [](const std::vector<std::pair<double, double>>& points, double x, double y, double distance) {
    return std::any_of(points.begin(), points.end(),
                       [&](const auto& p) { return std::hypot(p.first - x, p.second - y) < distance; });
  };
  const auto clear = [&](double x, double y) { return !near(at, x, y, 26.0) && !near(taken, x, y, 18.0); };
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto [x1, y1] = at[edges[e].from];
    const auto [x2, y2] = at[edges[e].to];
    double mx = (x1 + x2) / 2;
    double my = (y1 + y2) / 2;
    for (const double t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.25, 0.75, 0.45, 0.55}) {
      const double x = x1 + t * (x2 - x1);
      const double y = y1 + t * (y2 - y1);
      if (clear(x, y)) {
        mx = x;
        my = y;
        break;
      }
    }
    taken.emplace_back(mx, my);
    svg.circle(mx, my, 9, "#ffffff", 1.0);
    svg.text(mx, my + 4, std::to_string(e + 1), Anchor::middle, 11, colour(e), true);
    const double ly = legend + 20.0 * static_cast<double>(e) + 14.0;
    svg.rect(40, ly - 9, 16, 5, colour(e));
    svg.text(64, ly - 4, fmt::format("{}. {}", e + 1, edges[e].label), Anchor::start, 12);
  }
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const auto [x, y] = at[k];
    svg.circle(x, y, 17, "#ffffff", 1.0);
    svg.circle(x, y, 16, "#0072B2", 0.15);
    svg.text(x, y + 4, nodes[k], Anchor::middle, 11, "#000000", true);
  }
  return svg.str();
}

std::string distribution_chart(const std::string& title, double min, double max, const std::vector<Band>& bands) {
  const double row = 26.0;
  const double top = 12.0;
  const double bottom = top + row * static_cast<double>(bands.size());
  Svg svg(kWidth, bottom + 44.0, title);
  const Scale x{min, max, kLeft, kRight};
  for (std::size_t m = 0; m < bands.size(); ++m) {
    const Band& band = bands[m];
    const double y = top + row * (static_cast<double>(m) + 0.5);
    svg.rect(kLeft - 20, y - 3, 10, 6, colour(m));
    svg.text(kLeft - 26, y + 4, band.label, Anchor::end, 12);
    svg.line(x(band.q05), y, x(band.q95), y, colour(m), 2.0);
    svg.rect(x(band.q25), y - 7, x(band.q75) - x(band.q25), 14, colour(m), 0.35);
    svg.line(x(band.q50), y - 8, x(band.q50), y + 8, colour(m), 2.5);
    svg.circle(x(band.mean), y, 3.0, "#000000", 1.0,
               fmt::format("{}: mean {:.1f}, median {:.1f}, 90% in [{:.1f}, {:.1f}]", band.label, band.mean, band.q50,
                           band.q05, band.q95));
  }
  svg.x_axis(x, bottom + 4, nice_ticks(min, max, 5));
  svg.text(kLeft, bottom + 38, "line: 5-95 %   box: 25-75 %   bar: median   dot: mean", Anchor::start, 10, "#444444");
  return svg.str();
}

std::string shift_chart(const std::string& title, double min, double max, const std::vector<Shift>& shifts) {
  const double row = 24.0;
  const double top = 10.0;
  const double bottom = top + row * static_cast<double>(shifts.size());
  Svg svg(kWidth, bottom + 44.0, title);
  const Scale x{min, max, kLeft, kRight};
  for (std::size_t m = 0; m < shifts.size(); ++m) {
    const Shift& shift = shifts[m];
    const double y = top + row * (static_cast<double>(m) + 0.5);
    svg.line(kLeft, y, kRight, y, "#eeeeee");
    svg.text(kLeft - 8, y + 4, shift.label, Anchor::end, 12);
    svg.line(x(shift.from), y, x(shift.to), y, colour(m), 2.5);
    svg.circle(x(shift.from), y, 5.0, "#ffffff", 1.0);
    svg.circle(x(shift.from), y, 3.5, colour(m), 0.35);
    svg.circle(x(shift.to), y, 5.0, colour(m), 1.0,
               fmt::format("{}: {:.1f} -> {:.1f} ({:+.1f})", shift.label, shift.from, shift.to, shift.to - shift.from));
  }
  svg.x_axis(x, bottom + 4, nice_ticks(min, max, 5));
  svg.text(kLeft, bottom + 38, "ring: A   dot: B", Anchor::start, 10, "#444444");
  return svg.str();
}

std::string bar_chart(const std::string& title, const std::vector<Bar>& bars, double max) {
  const double row = 22.0;
  const double top = 10.0;
  const double bottom = top + row * static_cast<double>(bars.size());
  Svg svg(kWidth, bottom + 30.0, title);
  const Scale x{0.0, max, 200.0, kRight};
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const double y = top + row * static_cast<double>(k);
    svg.text(192, y + 15, bars[k].label, Anchor::end, 12);
    svg.rect(x(0.0), y + 4, x(std::clamp(bars[k].value, 0.0, max)) - x(0.0), 14, colour(0), 0.75);
    svg.line(x(std::clamp(bars[k].low, 0.0, max)), y + 11, x(std::clamp(bars[k].high, 0.0, max)), y + 11, "#000000",
             1.2);
  }
  svg.x_axis(x, bottom + 2, nice_ticks(0.0, max, 5));
  return svg.str();
}

std::string timeline_chart(const std::string& title, const std::vector<Moment>& moments) {
  Svg svg(kWidth, 90.0, title);
  std::vector<double> days;
  for (const auto& moment : moments) {
    const auto date = Date::parse(moment.date);
    days.push_back(date ? day_number(*date) : 0.0);
  }
  if (days.empty()) return svg.str();
  const auto [first, last] = std::minmax_element(days.begin(), days.end());
  const Scale x{*first - 15.0, *last + 15.0, 40.0, kRight};
  svg.line(40.0, 50.0, kRight, 50.0, "#444444");
  for (std::size_t k = 0; k < moments.size(); ++k) {
    const double px = x(days[k]);
    const double lift = (k % 2 == 0) ? 0.0 : 14.0;
    svg.circle(px, 50.0, 5.0, colour(k), 1.0, moments[k].date + ": " + moments[k].label);
    svg.text(px, 36.0 - lift, std::to_string(k + 1), Anchor::middle, 11, colour(k), true);
  }
  svg.text(40.0, 74.0, moments.front().date, Anchor::start, 11, "#444444");
  svg.text(kRight, 74.0, moments.back().date, Anchor::end, 11, "#444444");
  return svg.str();
}

}  // namespace parley::report

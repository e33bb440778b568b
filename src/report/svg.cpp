#include "report/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/page.hpp"

namespace parley::report {
namespace {

std::string number(double value) {
  return fmt::format("{:.2f}", value);
}

std::string_view anchor_name(Anchor anchor) {
  switch (anchor) {
    case Anchor::start:
      return "start";
    case Anchor::middle:
      return "middle";
    case Anchor::end:
      return "end";
  }
  return "start";
}

}  // namespace

std::string_view colour(std::size_t index) {
  return kPalette[index % std::size(kPalette)];
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

double Scale::operator()(double value) const {
  if (d1 == d0) return (r0 + r1) / 2.0;
  return r0 + (value - d0) * (r1 - r0) / (d1 - d0);
}

std::vector<double> nice_ticks(double low, double high, int target) {
  if (!(high > low) || target < 1 || !std::isfinite(high - low)) return {low};
  const double raw = (high - low) / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  const double first = std::ceil(low / step - 1e-9) * step;
  double tick = first;  // accumulated, not first + k * step: the ticks' bits are the report's
  // At most about 2·target ticks; a step below the ticks' precision (a narrow range far from 0)
  // would never get there.
  while (tick <= high + step * 1e-9 && ticks.size() <= 2 * static_cast<std::size_t>(target) + 2) {
    ticks.push_back(std::fabs(tick) < step * 1e-9 ? 0.0 : tick);
    if (tick + step == tick) break;
    tick += step;
  }
  return ticks;
}

std::string tick_label(double value) {
  std::string text = fmt::format("{:.6g}", value);
  if (text == "-0") text = "0";
  return text;
}

Svg::Svg(double width, double height, std::string_view title) : width_(width), height_(height), title_(title) {}

void Svg::line(double x1, double y1, double x2, double y2, std::string_view colour, double width,
               std::string_view dash) {
  body_ += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>)", number(x1),
                       number(y1), number(x2), number(y2), colour, number(width),
                       dash.empty() ? "" : fmt::format(R"( stroke-dasharray="{}")", dash));
}

void Svg::rect(double x, double y, double width, double height, std::string_view fill, double opacity) {
  body_ += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="{}"/>)", number(x),
                       number(y), number(std::max(0.0, width)), number(std::max(0.0, height)), fill, number(opacity));
}

void Svg::circle(double x, double y, double radius, std::string_view fill, double opacity, std::string_view tooltip) {
  body_ += fmt::format(R"(<circle cx="{}" cy="{}" r="{}" fill="{}" fill-opacity="{}" stroke="{}">)", number(x),
                       number(y), number(radius), fill, number(opacity), fill);
  if (!tooltip.empty()) body_ += "<title>" + escape(tooltip) + "</title>";
  body_ += "</circle>";
}

void Svg::polyline(const std::vector<std::pair<double, double>>& points, std::string_view colour, double width) {
  std::string list;
  for (const auto& [x, y] : points) list += number(x) + "," + number(y) + " ";
  body_ +=
      fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"/>)", list, colour, number(width));
}

void Svg::text(double x, double y, std::string_view content, Anchor anchor, double size, std::string_view colour,
               bool bold) {
  body_ +=
      fmt::format(R"(<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="{}"{}>{}</text>)", number(x), number(y),
                  anchor_name(anchor), number(size), colour, bold ? R"( font-weight="bold")" : "", escape(content));
}

void Svg::x_axis(const Scale& scale, double y, const std::vector<double>& ticks) {
  line(scale.r0, y, scale.r1, y, "#444444");
  for (const double tick : ticks) {
    const double x = scale(tick);
    line(x, y, x, y + 4, "#444444");
    text(x, y + 16, tick_label(tick), Anchor::middle, 11, "#444444");
  }
}

void Svg::y_axis(const Scale& scale, double x, double right, const std::vector<double>& ticks) {
  line(x, scale.r0, x, scale.r1, "#444444");
  for (const double tick : ticks) {
    const double y = scale(tick);
    line(x - 4, y, x, y, "#444444");
    line(x, y, right, y, "#e4e4e4");
    text(x - 6, y + 4, tick_label(tick), Anchor::end, 11, "#444444");
  }
}

std::string Svg::str() const {
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}" font-family="{}">)"
      "<title>{}</title>{}</svg>",
      number(width_), number(height_), number(width_), number(height_), escape(title_), kFontStack, escape(title_),
      body_);
}

}  // namespace parley::report

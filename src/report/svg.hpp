#pragma once
// A small SVG plotting module of our own: scales, ticks, escaping, and a writer of the few shapes
// the report's charts need. Text is escaped, so any label (Urdu, Russian, `<script>`) is shown as text.

#include <string>
#include <string_view>
#include <vector>

namespace parley::report {

// Okabe & Ito's colour-blind-safe palette (2008), darkest usable first; grey for neutral marks.
inline constexpr std::string_view kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                "#E69F00", "#56B4E9", "#F0E442", "#000000"};
inline constexpr std::string_view kGrey = "#777777";
[[nodiscard]] std::string_view colour(std::size_t index);

// Escapes text for XML and HTML content and attribute values.
[[nodiscard]] std::string escape(std::string_view text);

// A linear map from a domain [d0, d1] to a range [r0, r1] (a degenerate domain maps to the middle).
struct Scale {
  double d0 = 0.0;
  double d1 = 1.0;
  double r0 = 0.0;
  double r1 = 1.0;
  [[nodiscard]] double operator()(double value) const;
};

// "Nice" tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten, about `target` of them.
[[nodiscard]] std::vector<double> nice_ticks(double low, double high, int target = 5);
// A tick label: no trailing zeros, no "-0".
[[nodiscard]] std::string tick_label(double value);

enum class Anchor { start, middle, end };

class Svg {
 public:
  // `title` is the chart's accessible name.
  Svg(double width, double height, std::string_view title);

  void line(double x1, double y1, double x2, double y2, std::string_view colour, double width = 1.0,
            std::string_view dash = "");
  void rect(double x, double y, double width, double height, std::string_view fill, double opacity = 1.0);
  void circle(double x, double y, double radius, std::string_view fill, double opacity = 1.0,
              std::string_view tooltip = "");
  void polyline(const std::vector<std::pair<double, double>>& points, std::string_view colour, double width = 1.5);
  void text(double x, double y, std::string_view content, Anchor anchor = Anchor::start, double size = 12.0,
            std::string_view colour = "#222222", bool bold = false);
  // A horizontal axis at `y` from scale.r0 to scale.r1 with ticks below it.
  void x_axis(const Scale& scale, double y, const std::vector<double>& ticks);
  // A vertical axis at `x` with ticks to its left and light grid lines across to `right`.
  void y_axis(const Scale& scale, double x, double right, const std::vector<double>& ticks);

  [[nodiscard]] std::string str() const;

 private:
  double width_;
  double height_;
  std::string title_;
  std::string body_;
};

}  // namespace parley::report

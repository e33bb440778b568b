#pragma once
// The report's charts, each an SVG string built with svg.hpp from plain data.

#include <optional>
#include <string>
#include <vector>

namespace parley::report {

struct Dot {
  std::string label;
  double position = 0.0;
  double weight = 0.0;  // capability × salience: the dot's area
};

struct Mark {
  std::string label;
  double value = 0.0;
};

// One issue: every actor's position on its row, sized by weight; the status quo and every model's
// forecast as vertical lines, in the models' colours.
[[nodiscard]] std::string issue_chart(const std::string& title, double min, double max, const std::vector<Dot>& dots,
                                      const std::vector<double>& status_quo, const std::vector<Mark>& forecasts);

struct HeadlineRow {
  std::string label;
  double min = 0.0;
  double max = 100.0;
  double forecast = 0.0;
  std::vector<std::pair<double, double>> bands;  // the 50, 80 and 95 % intervals, narrowest first
  std::vector<double> status_quo;                // none or one
  std::vector<Mark> models;                      // each model's forecast, a small grey mark
};

// parley's answer, one row per issue on its own scale: the intervals as nested bands, the forecast,
// the status quo and the models' forecasts.
[[nodiscard]] std::string headline_chart(const std::string& title, const std::vector<HeadlineRow>& rows);

struct Line {
  std::string label;
  std::vector<double> values;  // by round, from round 0
  std::size_t colour = 0;      // palette index, so that an actor keeps its colour across charts
};

// What a trajectory chart is drawn against: the issue's scale with what its ends mean, and the
// model's forecast (a dashed line) when it has one.
struct TrajectoryFrame {
  double min = 0.0;
  double max = 100.0;
  std::string low;   // what `min` means
  std::string high;  // what `max` means
  std::optional<double> forecast;
};

// Positions by round, one line per actor, each labelled at its end (labels pushed apart so that none
// overlaps another), so that an actor is known by its name, not only its colour.
[[nodiscard]] std::string trajectory_chart(const std::string& title, const TrajectoryFrame& frame,
                                           const std::vector<Line>& lines);

struct Edge {
  std::size_t from = 0;
  std::size_t to = 0;
  double weight = 0.0;  // how many times (or how often) the pair traded
  std::string label;
};

// Actors on a circle; trades as edges whose width grows with their weight, labelled.
[[nodiscard]] std::string network_chart(const std::string& title, const std::vector<std::string>& nodes,
                                        const std::vector<Edge>& edges);

struct Band {
  std::string label;
  double q05 = 0.0, q25 = 0.0, q50 = 0.0, q75 = 0.0, q95 = 0.0, mean = 0.0;
};

// Forecast distributions: per model, the 5–95 % band, the 25–75 % box, the median and the mean.
[[nodiscard]] std::string distribution_chart(const std::string& title, double min, double max,
                                             const std::vector<Band>& bands);

struct Shift {
  std::string label;
  double from = 0.0;  // the first run's forecast: a hollow ring
  double to = 0.0;    // the second's: a filled dot, joined to the ring
};

// Two runs' forecasts of one issue, one row per model: where each moved from and to.
[[nodiscard]] std::string shift_chart(const std::string& title, double min, double max,
                                      const std::vector<Shift>& shifts);

struct Bar {
  std::string label;
  double value = 0.0;
  double low = 0.0;
  double high = 0.0;
};

// Horizontal bars on [0, max] with interval whiskers (sensitivity indices on [0, 1]; errors).
[[nodiscard]] std::string bar_chart(const std::string& title, const std::vector<Bar>& bars, double max = 1.0);

struct Moment {
  std::string date;  // YYYY-MM-DD
  std::string label;
};

// Events on a time line, numbered.
[[nodiscard]] std::string timeline_chart(const std::string& title, const std::vector<Moment>& moments);

}  // namespace parley::report

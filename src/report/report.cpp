#include "parley/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "io/delimited.hpp"
#include "parley/answer.hpp"
#include "parley/errors.hpp"
#include "parley/io/files.hpp"
#include "parley/io/mc_outputs.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/registry.hpp"
#include "parley/version.hpp"
#include "report/answer_section.hpp"
#include "report/backtest_report.hpp"
#include "report/charts.hpp"
#include "report/events_report.hpp"
#include "report/page.hpp"
#include "report/relations_section.hpp"
#include "report/rows.hpp"
#include "report/svg.hpp"
#include "report/trades.hpp"

namespace parley::report {
namespace {

using Json = nlohmann::json;
// A plain verdict beside a probability: the point is to test the source, not to echo it.
std::string verdict(double probability) {
  return probability >= 0.9   ? " <span class=\"yes\">agrees</span>"
         : probability <= 0.1 ? " <span class=\"no\">disagrees</span>"
                              : " <span class=\"note\">unsettled</span>";
}

class Builder {
 public:
  explicit Builder(std::filesystem::path directory) : dir_(std::move(directory)) {
    for (const char* name : {"run.json", "scenario.json"}) {
      if (!std::filesystem::exists(dir_ / name)) {
        throw InputNotFoundError(fmt::format(
            "{}: no {} (a report is built from the files of `parley run` or `parley mc`)", dir_.string(), name));
      }
    }
    run_ = Json::parse(io::read_text_file(dir_ / "run.json"));
    scenario_ = Json::parse(io::read_text_file(dir_ / "scenario.json"));
    forecast_ = read_csv(dir_ / "forecast.csv");
    trajectories_ = read_csv(dir_ / "trajectories.csv");
    mc_summary_ = read_csv(dir_ / "mc_summary.csv");
    forecast_by_issue_ = by_issue(forecast_);
    mc_summary_by_issue_ = by_issue(mc_summary_);
    mc_claims_ = read_csv(dir_ / "mc_claims.csv");
    sensitivity_ = read_csv(dir_ / "sensitivity.csv");
    claims_ = io::claims_from_json(scenario_.value("claims", Json::array()));
    trades_ = read_trades(run_, dir_);
  }

  std::string build() {
    const std::string title = text_of(scenario_, "title");
    out_ = page_head(title);
    header(title);
    if (run_.contains("answer")) out_ += answer_section(run_["answer"], scenario_);
    claims();  // the briefing first: the answer, then what it says of the source's claims
    forecasts();
    trajectories();
    for (const auto& trades : trades_) trade_section(trades);
    montecarlo();
    sensitivity();
    actors();
    close();
    out_ += relations_section(run_, scenario_);
    timeline();
    sources();
    out_ += page_foot(
        fmt::format("from the files of {}. Every chart is drawn from those files; nothing in this page is fetched from "
                    "elsewhere.{}",
                    escape(dir_.filename().string()),
                    run_.contains("answer") ? " " + escape(domain_sentence(run_["answer"])) : ""));
    return out_;
  }

 private:
  void section(const char* id, const std::string& heading) {
    if (open_) out_ += "</section>\n";
    out_ += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", id, escape(heading));
    open_ = true;
  }
  void close() {
    if (open_) out_ += "</section>\n";
    open_ = false;
  }
  void figure(const std::string& svg) { out_ += "<figure class=\"chart\">" + svg + "</figure>\n"; }

  void header(const std::string& title) {
    out_ += "<header>\n<h1>" + escape(title) + "</h1>\n";
    std::string models;
    for (const auto& model : run_.value("models", Json::array())) {
      models += (models.empty() ? "" : ", ") + model.value("name", std::string{});
    }
    std::string kind = run_.contains("samples")
                           ? fmt::format("Monte Carlo, {} samples", run_["samples"].get<std::uint64_t>())
                           : (run_.contains("base_samples") ? "sensitivity analysis" : "one run");
    out_ += fmt::format("<p class=\"meta\">As of <strong>{}</strong> · scenario {} · {} · seed {} · models: {}</p>\n",
                        escape(run_.value("at", std::string{})), escape(run_["scenario"].value("name", std::string{})),
                        escape(kind), run_.value("seed", std::uint64_t{0}), escape(models));
    // The scenario's description is background: folded, so that the first screen is the answer.
    if (const std::string description = text_of(scenario_, "description"); !description.empty()) {
      out_ += "<details class=\"about\"><summary>About this scenario</summary><p>" + escape(description) +
              "</p></details>\n";
    }
    out_ += "</header>\n";
  }

  // Each model's forecast of an issue: from forecast.csv, or the Monte Carlo means.
  std::vector<Mark> forecasts_of(const std::string& issue) const {
    std::vector<Mark> marks;
    for (const Row* row : rows_of(forecast_by_issue_, issue)) {
      if (const auto value = number_of(*row, "forecast")) marks.push_back({row->at("model"), *value});
    }
    if (marks.empty()) {
      for (const Row* row : rows_of(mc_summary_by_issue_, issue)) {
        if (const auto value = number_of(*row, "mean")) marks.push_back({row->at("model") + " (mean)", *value});
      }
    }
    return marks;
  }

  void forecasts() {
    section("forecasts", "Forecasts by issue");
    out_ +=
        "<p class=\"note\">Each row is an actor at its position (the dot's area grows with capability × "
        "salience); the dashed line is the status quo; below the actors, each model's forecast on a row of its "
        "own.</p>\n";
    if (forecast_.empty() && mc_summary_.empty()) {
      out_ +=
          "<p class=\"note\">This folder holds no forecasts (a sensitivity run keeps the indices only): "
          "<code>parley run</code> or <code>parley mc</code> on the same scenario gives them.</p>\n";
    }
    for (const auto& issue : scenario_["issues"]) {
      const std::string id = issue["id"];
      const double min = issue["scale"]["min"];
      const double max = issue["scale"]["max"];
      out_ += fmt::format("<article class=\"issue\" id=\"issue-{}\">\n<h3>{}: {}</h3>\n", escape(id), escape(id),
                          escape(text_of(issue, "question")));
      const std::string low = issue["scale"].value("low", std::string{});
      const std::string high = issue["scale"].value("high", std::string{});
      out_ += fmt::format(
          "<p class=\"note\">{} = {} … {} = {}{}</p>\n", tick_label(min), escape(low), tick_label(max), escape(high),
          issue.contains("status_quo") ? fmt::format(" · status quo {}", tick_label(issue["status_quo"].get<double>()))
                                       : "");
      std::vector<double> status_quo;
      if (issue.contains("status_quo")) status_quo.push_back(issue["status_quo"].get<double>());
      const auto marks = forecasts_of(id);
      figure(issue_chart(fmt::format("{}: positions and forecasts", id), min, max, stances_on(scenario_, id),
                         status_quo, marks));
      if (!forecast_.empty()) {
        out_ += "<table><tr><th>model</th><th>forecast</th><th>rounds</th><th>how it ended</th></tr>\n";
        for (const Row* found : rows_of(forecast_by_issue_, id)) {
          const Row& row = *found;
          out_ += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                              escape(row.at("model")),
                              number_of(row, "forecast") ? fmt::format("{:.1f}", *number_of(row, "forecast")) : "-",
                              escape(row.at("rounds")), escape(row.at("stop")));
        }
        out_ += "</table>\n";
      }
      out_ += "</article>\n";
    }
  }

  using Results = std::vector<std::pair<std::string, std::string>>;  // model, html

  void claims() {
    if (!scenario_.contains("claims") || scenario_["claims"].empty()) return;
    const bool mc = !mc_claims_.empty();
    if (!mc && forecast_.empty()) return;  // nothing here judges them (a sensitivity run)
    section("claims", "The source's claims, checked by the models");
    out_ +=
        mc ? "<p class=\"note\">The share of Monte Carlo samples in which each model's forecast bears the claim "
             "out: a model agrees with the source when 90 % of its samples or more do, disagrees when 10 % or fewer "
             "do, and leaves it unsettled in between.</p>\n"
           : "<p class=\"note\">Whether each model's forecast in this run bears the claim out (a Monte Carlo run "
             "gives how likely it is).</p>\n";
    // One row a claim, one column a model (in the order they first give a result): a claim × model grid.
    std::vector<Results> rows;
    std::vector<std::string> models;
    for (const Claim& claim : claims_) {
      Results results;
      if (mc) {
        results = sampled(claim);
      } else {
        results = headline(claim);
        const Results bearing = claim.about_forecast() ? forecasts_bearing(claim) : trades_bearing(claim);
        results.insert(results.end(), bearing.begin(), bearing.end());
      }
      for (const auto& result : results) {
        if (std::find(models.begin(), models.end(), result.first) == models.end()) models.push_back(result.first);
      }
      rows.push_back(std::move(results));
    }
    out_ += R"(<div class="wide"><table class="grid"><tr><th>claim</th><th>test</th>)";
    for (const auto& model : models) out_ += "<th>" + escape(model) + "</th>";
    out_ += "</tr>\n";
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      const Claim& claim = claims_[c];
      out_ += fmt::format("<tr><td><strong>{}</strong><br><em>“{}”</em></td><td>{}</td>", escape(claim.id),
                          escape(claim.text), escape(test_text(claim)));
      for (const auto& model : models) {
        const auto found =
            std::find_if(rows[c].begin(), rows[c].end(), [&](const auto& result) { return result.first == model; });
        out_ += found == rows[c].end() ? "<td class=\"note\">–</td>" : "<td>" + found->second + "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</table></div>\n";
  }

  static std::string test_text(const Claim& claim) {
    switch (claim.kind) {
      case ClaimKind::within:
        return fmt::format("{} within [{}, {}]", claim.issue, tick_label(claim.low), tick_label(claim.high));
      case ClaimKind::above:
        return fmt::format("{} above {}", claim.issue, tick_label(claim.low));
      case ClaimKind::below:
        return fmt::format("{} below {}", claim.issue, tick_label(claim.high));
      default:
        return claim.trade_text();
    }
  }

  // The headline's probability, from its calibrated intervals, that the outcome bears the claim out.
  [[nodiscard]] Results headline(const Claim& claim) const {
    Results results;
    if (!run_.contains("answer")) return results;
    for (const auto& judged : run_["answer"].value("claims", Json::array())) {
      if (judged.value("claim", std::string{}) != claim.id) continue;
      const double probability = judged.value("probability", 0.0);
      results.emplace_back("parley forecast",
                           fmt::format("{:.0f} % likely{}", 100.0 * probability, verdict(probability)));
    }
    return results;
  }

  // Monte Carlo: the headline's calibrated probability first, then each model's share of samples.
  [[nodiscard]] Results sampled(const Claim& claim) const {
    Results results;
    for (const auto& row : mc_claims_) {
      if (row.at("claim") != claim.id) continue;
      const bool ensemble = row.at("model") == kEnsembleName;
      const auto p = ensemble && number_of(row, "calibrated_probability") ? number_of(row, "calibrated_probability")
                                                                          : number_of(row, "probability");
      const std::string model = ensemble ? "parley forecast" : row.at("model");
      const auto html = p ? fmt::format("{:.0f} %{}", 100.0 * *p, verdict(*p)) : std::string("-");
      if (ensemble) {
        results.insert(results.begin(), {model, html});
      } else {
        results.emplace_back(model, html);
      }
    }
    return results;
  }

  // A trade claim: whether each model that lists trades realised one bearing it out.
  [[nodiscard]] Results trades_bearing(const Claim& claim) const {
    Results results;
    for (const auto& trades : trades_) {
      if (trades.spec->answers != claim.kind || trades.run.empty()) continue;
      results.emplace_back(trades.model,
                           realised(trades, claim) ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>");
    }
    return results;
  }

  // A claim about an issue: whether each model's forecast bears it out.
  [[nodiscard]] Results forecasts_bearing(const Claim& claim) const {
    Results results;
    for (const Row* found : rows_of(forecast_by_issue_, claim.issue)) {
      const Row& row = *found;
      if (!claim.model.empty() && claim.model != row.at("model")) continue;
      const auto value = number_of(row, "forecast");
      if (!value) continue;
      const bool holds = claim.holds(*value);
      results.emplace_back(row.at("model"), fmt::format("<span class=\"{}\">{}</span> ({:.1f})", holds ? "yes" : "no",
                                                        holds ? "yes" : "no", *value));
    }
    return results;
  }

  void trajectories() {
    std::map<std::string, std::map<std::string, std::map<std::string, std::vector<double>>>>
        lines;  // model, issue, actor
    std::vector<std::string> models;
    for (const auto& row : trajectories_) {
      const auto round = number_of(row, "round");
      const auto position = number_of(row, "position");
      if (!round || !position) continue;
      auto& values = lines[row.at("model")][row.at("issue")][row.at("actor")];
      const auto r = static_cast<std::size_t>(*round);
      if (values.size() <= r) values.resize(r + 1, std::nan(""));
      values[r] = *position;
      if (std::find(models.begin(), models.end(), row.at("model")) == models.end()) models.push_back(row.at("model"));
    }
    bool any = false;
    for (const auto& model : models) {
      bool rounds = false;
      for (const auto& [issue, actors] : lines[model]) {
        for (const auto& [actor, values] : actors) rounds = rounds || values.size() > 1;
      }
      if (!rounds) continue;
      if (!any) {
        section("trajectories", "How positions moved, round by round");
        out_ += "<p class=\"note\">One chart per model and issue, folded: open a model to see them.</p>\n";
        any = true;
      }
      // Folded: 18 charts on the default scenario are details, not the briefing.
      out_ += fmt::format("<details class=\"model\"><summary>{}</summary>\n", escape(model));
      for (const auto& issue : scenario_["issues"]) {
        const std::string id = issue["id"];
        const auto found = lines[model].find(id);
        if (found == lines[model].end()) continue;
        std::vector<Line> series;  // in the scenario's actor order, each actor in its own colour
        std::size_t index = 0;
        for (const auto& actor : scenario_["actors"]) {
          const std::string actor_id = actor["id"];
          const auto values = found->second.find(actor_id);
          if (values != found->second.end()) series.push_back({actor_id, values->second, index});
          ++index;
        }
        out_ += fmt::format("<h3>{} — {}</h3>\n", escape(model), escape(id));
        TrajectoryFrame frame{issue["scale"]["min"], issue["scale"]["max"], text_of(issue["scale"], "low"),
                              text_of(issue["scale"], "high"), std::nullopt};
        for (const auto& row : forecast_) {
          if (row.at("model") == model && row.at("issue") == id) frame.forecast = number_of(row, "forecast");
        }
        figure(trajectory_chart(fmt::format("{}: positions by round in model {}", id, model), frame, series));
      }
      out_ += "</details>\n";
    }
  }

  void trade_section(const Trades& trades) {
    if (trades.run.empty() && trades.mc.empty()) return;
    section(trades.spec->name.c_str(), trades.spec->title);
    out_ += trades_html(trades);
  }

  void montecarlo() {
    if (mc_summary_.empty()) return;
    section("montecarlo", "How uncertain the forecasts are");
    out_ += fmt::format("<p class=\"note\">{} samples of the scenario's uncertainty block.</p>\n",
                        run_.value("samples", std::uint64_t{0}));
    for (const auto& issue : scenario_["issues"]) {
      const std::string id = issue["id"];
      std::vector<Band> bands;
      for (const Row* found : rows_of(mc_summary_by_issue_, id)) {
        const Row& row = *found;
        if (!number_of(row, "q05")) continue;
        bands.push_back({row.at("model"), *number_of(row, "q05"), *number_of(row, "q25"), *number_of(row, "q50"),
                         *number_of(row, "q75"), *number_of(row, "q95"), *number_of(row, "mean")});
      }
      out_ += fmt::format("<h3>{}</h3>\n", escape(id));
      figure(distribution_chart(fmt::format("{}: forecast distributions", id), issue["scale"]["min"],
                                issue["scale"]["max"], bands));
    }
  }

  void sensitivity() {
    if (sensitivity_.empty()) return;
    section("sensitivity", "What drives the forecasts");
    // The chart: the drivers of the headline when the ensemble ran, else of the compromise model; the
    // table under it: every model's three largest.
    std::string model = sensitivity_.front().at("model");
    std::vector<std::string> models;
    for (const auto& row : sensitivity_) {
      if (std::find(models.begin(), models.end(), row.at("model")) == models.end()) models.push_back(row.at("model"));
    }
    for (const char* preferred : {"compromise", "ensemble"}) {
      if (std::find(models.begin(), models.end(), preferred) != models.end()) model = preferred;
    }
    out_ += fmt::format(
        "<p class=\"note\">Total Sobol indices: the share of each forecast's variance due to an input, alone or "
        "with others. The chart: the {} model's five largest per issue, with 95 % intervals; the table: every "
        "model's three largest.</p>\n",
        escape(model));
    for (const auto& issue : scenario_["issues"]) {
      const std::string id = issue["id"];
      std::vector<Bar> bars;
      for (const auto& row : sensitivity_) {
        if (row.at("issue") != id || row.at("model") != model || !number_of(row, "total")) continue;
        bars.push_back({row.at("input"), *number_of(row, "total"), number_of(row, "total_low").value_or(0.0),
                        number_of(row, "total_high").value_or(0.0)});
      }
      if (bars.empty()) continue;
      std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
      if (bars.size() > 5) bars.resize(5);
      out_ += fmt::format("<h3>{}</h3>\n", escape(id));
      figure(bar_chart(fmt::format("{}: top drivers", id), bars));
      drivers_by_model(id, models);
    }
  }

  // Per model, the three inputs with the largest total index on `issue`.
  void drivers_by_model(const std::string& issue, const std::vector<std::string>& models) {
    out_ += "<table><tr><th>model</th><th>largest total index</th><th>second</th><th>third</th></tr>\n";
    for (const auto& name : models) {
      std::vector<std::pair<double, std::string>> totals;
      for (const auto& row : sensitivity_) {
        const auto total = number_of(row, "total");
        if (row.at("issue") == issue && row.at("model") == name && total) totals.emplace_back(*total, row.at("input"));
      }
      std::stable_sort(totals.begin(), totals.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      out_ += "<tr><td>" + escape(name) + "</td>";
      if (totals.empty()) {
        out_ += "<td colspan=\"3\" class=\"note\">the forecast does not vary with the inputs</td></tr>\n";
        continue;
      }
      for (std::size_t k = 0; k < 3; ++k) {
        out_ += k < totals.size() ? fmt::format("<td>{} <span class=\"note\">{:.2f}</span></td>",
                                                escape(totals[k].second), totals[k].first)
                                  : std::string("<td class=\"note\">–</td>");
      }
      out_ += "</tr>\n";
    }
    out_ += "</table>\n";
  }

  void actors() {
    section("actors", "Actors");
    out_ += "<table><tr><th>id</th><th>name</th><th>kind</th><th>capability</th><th>notes</th></tr>\n";
    for (const auto& actor : scenario_["actors"]) {
      const bool absent = actor.contains("present") && !actor["present"].get<bool>();
      out_ += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                          escape(text_of(actor, "id")), escape(text_of(actor, "name")), escape(text_of(actor, "kind")),
                          tick_label(actor["capability"].get<double>()), absent ? "absent at this date" : "");
    }
    out_ += "</table>\n";
  }

  void timeline() {
    if (!scenario_.contains("events") || scenario_["events"].empty()) return;
    section("timeline", "Timeline");
    std::vector<Moment> moments;
    for (const auto& event : scenario_["events"]) moments.push_back({text_of(event, "date"), text_of(event, "title")});
    std::stable_sort(moments.begin(), moments.end(), [](const Moment& a, const Moment& b) { return a.date < b.date; });
    figure(timeline_chart("Events by date", moments));
    out_ += "<ol>\n";
    for (const auto& moment : moments) {
      out_ += fmt::format("<li><strong>{}</strong> {}</li>\n", escape(moment.date), escape(moment.label));
    }
    out_ += "</ol>\n";
  }

  void sources() {
    section("sources", "Sources");
    out_ += "<ul>\n";
    for (const auto& source : scenario_.value("sources", Json::array())) {
      const std::string url = text_of(source, "url");
      const std::string citation = escape(text_of(source, "citation"));
      const bool linkable = url.starts_with("https://") || url.starts_with("http://");
      out_ += fmt::format(
          "<li><strong>{}</strong>: {}{}{}</li>\n", escape(text_of(source, "id")),
          linkable ? fmt::format("<a href=\"{}\">{}</a>", escape(url), citation) : citation,
          source.contains("accessed") ? fmt::format(" (accessed {})", escape(text_of(source, "accessed"))) : "",
          text_of(source, "note").empty() ? "" : " — " + escape(text_of(source, "note")));
    }
    out_ += "</ul>\n";
    close();
  }

  std::filesystem::path dir_;
  Json run_;
  Json scenario_;
  std::vector<Row> forecast_, trajectories_, mc_summary_, mc_claims_, sensitivity_;
  // The rows of forecast.csv and mc_summary.csv of each issue, in file order: a report of many issues
  // looks each up once, not by reading the whole table per issue.
  using IssueIndex = std::map<std::string, std::vector<const Row*>>;
  IssueIndex forecast_by_issue_, mc_summary_by_issue_;

  static IssueIndex by_issue(const std::vector<Row>& rows) {
    IssueIndex index;
    for (const Row& row : rows) {
      if (const std::string* issue = row.find("issue")) index[*issue].push_back(&row);
    }
    return index;
  }
  static const std::vector<const Row*>& rows_of(const IssueIndex& index, const std::string& issue) {
    static const std::vector<const Row*> none;
    const auto found = index.find(issue);
    return found == index.end() ? none : found->second;
  }
  std::vector<Claim> claims_;
  std::vector<Trades> trades_;
  std::string out_;
  bool open_ = false;
};

}  // namespace

std::string build_report(const std::filesystem::path& directory) {
  std::error_code error;
  const bool backtest = !std::filesystem::exists(directory / "run.json", error) &&
                        std::filesystem::is_regular_file(directory / "backtest.json", error);
  if (backtest) return build_backtest_report(directory);
  const bool events = !std::filesystem::exists(directory / "run.json", error) &&
                      std::filesystem::is_regular_file(directory / "events.json", error);
  if (events) return build_events_report(directory);
  return Builder(directory).build();
}

std::filesystem::path write_report(const std::filesystem::path& directory) {
  auto path = directory / "report.html";
  io::write_text_file(path, build_report(directory));
  return path;
}

}  // namespace parley::report

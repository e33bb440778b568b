#include "report/answer_section.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "report/charts.hpp"
#include "report/page.hpp"
#include "report/svg.hpp"

namespace parley::report {
namespace {

using Json = nlohmann::json;

std::string range(const Json& interval) {
  if (!interval.is_array() || interval.size() != 2 || !interval[0].is_number() || !interval[1].is_number()) return "-";
  return fmt::format("{:.1f}–{:.1f}", interval[0].get<double>(), interval[1].get<double>());
}

std::string standings(const Json& models) {
  std::string out;
  for (const auto& model : models) {
    out += fmt::format("{}{} {:.1f}", out.empty() ? "" : ", ", escape(model.value("model", std::string{})),
                       model.value("forecast", 0.0));
  }
  return out.empty() ? "none" : out;
}

const Json* issue_of(const Json& scenario, const std::string& id) {
  for (const auto& issue : scenario["issues"]) {
    if (issue.value("id", std::string{}) == id) return &issue;
  }
  return nullptr;
}

// The key drivers of an issue: the actors that carry most of its weight (capability × salience), with
// their shares and positions — up to three, and no more than cover 80 % of the weight.
std::string drivers(const Json& scenario, const std::string& issue) {
  std::vector<Dot> stances = stances_on(scenario, issue);
  double total = 0.0;
  for (const Dot& dot : stances) total += dot.weight;
  if (!(total > 0.0)) return {};
  std::stable_sort(stances.begin(), stances.end(), [](const Dot& a, const Dot& b) { return a.weight > b.weight; });
  std::string out;
  double covered = 0.0;
  for (std::size_t k = 0; k < stances.size() && k < 3 && covered < 0.8; ++k) {
    const double share = stances[k].weight / total;
    covered += share;
    out += fmt::format("{}{} {:.0f} % at {}", out.empty() ? "" : " · ", escape(stances[k].label), 100.0 * share,
                       tick_label(stances[k].position));
  }
  return out;
}

}  // namespace

std::string domain_sentence(const Json& answer) {
  return fmt::format(
      "parley's headline forecast and its intervals were fitted on {}; a scenario from another domain, such as a "
      "security crisis, lies outside it, so read the intervals as the least uncertainty there is.",
      answer["calibration"].value("domain", std::string{"real decisions"}));
}

std::string answer_section(const Json& answer, const Json& scenario) {
  if (!answer.is_object() || !answer.contains("issues")) return "";
  const Json& rule = answer["rule"];
  const Json& figures = answer["calibration"]["out_of_sample"];
  std::string out = "<section id=\"answer\">\n<h2>parley's answer</h2>\n";
  const std::string method = fmt::format(
      "<p>For each issue, parley's forecast is the <strong>ensemble</strong> of its models ({}: {}), with "
      "predictive intervals calibrated on real decisions. Out of sample there, its mean error was {:.1f} points "
      "(the compromise model's {:.1f}) and its 80 % intervals held {:.0f} % of the outcomes. A model "
      "<em>agrees</em> when its own forecast lies inside the 50 % interval. <em>Most weight</em> names the actors "
      "that carry the largest shares of the issue's capability × salience, with their positions: the key "
      "drivers of the models that weigh actors so.</p>\n",
      escape(rule.value("name", std::string{})), escape(rule.value("description", std::string{})),
      figures.value("mae", 0.0), figures.value("reference_mae", 0.0), 100.0 * figures["coverage"].value("80", 0.0));
  std::vector<HeadlineRow> rows;
  std::string table =
      "<table class=\"answer\"><tr><th>issue</th><th>parley forecast</th><th>the models</th></tr>\n";
  // Flags grouped by model and text: one line names every issue a flag stands on.
  std::vector<std::pair<std::string, std::vector<std::string>>> flags;  // "<strong>model</strong>: text", issues
  for (const auto& item : answer["issues"]) {
    const std::string id = item.value("issue", std::string{});
    const Json* issue = issue_of(scenario, id);
    if (issue == nullptr) continue;
    const Json& scale = (*issue)["scale"];
    const double min = scale.value("min", 0.0);
    const double max = scale.value("max", 100.0);
    const std::string poles =
        fmt::format("{} = {} … {} = {}", tick_label(min), escape(scale.value("low", std::string{})), tick_label(max),
                    escape(scale.value("high", std::string{})));
    const std::string weighed = drivers(scenario, id);
    const std::string weight_line =
        weighed.empty() ? std::string{}
                        : "<br><span class=\"drivers\" title=\"the actors with the largest shares of capability × salience, and "
                          "their positions\">most weight: " +
                              weighed + "</span>";
    if (!item["forecast"].is_number()) {
      table += fmt::format(
          "<tr><td><strong>{}</strong><br><span class=\"note\">{}</span>{}</td><td>no forecast</td>"
          "<td></td></tr>\n",
          escape(id), poles, weight_line);
    } else {
      const double forecast = item["forecast"].get<double>();
      const Json& intervals = item["intervals"];
      table += fmt::format(
          "<tr><td><strong>{}</strong> {}<br><span class=\"note\">{}</span>{}</td><td class=\"headline\">parley "
          "forecast <strong>{:.1f}</strong> [{}] (80 %)<br><span class=\"note\">50 % {} · 95 % {}</span></td>"
          "<td class=\"models\">agree: {}<br>disagree: {}</td></tr>\n",
          escape(id), escape(issue->value("question", std::string{})), poles, weight_line, forecast,
          range(intervals["80"]),
          range(intervals["50"]), range(intervals["95"]), standings(item["agree"]), standings(item["disagree"]));
      HeadlineRow row{id, min, max, forecast, {}, {}, {}};
      for (const char* level : {"50", "80", "95"}) {
        const Json& band = intervals[level];
        if (band.is_array() && band.size() == 2 && band[0].is_number() && band[1].is_number()) {
          row.bands.emplace_back(band[0].get<double>(), band[1].get<double>());
        }
      }
      if (issue->contains("status_quo")) row.status_quo.push_back((*issue)["status_quo"].get<double>());
      for (const char* side : {"agree", "disagree"}) {
        for (const auto& model : item[side]) {
          row.models.push_back({model.value("model", std::string{}), model.value("forecast", 0.0)});
        }
      }
      rows.push_back(std::move(row));
    }
    for (const auto& flag : item["flags"]) {
      const std::string line = fmt::format("<strong>{}</strong>: {}", escape(flag.value("model", std::string{})),
                                           escape(flag.value("text", std::string{})));
      auto found = std::find_if(flags.begin(), flags.end(), [&](const auto& entry) { return entry.first == line; });
      if (found == flags.end()) found = flags.insert(flags.end(), {line, {}});
      found->second.push_back(escape(id));
    }
  }
  // The questions and answers first; the chart of every interval and how the answer is made below.
  out += table + "</table>\n";
  out += "<figure class=\"chart\">" + headline_chart("parley's forecast of every issue, with its intervals", rows) +
         "</figure>\n";
  out += method;
  if (!flags.empty()) {
    out += "<h3>Model results that say little</h3>\n<ul class=\"flags\">\n";
    for (const auto& [line, issues] : flags) out += fmt::format("<li>{} — on {}</li>\n", line, fmt::join(issues, ", "));
    out += "</ul>\n";
  }
  out += "<p class=\"note\">" + escape(domain_sentence(answer)) + "</p>\n</section>\n";
  return out;
}

}  // namespace parley::report

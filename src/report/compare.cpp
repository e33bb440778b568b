#include "parley/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "io/csv.hpp"
#include "parley/errors.hpp"
#include "parley/text.hpp"
#include "parley/io/files.hpp"
#include "parley/version.hpp"
#include "report/charts.hpp"
#include "report/page.hpp"
#include "report/rows.hpp"
#include "report/svg.hpp"

namespace parley::report {
namespace {

using Json = nlohmann::json;


struct Side {
  Json run;
  Json scenario;
  std::vector<Row> forecasts;
  std::vector<Row> mc;
};

Side read_side(const std::filesystem::path& folder) {
  Side side;
  for (const char* name : {"run.json", "scenario.json"}) {
    if (!std::filesystem::is_regular_file(folder / name)) {
      throw InputNotFoundError(fmt::format("{}: not an output folder of parley run or mc (no {})", folder.string(), name));
    }
  }
  side.run = Json::parse(io::read_text_file(folder / "run.json"), nullptr, false);
  side.scenario = Json::parse(io::read_text_file(folder / "scenario.json"), nullptr, false);
  if (side.run.is_discarded() || side.scenario.is_discarded()) {
    throw InputNotFoundError(fmt::format("{}: its run.json or scenario.json is not JSON", folder.string()));
  }
  side.forecasts = read_csv(folder / "forecast.csv");
  side.mc = read_csv(folder / "mc_summary.csv");
  if (side.forecasts.empty() && side.mc.empty()) {
    throw InputNotFoundError(
        fmt::format("{}: holds neither forecast.csv nor mc_summary.csv (compare run or mc folders)", folder.string()));
  }
  return side;
}

// "out/b: pakistan-2023 at 2023-01-05, what-ifs actors.PAK.capability*=2".
std::string describe(const std::filesystem::path& folder, const Side& side) {
  const Json& scenario = side.run.contains("scenario") ? side.run["scenario"] : Json::object();
  std::string text = fmt::format("{}: {}", folder.string(), text_of(scenario, "name"));
  if (side.run.contains("at") && side.run["at"].is_string()) text += " at " + side.run["at"].get<std::string>();
  if (side.run.contains("samples")) text += fmt::format(", {} Monte Carlo samples", side.run["samples"].dump());
  if (scenario.contains("what_if") && scenario["what_if"].is_array()) {
    std::vector<std::string> changes;
    for (const auto& change : scenario["what_if"]) changes.push_back(change.is_string() ? change.get<std::string>() : "");
    text += ", what-if " + join(changes, " ");
  }
  return text;
}

std::optional<Distribution> distribution_of(const Row& row) {
  Distribution d;
  const std::pair<const char*, double*> fields[] = {{"mean", &d.mean}, {"q05", &d.q05}, {"q25", &d.q25},
                                                    {"q50", &d.q50},   {"q75", &d.q75}, {"q95", &d.q95}};
  for (const auto& [key, target] : fields) {
    const auto value = number_of(row, key);
    if (!value) return std::nullopt;
    *target = *value;
  }
  return d;
}

ComparedForecast& entry(Comparison& comparison, const std::string& issue, const std::string& model) {
  for (auto& forecast : comparison.forecasts) {
    if (forecast.issue == issue && forecast.model == model) return forecast;
  }
  comparison.forecasts.push_back({issue, model, {}, {}, {}, {}});
  return comparison.forecasts.back();
}

void add_issues(Comparison& comparison, const Json& scenario) {
  if (!scenario.contains("issues") || !scenario["issues"].is_array()) return;
  for (const auto& issue : scenario["issues"]) {
    const std::string id = text_of(issue, "id");
    const bool known = std::any_of(comparison.issues.begin(), comparison.issues.end(),
                                   [&](const ComparedIssue& held) { return held.id == id; });
    if (known || id.empty()) continue;
    ComparedIssue compared{id, text_of(issue, "question"), 0.0, 100.0};
    if (issue.contains("scale") && issue["scale"].is_object()) {
      compared.min = issue["scale"].value("min", 0.0);
      compared.max = issue["scale"].value("max", 100.0);
    }
    comparison.issues.push_back(std::move(compared));
  }
}

std::string number(const std::optional<double>& value, const char* format = "{:.1f}") {
  return value ? fmt::format(fmt::runtime(format), *value) : std::string("-");
}

std::string csv(const std::optional<double>& value) { return value ? io::csv_number(*value) : std::string(); }

std::string spread(const std::optional<Distribution>& d) {
  return d ? fmt::format("{:.1f} [{:.1f}, {:.1f}]", d->mean, d->q05, d->q95) : std::string("-");
}

std::vector<const ComparedForecast*> forecasts_of(const Comparison& comparison, const std::string& issue) {
  std::vector<const ComparedForecast*> found;
  for (const auto& forecast : comparison.forecasts) {
    if (forecast.issue == issue) found.push_back(&forecast);
  }
  return found;
}


}  // namespace

std::optional<double> ComparedForecast::difference() const {
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

std::optional<double> ComparedForecast::mean_difference() const {
  if (!mc_a || !mc_b) return std::nullopt;
  return mc_b->mean - mc_a->mean;
}

Comparison compare_folders(const std::filesystem::path& a, const std::filesystem::path& b) {
  const Side first = read_side(a);
  const Side second = read_side(b);
  Comparison comparison;
  comparison.a = describe(a, first);
  comparison.b = describe(b, second);
  add_issues(comparison, first.scenario);
  add_issues(comparison, second.scenario);
  for (const Side* side : {&first, &second}) {
    const bool is_a = side == &first;
    for (const Row& row : side->forecasts) {
      ComparedForecast& forecast = entry(comparison, row.at("issue"), row.at("model"));
      (is_a ? forecast.a : forecast.b) = number_of(row, "forecast");
    }
    for (const Row& row : side->mc) {
      ComparedForecast& forecast = entry(comparison, row.at("issue"), row.at("model"));
      (is_a ? forecast.mc_a : forecast.mc_b) = distribution_of(row);
    }
  }
  // By issue in the scenarios' order; within an issue, models in the order first seen.
  std::stable_sort(comparison.forecasts.begin(), comparison.forecasts.end(),
                   [&](const ComparedForecast& x, const ComparedForecast& y) {
                     const auto rank = [&](const std::string& id) {
                       const auto it = std::find_if(comparison.issues.begin(), comparison.issues.end(),
                                                    [&](const ComparedIssue& issue) { return issue.id == id; });
                       return it - comparison.issues.begin();
                     };
                     return rank(x.issue) < rank(y.issue);
                   });
  return comparison;
}

std::string comparison_table(const Comparison& comparison) {
  std::string out = fmt::format("A = {}\nB = {}\n", comparison.a, comparison.b);
  for (const ComparedIssue& issue : comparison.issues) {
    const auto rows = forecasts_of(comparison, issue.id);
    if (rows.empty()) continue;
    const bool runs = std::any_of(rows.begin(), rows.end(), [](const auto* f) { return f->a || f->b; });
    const bool mc = std::any_of(rows.begin(), rows.end(), [](const auto* f) { return f->mc_a || f->mc_b; });
    out += fmt::format("\n{}: {}\n  {:<12}", issue.id, issue.question, "model");
    if (runs) out += fmt::format("{:>8}{:>8}{:>8}", "A", "B", "B - A");
    if (mc) out += fmt::format("  {:<22}{:<22}{:>8}", "A: mean [5%, 95%]", "B: mean [5%, 95%]", "B - A");
    out += '\n';
    for (const ComparedForecast* f : rows) {
      out += fmt::format("  {:<12}", f->model);
      if (runs) out += fmt::format("{:>8}{:>8}{:>8}", number(f->a), number(f->b), number(f->difference(), "{:+.1f}"));
      if (mc) {
        out += fmt::format("  {:<22}{:<22}{:>8}", spread(f->mc_a), spread(f->mc_b),
                           number(f->mean_difference(), "{:+.1f}"));
      }
      out += '\n';
    }
  }
  return out;
}

std::string comparison_csv(const Comparison& comparison) {
  std::string out =
      "issue,model,a,b,difference,a_mean,a_q05,a_q25,a_q50,a_q75,a_q95,b_mean,b_q05,b_q25,b_q50,b_q75,b_q95,"
      "mean_difference\n";
  for (const ComparedForecast& f : comparison.forecasts) {
    out += fmt::format("{},{},{},{},{}", io::csv_cell(f.issue), io::csv_cell(f.model), csv(f.a), csv(f.b),
                       csv(f.difference()));
    for (const auto* d : {&f.mc_a, &f.mc_b}) {
      for (const double Distribution::*field :
           {&Distribution::mean, &Distribution::q05, &Distribution::q25, &Distribution::q50, &Distribution::q75,
            &Distribution::q95}) {
        out += "," + (d->has_value() ? io::csv_number((**d).*field) : std::string());
      }
    }
    out += "," + csv(f.mean_difference()) + "\n";
  }
  return out;
}

std::string comparison_html(const Comparison& comparison) {
  std::string out = page_head("parley compare") +
                    fmt::format("<h1>Two runs side by side</h1>\n<p class=\"meta\">A = {}<br>B = {}<br>parley {}</p>\n",
                                escape(comparison.a), escape(comparison.b), kVersion);
  for (const ComparedIssue& issue : comparison.issues) {
    const auto rows = forecasts_of(comparison, issue.id);
    if (rows.empty()) continue;
    out += fmt::format("<section id=\"issue-{}\">\n<h2>{}: {}</h2>\n", escape(issue.id), escape(issue.id),
                       escape(issue.question));
    std::vector<Shift> shifts;
    std::vector<Band> bands;
    for (const ComparedForecast* f : rows) {
      if (f->a && f->b) shifts.push_back({f->model, *f->a, *f->b});
      for (const auto& [label, d] : {std::pair{"A", &f->mc_a}, std::pair{"B", &f->mc_b}}) {
        if (f->mc_a && f->mc_b && d->has_value()) {
          const Distribution& held = **d;
          bands.push_back({fmt::format("{} · {}", f->model, label), held.q05, held.q25, held.q50, held.q75, held.q95,
                           held.mean});
        }
      }
    }
    if (!shifts.empty()) out += "<figure>" + shift_chart(issue.id, issue.min, issue.max, shifts) + "</figure>\n";
    if (!bands.empty()) out += "<figure>" + distribution_chart(issue.id, issue.min, issue.max, bands) + "</figure>\n";
    const bool runs = std::any_of(rows.begin(), rows.end(), [](const auto* f) { return f->a || f->b; });
    const bool mc = std::any_of(rows.begin(), rows.end(), [](const auto* f) { return f->mc_a || f->mc_b; });
    out += "<table>\n<tr><th>model</th>";
    if (runs) out += "<th>A</th><th>B</th><th>B − A</th>";
    if (mc) out += "<th>A: mean [5 %, 95 %]</th><th>B: mean [5 %, 95 %]</th><th>B − A (means)</th>";
    out += "</tr>\n";
    for (const ComparedForecast* f : rows) {
      out += "<tr><td>" + escape(f->model) + "</td>";
      const auto three = [](const std::string& x, const std::string& y, const std::string& z) {
        std::string cells;
        for (const std::string* value : {&x, &y, &z}) {
          cells += R"(<td class="num">)";
          cells += *value;
          cells += "</td>";
        }
        return cells;
      };
      if (runs) out += three(number(f->a), number(f->b), number(f->difference(), "{:+.1f}"));
      if (mc) out += three(spread(f->mc_a), spread(f->mc_b), number(f->mean_difference(), "{:+.1f}"));
      out += "</tr>\n";
    }
    out += "</table>\n</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

void write_comparison(const Comparison& comparison, const std::filesystem::path& directory) {
  io::make_output_directory(directory);
  io::write_text_file(directory / "compare.csv", comparison_csv(comparison));
  io::write_text_file(directory / "compare.html", comparison_html(comparison));
}

}  // namespace parley::report

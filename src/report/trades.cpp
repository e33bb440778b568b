#include "report/trades.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "parley/io/mc_outputs.hpp"
#include "parley/io/run_outputs.hpp"
#include "parley/registry.hpp"
#include "report/charts.hpp"
#include "report/svg.hpp"

namespace parley::report {

std::vector<Trades> read_trades(const nlohmann::json& run, const std::filesystem::path& directory) {
  std::vector<Trades> found;
  for (const auto& model : run.value("models", nlohmann::json::array())) {
    const std::string name = model.value("name", std::string{});
    const ModelInfo* info = nullptr;
    for (const auto& entry : model_registry()) {
      if (entry.name == name.substr(0, name.find('@'))) info = &entry;
    }
    if (info == nullptr) continue;  // a model this build does not have
    const auto at = name.find('@');
    const std::string label = at == std::string::npos ? std::string{} : name.substr(at);
    for (const auto& spec : info->indicators) {
      if (!spec.trades) continue;
      Trades trades{name, &spec, io::table_file(name, spec.trades->table),
                    io::mc_indicator_file({name, &spec, spec.name + label}), {}, {}};
      trades.run = read_csv(directory / trades.run_file);
      trades.mc = read_csv(directory / trades.mc_file);
      found.push_back(std::move(trades));
    }
  }
  return found;
}

bool realised(const Trades& trades, const Claim& claim) {
  const auto& sides = trades.spec->trades->sides;
  return std::any_of(trades.run.begin(), trades.run.end(), [&](const Row& row) {
    return claim.bears_out({row.at(sides[0].actor), row.at(sides[0].gives), row.at(sides[1].actor),
                            row.at(sides[1].gives)});
  });
}

namespace {

// The first trades of the run, who gave ground on what.
std::string trade_list(const Trades& trades) {
  std::string out;
  const TradeColumns& columns = *trades.spec->trades;
  const auto& [a, b] = columns.sides;
  out += "<table><tr><th>round</th><th>order</th><th>gain</th><th>gives ground</th><th>in return for</th></tr>\n";
  std::size_t shown = 0;
  for (const auto& row : trades.run) {
    if (++shown > 15) break;
    out += fmt::format(
        "<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.3f}</td><td>{} on {}: {:.1f} → "
        "{:.1f}</td><td>{} on {}: {:.1f} → {:.1f}</td></tr>\n",
        escape(row.at(columns.round)), escape(row.at(columns.order)), number_of(row, columns.gain).value_or(0.0),
        escape(row.at(a.actor)), escape(row.at(a.gives)), number_of(row, a.from).value_or(0.0),
        number_of(row, a.to).value_or(0.0), escape(row.at(b.actor)), escape(row.at(b.gives)),
        number_of(row, b.from).value_or(0.0), number_of(row, b.to).value_or(0.0));
  }
  out += fmt::format("</table>\n<p class=\"note\">The first {} of {} {}; all are in {}.</p>\n",
                      std::min<std::size_t>(15, trades.run.size()), trades.run.size(), escape(trades.spec->name),
                      escape(trades.run_file));
  return out;
}

}  // namespace

std::string trades_html(const Trades& trades) {
  std::string out;
  const IndicatorSpec& spec = *trades.spec;
  std::vector<std::string> nodes;
  const auto node = [&](const std::string& id) {
    const auto found = std::find(nodes.begin(), nodes.end(), id);
    if (found != nodes.end()) return static_cast<std::size_t>(found - nodes.begin());
    nodes.push_back(id);
    return nodes.size() - 1;
  };
  std::map<std::pair<std::size_t, std::size_t>, std::map<std::string, double>> edges_of;  // pair -> label -> weight
  const auto add = [&](const std::string& a, const std::string& supply_a, const std::string& b,
                       const std::string& supply_b, double weight) {
    std::size_t x = node(a);
    std::size_t y = node(b);
    std::string label = fmt::format("{}: {} / {}: {}", a, supply_a, b, supply_b);
    if (y < x) {
      std::swap(x, y);
      label = fmt::format("{}: {} / {}: {}", b, supply_b, a, supply_a);
    }
    edges_of[{x, y}][label] += weight;
  };
  const bool mc = trades.run.empty();
  const auto& sides = spec.trades->sides;
  if (mc) {
    out += fmt::format(
        "<p class=\"note\">{} realised in at least a quarter of the Monte Carlo samples; an edge's width "
        "grows with the share of samples, and its label says who gave ground on what.</p>\n",
        escape(spec.title));
    const auto& key = spec.key;
    for (const auto& row : trades.mc) {
      const double share = number_of(row, "share").value_or(0.0);
      if (share >= 0.25 && key.size() == 4) {
        add(row.at(key[0].name), row.at(key[1].name), row.at(key[2].name), row.at(key[3].name), share);
      }
    }
  } else {
    out += fmt::format(
        "<p class=\"note\">Every {} realised in the run; an edge's width grows with the number of times "
        "the pair traded; the legend names, for the ten busiest pairs, the trade each made most often (who gave "
        "ground on what).</p>\n",
        escape(spec.item));
    for (const auto& row : trades.run) {
      add(row.at(sides[0].actor), row.at(sides[0].gives), row.at(sides[1].actor), row.at(sides[1].gives), 1.0);
    }
  }
  std::vector<Edge> edges;
  for (const auto& [pair, labels] : edges_of) {
    double total = 0.0;
    std::string best;
    double best_weight = -1.0;
    for (const auto& [label, weight] : labels) {
      total += weight;
      if (weight > best_weight) {
        best_weight = weight;
        best = label;
      }
    }
    const std::string times = mc ? fmt::format("in {:.0f} % of samples", 100.0 * best_weight)
                                 : fmt::format("{} of {} trades", best_weight, total);
    edges.push_back({pair.first, pair.second, total, fmt::format("{} ({})", best, times)});
  }
  std::stable_sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.weight > b.weight; });
  if (edges.size() > 10) edges.resize(10);
  out += "<figure class=\"chart\">" + network_chart(fmt::format("Realised {} between actors", spec.name), nodes, edges) +
          "</figure>\n";
  if (!mc) out += trade_list(trades);
  return out;
}

}  // namespace parley::report

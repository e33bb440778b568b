#include "report/relations_section.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "parley/registry.hpp"
#include "report/page.hpp"
#include "report/svg.hpp"

namespace parley::report {
namespace {

using Json = nlohmann::json;

// A model of the run that reads relations: its name in the run, how it reads them, and its
// threshold below which two actors are kept apart (exchange.min_affinity), when it has one.
struct Reader {
  std::string name;
  std::string how;
  std::optional<double> threshold;
};

std::vector<Reader> readers_in(const Json& run) {
  std::vector<Reader> readers;
  for (const auto& model : run.value("models", Json::array())) {
    const std::string name = model.value("name", std::string{});
    const std::string base = name.substr(0, name.find('@'));
    const ModelInfo* info = nullptr;
    for (const auto& candidate : model_registry()) {
      if (candidate.name == base) info = &candidate;
    }
    if (info == nullptr || info->relations.empty()) continue;
    Reader reader{name, info->relations, std::nullopt};
    const Json parameters = model.value("parameters", Json::object());
    if (parameters.contains("min_affinity") && parameters["min_affinity"].is_number()) {
      reader.threshold = parameters["min_affinity"].get<double>();
    }
    readers.push_back(std::move(reader));
  }
  return readers;
}

std::string who_reads_elsewhere() {
  std::vector<std::string> names;
  for (const auto& info : model_registry()) {
    if (!info.relations.empty()) names.push_back(fmt::format("{} ({})", info.name, info.relations));
  }
  return names.empty() ? "no model of parley reads them" : fmt::format("{} does", fmt::join(names, ", "));
}

}  // namespace

std::string relations_section(const Json& run, const Json& scenario) {
  const Json relations = scenario.value("relations", Json::array());
  if (relations.empty()) return {};
  const std::vector<Reader> readers = readers_in(run);
  std::string out = "<section id=\"relations\">\n<h2>Relations</h2>\n";
  out += "<p class=\"note\">Directed affinities at the run's date, from −1 (hostility) to 1 (alliance).</p>\n<p>";
  if (readers.empty()) {
    out += fmt::format("No model of this run reads them: {}.", escape(who_reads_elsewhere()));
  } else {
    for (const Reader& reader : readers) {
      out += fmt::format("<strong>{}</strong> reads them: {}{}. ", escape(reader.name), escape(reader.how),
                         reader.threshold ? fmt::format(" ({} in this run; the pairs marked below)", *reader.threshold)
                                          : std::string{});
    }
    out += "The other models of the run do not read them.";
  }
  out += "</p>\n<table class=\"relations\"><tr><th>from</th><th>to</th><th>affinity</th>";
  for (const Reader& reader : readers) {
    if (reader.threshold) out += fmt::format("<th>{}</th>", escape(reader.name));
  }
  out += "<th>why</th></tr>\n";
  for (const auto& relation : relations) {
    const double affinity = relation.value("affinity", 0.0);
    double reverse = affinity;  // the other direction's affinity, when the scenario gives it
    for (const auto& other : relations) {
      if (text_of(other, "from") == text_of(relation, "to") && text_of(other, "to") == text_of(relation, "from")) {
        reverse = other.value("affinity", 0.0);
      }
    }
    out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{:+.2f}</td>", escape(text_of(relation, "from")),
                       escape(text_of(relation, "to")), affinity);
    for (const Reader& reader : readers) {
      // Hostility either way keeps the pair apart (exchange's rule).
      if (reader.threshold) {
        out += std::min(affinity, reverse) < *reader.threshold ? "<td class=\"no\">no trade</td>" : "<td></td>";
      }
    }
    out += fmt::format("<td class=\"note\">{}</td></tr>\n", escape(text_of(relation, "rationale")));
  }
  out += "</table>\n</section>\n";
  return out;
}

}  // namespace parley::report

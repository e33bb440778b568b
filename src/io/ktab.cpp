#include "io/ktab.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "io/ktab_data.hpp"
#include "io/text.hpp"
#include "parley/errors.hpp"
#include "parley/text.hpp"

namespace parley::io {
namespace {

using ktab::KtabScenario;
using ktab::Where;

std::string unique_id(std::string_view name, std::map<std::string, int>& used) {
  // KTAB keeps spaces around names ("  XYZ Position"); an id does not.
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  std::string id = identifier(name);
  if (const int count = ++used[id]; count > 1) id = fmt::format("{}_{}", id, count);
  return id;
}

// The accommodation matrix as the smp parameter, or "" when it is the identity.
std::string accommodation_parameter(const KtabScenario& data, const std::vector<std::string>& ids,
                                    const std::string& file) {
  const std::size_t n = data.actors.size();
  std::vector<double> matrix(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) matrix[i * n + i] = 1.0;
  std::map<std::size_t, Where> set_at;  // entry -> the pair that set it last
  for (const auto& pair : data.adjustments) {
    matrix[pair.adjusting * n + pair.reference] = pair.value;
    set_at[pair.adjusting * n + pair.reference] = pair.where;
  }
  for (const auto& [entry, where] : set_at) {
    if (!(matrix[entry] >= 0.0 && matrix[entry] <= 1.0)) {
      throw ScenarioError(diagnostic_at(file, where.line, where.column, "IdealAdjustment.iaPair.adjust",
                                        outside(matrix[entry], 0.0, 1.0)));
    }
  }
  bool identity = true;
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    double row = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      const double value = matrix[i * n + j];
      row += value;
      if (value != (i == j ? 1.0 : 0.0)) identity = false;
      if (i == j ? value != 1.0 : value != 0.0) {
        text += fmt::format("{}{}:{}={}", text.empty() ? "" : ",", ids[i], ids[j], value);
      }
    }
    if (row > 1.0 + 1e-10) {
      throw ScenarioError(diagnostic_at(
          file, data.actors[i].where.line, data.actors[i].where.column, "IdealAdjustment",
          fmt::format("the adjustments of {}'s ideal sum to {}, more than 1 (KTAB aborts)", data.actors[i].name, row)));
    }
  }
  // The identity's diagonal entries are implied: write every entry off the identity, and the
  // diagonal entries that differ from 1 (the parameter starts from the identity too).
  return identity ? std::string() : text;
}

ImportedScenario to_imported(const KtabScenario& data, const std::string& file) {
  const std::string stem = std::filesystem::path(file).stem().string();
  ImportedScenario imported{identifier(stem), {}, data.parameters, data.seed};
  if (data.format == "CSV") imported.seed = ktab::kKtabCsvSeed;
  Scenario& scenario = imported.scenario;
  std::string title = data.name;
  while (!title.empty() && title.back() == ' ') title.pop_back();
  while (!title.empty() && title.front() == ' ') title.erase(title.begin());
  scenario.title = title.empty() ? stem : title;
  scenario.description = fmt::format(
      "{}{}{} actors on {} dimensions, imported by `parley import ktab` from the KTAB SMP {} file {}. KTAB's files "
      "have no date: as_of is 1970-01-01, not a real date. Saliences are KTAB's divided by 100; every dimension's "
      "scale is 0-100.",
      data.description, data.description.empty() ? "" : " — ", data.actors.size(), data.dimensions.size(), data.format,
      file);
  scenario.sources.push_back(
      {"ktab", fmt::format("KTAB SMP scenario {}", file), "", std::nullopt, "lines cited as l<N>"});
  std::map<std::string, int> used_issues;
  for (const auto& dimension : data.dimensions) {
    Issue issue;
    issue.id = unique_id(dimension, used_issues);
    issue.question = dimension.empty() ? issue.id : dimension;
    issue.scale = {0.0, 100.0, "", ""};
    issue.sources.push_back({"ktab", ""});
    scenario.issues.push_back(std::move(issue));
  }
  std::map<std::string, int> used_actors;
  std::vector<std::string> ids;
  for (const auto& row : data.actors) {
    Actor actor;
    actor.id = unique_id(row.name, used_actors);
    ids.push_back(actor.id);
    actor.name = row.name;
    actor.kind = ActorKind::organisation;
    actor.capability = row.capability;
    actor.description = row.description;
    const SourceRef source{"ktab", fmt::format("l{}", row.where.line)};
    actor.sources.push_back(source);
    for (std::size_t k = 0; k < data.dimensions.size(); ++k) {
      Stance stance;
      stance.position = row.position[k];
      stance.salience = row.salience[k] / 100.0;  // the division KTAB makes (spec §1)
      stance.sources.push_back(source);
      stance.rationale = "as in the KTAB file";
      actor.stances.push_back({scenario.issues[k].id, std::move(stance)});
    }
    scenario.actors.push_back(std::move(actor));
  }
  const std::string accommodation = accommodation_parameter(data, ids, file);
  if (!accommodation.empty()) imported.parameters.push_back("smp.ideal_adjustment=" + accommodation);
  imported.parameters.emplace_back("smp.issue_capabilities=false");  // KTAB has one capability per actor
  return imported;
}

bool looks_like_xml(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

}  // namespace

std::vector<ImportedScenario> read_ktab(std::string_view text, const std::string& file) {
  const KtabScenario data = looks_like_xml(text) ? ktab::read_xml_scenario(text, file) : ktab::read_csv(text, file);
  return {to_imported(data, file)};
}

ImportFormat ktab_format() {
  return {"ktab", "KTAB SMP scenario, CSV or XML: one scenario, one issue per dimension (run it with the smp model)", false,
          read_ktab};
}

}  // namespace parley::io

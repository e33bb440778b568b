#include "parley/io/manifest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "parley/errors.hpp"
#include "core/sha256.hpp"
#include "parley/io/files.hpp"
#include "parley/io/scenario_json.hpp"
#include "parley/version.hpp"

namespace parley::io {

using Json = nlohmann::ordered_json;

Json scenario_source(const ScenarioOrigin& origin, const std::string& title) {
  Json source{{"name", origin.name}, {"title", title}, {"sha256", sha256_hex(origin.text)}};
  if (!origin.what_if.empty()) source["what_if"] = origin.what_if;
  return source;
}

Json parameters_json(const ParameterValues& values) {
  Json parameters = Json::object();
  for (const auto& [name, value] : values.all()) {
    parameters[name] = std::visit([](const auto& held) { return Json(held); }, value);
  }
  return parameters;
}

Json manifest_json(const Manifest& manifest) {
  Json root;
  if (manifest.answer) root["answer"] = *manifest.answer;
  root["engine"] = Json{{"name", "parley"}, {"version", kVersion}};
  root[manifest.source_key] = manifest.source;
  if (manifest.at) root["at"] = manifest.at->to_string();
  root["seed"] = manifest.seed;
  for (const auto& [key, value] : manifest.before_models.items()) root[key] = value;
  root["models"] = Json::array();
  for (const auto& [name, parameters] : manifest.models) {
    root["models"].push_back(Json{{"name", name}, {"parameters", parameters_json(parameters)}});
  }
  for (const auto& [key, value] : manifest.after_models.items()) root[key] = value;
  root["outputs"] = manifest.outputs;
  for (const auto& [key, value] : manifest.after_outputs.items()) root[key] = value;
  if (manifest.timings) root["timings_seconds"] = *manifest.timings;
  return root;
}

void write_scenario_json(const std::filesystem::path& directory, const Scenario& at_date,
                         const std::vector<Event>& timeline) {
  Scenario scenario = at_date;
  scenario.events = timeline;
  write_text_file(directory / "scenario.json", scenario_to_json(scenario).dump(2) + "\n");
}

namespace {

// The files a manifest lists, or none when it is missing or unreadable.
std::vector<std::string> listed_outputs(const std::filesystem::path& manifest) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(manifest, error)) return {};
  std::ifstream in(manifest, std::ios::binary);
  const nlohmann::json root = nlohmann::json::parse(in, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("outputs") || !root["outputs"].is_array()) return {};
  std::vector<std::string> names;
  for (const auto& name : root["outputs"]) {
    if (name.is_string()) names.push_back(name.get<std::string>());
  }
  names.emplace_back("report.html");
  return names;
}

bool plain_file_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name.find('\\') == std::string::npos &&
         !name.starts_with('.');
}

}  // namespace

void remove_stale_outputs(const std::filesystem::path& directory, const std::vector<std::string>& outputs) {
  for (const char* manifest : {"run.json", "backtest.json"}) {
    for (const std::string& name : listed_outputs(directory / manifest)) {
      if (!plain_file_name(name) || std::find(outputs.begin(), outputs.end(), name) != outputs.end()) continue;
      std::error_code error;
      if (std::filesystem::is_regular_file(std::filesystem::symlink_status(directory / name, error))) {
        std::filesystem::remove(directory / name, error);
        if (error) throw OutputError(fmt::format("{}: cannot remove the earlier run's file: {}",
                                                 (directory / name).string(), error.message()));
      }
    }
  }
}

void write_manifest(const std::filesystem::path& path, const Manifest& manifest) {
  write_text_file(path, manifest_json(manifest).dump(2) + "\n");
}

}  // namespace parley::io

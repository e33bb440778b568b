#include "parley/io/scenario_json.hpp"

namespace parley::io {
namespace {

using Json = nlohmann::ordered_json;

Json refs(const std::vector<SourceRef>& sources) {
  Json list = Json::array();
  for (const auto& ref : sources) list.push_back(ref.to_string());
  return list;
}

void put_text(Json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

Json change(const Change& value) {
  return Json{{std::string(to_string(value.operation)), value.value}};
}

}  // namespace

Json scenario_to_json(const Scenario& scenario) {
  Json root;
  root["parley"] = scenario.format_version;
  root["title"] = scenario.title;
  put_text(root, "description", scenario.description);
  if (scenario.start) root["start"] = scenario.start->to_string();
  root["as_of"] = scenario.as_of.to_string();
  root["sources"] = Json::array();
  for (const auto& source : scenario.sources) {
    Json item{{"id", source.id}, {"citation", source.citation}};
    put_text(item, "url", source.url);
    if (source.accessed) item["accessed"] = source.accessed->to_string();
    put_text(item, "note", source.note);
    root["sources"].push_back(item);
  }
  root["actors"] = Json::array();
  for (const auto& actor : scenario.actors) {
    Json item{
        {"id", actor.id}, {"name", actor.name}, {"kind", to_string(actor.kind)}, {"capability", actor.capability}};
    if (!actor.present) item["present"] = false;
    put_text(item, "description", actor.description);
    item["sources"] = refs(actor.sources);
    put_text(item, "rationale", actor.rationale);
    item["stances"] = Json::object();
    for (const auto& [issue, stance] : actor.stances) {
      Json entry{{"position", stance.position}, {"salience", stance.salience}};
      if (stance.capability) entry["capability"] = *stance.capability;
      entry["sources"] = refs(stance.sources);
      put_text(entry, "rationale", stance.rationale);
      item["stances"][issue] = entry;
    }
    root["actors"].push_back(item);
  }
  root["issues"] = Json::array();
  for (const auto& issue : scenario.issues) {
    Json item{{"id", issue.id}, {"question", issue.question}};
    item["scale"] = Json{{"min", issue.scale.min}, {"max", issue.scale.max}};
    put_text(item["scale"], "low", issue.scale.low);
    put_text(item["scale"], "high", issue.scale.high);
    if (issue.status_quo) item["status_quo"] = *issue.status_quo;
    if (issue.outcome) item["outcome"] = *issue.outcome;
    put_text(item, "description", issue.description);
    item["sources"] = refs(issue.sources);
    put_text(item, "rationale", issue.rationale);
    root["issues"].push_back(item);
  }
  root["relations"] = Json::array();
  for (const auto& relation : scenario.relations) {
    Json item{{"from", relation.from},
              {"to", relation.to},
              {"affinity", relation.affinity},
              {"sources", refs(relation.sources)}};
    put_text(item, "rationale", relation.rationale);
    root["relations"].push_back(item);
  }
  root["events"] = Json::array();
  for (const auto& event : scenario.events) {
    Json item{{"date", event.date.to_string()}};
    if (event.approximate) item["approximate"] = true;
    item["title"] = event.title;
    put_text(item, "description", event.description);
    item["sources"] = refs(event.sources);
    item["effects"] = Json::array();
    for (const auto& effect : event.effects) {
      Json entry{{"actor", effect.actor}};
      if (effect.issue) entry["issue"] = *effect.issue;
      if (effect.position) entry["position"] = change(*effect.position);
      if (effect.salience) entry["salience"] = change(*effect.salience);
      if (effect.capability) entry["capability"] = change(*effect.capability);
      if (effect.presence) entry["presence"] = to_string(*effect.presence);
      item["effects"].push_back(entry);
    }
    root["events"].push_back(item);
  }
  if (!scenario.uncertainty.empty()) {
    const auto noise = [](const Noise& values) {
      Json item = Json::object();
      if (values.position) item["position"] = *values.position;
      if (values.salience) item["salience"] = *values.salience;
      if (values.capability) item["capability"] = *values.capability;
      if (values.dropout) item["dropout"] = *values.dropout;
      return item;
    };
    Json uncertainty = noise(scenario.uncertainty.defaults);
    uncertainty["salience_distribution"] = std::string(to_string(scenario.uncertainty.salience_distribution));
    uncertainty["overrides"] = Json::array();
    for (const auto& item : scenario.uncertainty.overrides) {
      Json entry = noise(item.noise);
      put_text(entry, "actor", item.actor);
      put_text(entry, "issue", item.issue);
      uncertainty["overrides"].push_back(entry);
    }
    root["uncertainty"] = uncertainty;
  }
  root["claims"] = Json::array();
  for (const auto& claim : scenario.claims) {
    Json item{{"id", claim.id}, {"text", claim.text}, {"kind", std::string(to_string(claim.kind))}};
    put_text(item, "issue", claim.issue);
    put_text(item, "model", claim.model);
    if (claim.kind == ClaimKind::within) item["within"] = Json::array({claim.low, claim.high});
    if (claim.kind == ClaimKind::above) item["above"] = claim.low;
    if (claim.kind == ClaimKind::below) item["below"] = claim.high;
    if (claim.kind == ClaimKind::exchange) item["exchange"] = Json{{"actors", claim.actors}, {"issues", claim.issues}};
    item["sources"] = refs(claim.sources);
    put_text(item, "rationale", claim.rationale);
    root["claims"].push_back(item);
  }
  return root;
}

std::vector<Claim> claims_from_json(const nlohmann::json& claims) {
  std::vector<Claim> list;
  if (!claims.is_array()) return list;
  const auto text = [](const nlohmann::json& item, const char* key) {
    return item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : std::string{};
  };
  const auto number = [](const nlohmann::json& value) { return value.is_number() ? value.get<double>() : 0.0; };
  for (const auto& item : claims) {
    Claim claim;
    claim.id = text(item, "id");
    claim.text = text(item, "text");
    claim.issue = text(item, "issue");
    claim.model = text(item, "model");
    claim.rationale = text(item, "rationale");
    if (item.contains("within") && item["within"].is_array() && item["within"].size() == 2) {
      claim.kind = ClaimKind::within;
      claim.low = number(item["within"][0]);
      claim.high = number(item["within"][1]);
    } else if (item.contains("above")) {
      claim.kind = ClaimKind::above;
      claim.low = number(item["above"]);
    } else if (item.contains("below")) {
      claim.kind = ClaimKind::below;
      claim.high = number(item["below"]);
    } else if (item.contains("exchange") && item["exchange"].is_object()) {
      claim.kind = ClaimKind::exchange;
      for (const auto& actor : item["exchange"].value("actors", nlohmann::json::array())) {
        if (actor.is_string()) claim.actors.push_back(actor.get<std::string>());
      }
      for (const auto& issue : item["exchange"].value("issues", nlohmann::json::array())) {
        if (issue.is_string()) claim.issues.push_back(issue.get<std::string>());
      }
    }
    list.push_back(std::move(claim));
  }
  return list;
}

}  // namespace parley::io

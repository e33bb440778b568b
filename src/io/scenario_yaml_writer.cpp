#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "parley/io/scenario_yaml.hpp"

namespace parley::io {
namespace {

// Numbers go out in their shortest form that reads back to the same double.
std::string number_text(double value) {
  return fmt::format("{}", value);
}

class Writer {
 public:
  std::string write(const Scenario& scenario) {
    out_ << YAML::BeginMap;
    pair("parley", std::to_string(scenario.format_version));
    pair("title", scenario.title);
    optional_text("description", scenario.description);
    if (scenario.start) pair("start", scenario.start->to_string());
    pair("as_of", scenario.as_of.to_string());
    if (!scenario.sources.empty()) {
      out_ << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
      for (const auto& source : scenario.sources) write_source(source);
      out_ << YAML::EndSeq;
    }
    out_ << YAML::Key << "actors" << YAML::Value << YAML::BeginSeq;
    for (const auto& actor : scenario.actors) write_actor(actor);
    out_ << YAML::EndSeq;
    out_ << YAML::Key << "issues" << YAML::Value << YAML::BeginSeq;
    for (const auto& issue : scenario.issues) write_issue(issue);
    out_ << YAML::EndSeq;
    if (!scenario.relations.empty()) {
      out_ << YAML::Key << "relations" << YAML::Value << YAML::BeginSeq;
      for (const auto& relation : scenario.relations) write_relation(relation);
      out_ << YAML::EndSeq;
    }
    if (!scenario.events.empty()) {
      out_ << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
      for (const auto& event : scenario.events) write_event(event);
      out_ << YAML::EndSeq;
    }
    if (!scenario.uncertainty.empty()) write_uncertainty(scenario.uncertainty);
    if (!scenario.claims.empty()) {
      out_ << YAML::Key << "claims" << YAML::Value << YAML::BeginSeq;
      for (const auto& claim : scenario.claims) write_claim(claim);
      out_ << YAML::EndSeq;
    }
    out_ << YAML::EndMap;
    return std::string(out_.c_str()) + "\n";
  }

 private:
  void noise(const Noise& values) {
    if (values.position) number("position", *values.position);
    if (values.salience) number("salience", *values.salience);
    if (values.capability) number("capability", *values.capability);
    if (values.dropout) number("dropout", *values.dropout);
  }

  void write_uncertainty(const Uncertainty& uncertainty) {
    out_ << YAML::Key << "uncertainty" << YAML::Value << YAML::BeginMap;
    noise(uncertainty.defaults);
    if (uncertainty.salience_distribution != SalienceDistribution::beta) {
      pair("salience_distribution", std::string(to_string(uncertainty.salience_distribution)));
    }
    if (!uncertainty.overrides.empty()) {
      out_ << YAML::Key << "overrides" << YAML::Value << YAML::BeginSeq;
      for (const auto& item : uncertainty.overrides) {
        out_ << YAML::Flow << YAML::BeginMap;
        optional_text("actor", item.actor);
        optional_text("issue", item.issue);
        noise(item.noise);
        out_ << YAML::EndMap;
      }
      out_ << YAML::EndSeq;
    }
    out_ << YAML::EndMap;
  }

  void write_claim(const Claim& claim) {
    out_ << YAML::BeginMap;
    pair("id", claim.id);
    pair("text", claim.text);
    optional_text("issue", claim.issue);
    optional_text("model", claim.model);
    switch (claim.kind) {
      case ClaimKind::within:
        out_ << YAML::Key << "within" << YAML::Value << YAML::Flow << YAML::BeginSeq << number_text(claim.low)
             << number_text(claim.high) << YAML::EndSeq;
        break;
      case ClaimKind::above:
        number("above", claim.low);
        break;
      case ClaimKind::below:
        number("below", claim.high);
        break;
      case ClaimKind::exchange:
        out_ << YAML::Key << "exchange" << YAML::Value << YAML::Flow << YAML::BeginMap;
        out_ << YAML::Key << "actors" << YAML::Value << YAML::Flow << claim.actors;
        out_ << YAML::Key << "issues" << YAML::Value << YAML::Flow << claim.issues;
        out_ << YAML::EndMap;
        break;
    }
    sources(claim.sources);
    optional_text("rationale", claim.rationale);
    out_ << YAML::EndMap;
  }

  void pair(std::string_view key, const std::string& value) {
    out_ << YAML::Key << std::string(key) << YAML::Value << value;
  }
  void number(std::string_view key, double value) { pair(key, number_text(value)); }
  void optional_text(std::string_view key, const std::string& value) {
    if (!value.empty()) pair(key, value);
  }
  void sources(const std::vector<SourceRef>& refs) {
    if (refs.empty()) return;
    out_ << YAML::Key << "sources" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& ref : refs) out_ << ref.to_string();
    out_ << YAML::EndSeq;
  }

  void write_source(const Source& source) {
    out_ << YAML::BeginMap;
    pair("id", source.id);
    pair("citation", source.citation);
    optional_text("url", source.url);
    if (source.accessed) pair("accessed", source.accessed->to_string());
    optional_text("note", source.note);
    out_ << YAML::EndMap;
  }

  void write_actor(const Actor& actor) {
    out_ << YAML::BeginMap;
    pair("id", actor.id);
    pair("name", actor.name);
    pair("kind", std::string(to_string(actor.kind)));
    number("capability", actor.capability);
    if (!actor.present) pair("present", "false");
    optional_text("description", actor.description);
    sources(actor.sources);
    optional_text("rationale", actor.rationale);
    if (!actor.stances.empty()) {
      out_ << YAML::Key << "stances" << YAML::Value << YAML::BeginMap;
      for (const auto& [issue, stance] : actor.stances) {
        out_ << YAML::Key << issue << YAML::Value << YAML::Flow << YAML::BeginMap;
        number("position", stance.position);
        number("salience", stance.salience);
        if (stance.capability) number("capability", *stance.capability);
        sources(stance.sources);
        optional_text("rationale", stance.rationale);
        out_ << YAML::EndMap;
      }
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndMap;
  }

  void write_issue(const Issue& issue) {
    out_ << YAML::BeginMap;
    pair("id", issue.id);
    pair("question", issue.question);
    out_ << YAML::Key << "scale" << YAML::Value << YAML::Flow << YAML::BeginMap;
    number("min", issue.scale.min);
    number("max", issue.scale.max);
    optional_text("low", issue.scale.low);
    optional_text("high", issue.scale.high);
    out_ << YAML::EndMap;
    if (issue.status_quo) number("status_quo", *issue.status_quo);
    if (issue.outcome) number("outcome", *issue.outcome);
    optional_text("description", issue.description);
    sources(issue.sources);
    optional_text("rationale", issue.rationale);
    out_ << YAML::EndMap;
  }

  void write_relation(const Relation& relation) {
    out_ << YAML::BeginMap;
    pair("from", relation.from);
    pair("to", relation.to);
    number("affinity", relation.affinity);
    sources(relation.sources);
    optional_text("rationale", relation.rationale);
    out_ << YAML::EndMap;
  }

  void change(std::string_view key, const std::optional<Change>& value) {
    if (!value) return;
    out_ << YAML::Key << std::string(key) << YAML::Value << YAML::Flow << YAML::BeginMap;
    number(to_string(value->operation), value->value);
    out_ << YAML::EndMap;
  }

  void write_event(const Event& event) {
    out_ << YAML::BeginMap;
    pair("date", event.date.to_string());
    if (event.approximate) pair("approximate", "true");
    pair("title", event.title);
    optional_text("description", event.description);
    sources(event.sources);
    out_ << YAML::Key << "effects" << YAML::Value << YAML::BeginSeq;
    for (const auto& effect : event.effects) {
      out_ << YAML::Flow << YAML::BeginMap;
      pair("actor", effect.actor);
      if (effect.issue) pair("issue", *effect.issue);
      change("position", effect.position);
      change("salience", effect.salience);
      change("capability", effect.capability);
      if (effect.presence) pair("presence", std::string(to_string(*effect.presence)));
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndSeq << YAML::EndMap;
  }

  YAML::Emitter out_;
};

}  // namespace

std::string write_scenario_yaml(const Scenario& scenario) {
  return Writer().write(scenario);
}

}  // namespace parley::io

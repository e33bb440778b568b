#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "parley/text.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "io/yaml_fields.hpp"
#include "io/yaml_syntax.hpp"

namespace parley::io {
namespace {

class ScenarioReader {
 public:
  explicit ScenarioReader(YamlContext& context) : context_(context) {}

  Scenario read(const YAML::Node& root) {
    Scenario scenario;
    Fields fields(context_, root, "",
                  {"parley", "title", "description", "start", "as_of", "sources", "actors", "issues", "relations",
                   "events", "uncertainty", "claims"});
    if (!fields.valid()) return scenario;
    if (const auto version = fields.integer("parley", true)) scenario.format_version = static_cast<int>(*version);
    scenario.title = fields.text("title", true).value_or("");
    scenario.description = fields.text("description", false).value_or("");
    scenario.start = fields.date("start", false);
    if (const auto as_of = fields.date("as_of", true)) {
      scenario.as_of = *as_of;
    } else {
      context_.mark_unread("start");  // start is checked against as_of
    }
    read_list(fields, "sources", false, scenario.sources, &ScenarioReader::read_source);
    read_list(fields, "actors", true, scenario.actors, &ScenarioReader::read_actor);
    read_list(fields, "issues", true, scenario.issues, &ScenarioReader::read_issue);
    read_list(fields, "relations", false, scenario.relations, &ScenarioReader::read_relation);
    read_list(fields, "events", false, scenario.events, &ScenarioReader::read_event);
    if (const auto node = fields.node("uncertainty", false)) {
      scenario.uncertainty = read_uncertainty(*node, fields.path("uncertainty"));
    }
    read_list(fields, "claims", false, scenario.claims, &ScenarioReader::read_claim);
    return scenario;
  }

 private:
  template <typename Item>
  void read_list(Fields& fields, std::string_view key, bool required, std::vector<Item>& items,
                 Item (ScenarioReader::*read_item)(const YAML::Node&, const std::string&)) {
    const auto node = fields.node(key, required);
    if (!node || !expect_sequence(context_, *node, fields.path(key))) return;
    for (std::size_t i = 0; i < node->size(); ++i) {
      const std::string path = fmt::format("{}[{}]", fields.path(key), i);
      items.push_back((this->*read_item)((*node)[i], path));
    }
  }

  std::vector<SourceRef> read_source_refs(Fields& fields) {
    std::vector<SourceRef> refs;
    const auto node = fields.node("sources", false);
    if (!node || !expect_sequence(context_, *node, fields.path("sources"))) return refs;
    for (std::size_t i = 0; i < node->size(); ++i) {
      const std::string path = fmt::format("{}[{}]", fields.path("sources"), i);
      context_.remember(path, (*node)[i]);
      if (const auto text = read_text(context_, (*node)[i], path)) refs.push_back(SourceRef::parse(*text));
    }
    return refs;
  }

  Source read_source(const YAML::Node& node, const std::string& path) {
    Source source;
    Fields fields(context_, node, path, {"id", "citation", "url", "accessed", "note"});
    source.id = fields.text("id", true).value_or("");
    source.citation = fields.text("citation", true).value_or("");
    source.url = fields.text("url", false).value_or("");
    source.accessed = fields.date("accessed", false);
    source.note = fields.text("note", false).value_or("");
    return source;
  }

  Actor read_actor(const YAML::Node& node, const std::string& path) {
    Actor actor;
    Fields fields(context_, node, path,
                  {"id", "name", "kind", "capability", "present", "description", "sources", "rationale", "stances"});
    actor.id = fields.text("id", true).value_or("");
    actor.name = fields.text("name", true).value_or("");
    if (const auto kind = fields.text("kind", true)) {
      if (const auto parsed = parse_actor_kind(*kind)) {
        actor.kind = *parsed;
      } else {
        std::vector<std::string> kinds{"state", "government", "armed_group", "organisation", "faction"};
        context_.error(
            *fields.node("kind", true), fields.path("kind"),
            fmt::format("'{}' is not an actor kind (one of: state, government, armed_group, organisation, faction){}",
                        *kind, did_you_mean(*kind, kinds)));
      }
    }
    actor.capability = fields.number("capability", true).value_or(0.0);
    actor.present = fields.boolean("present", false).value_or(true);
    actor.description = fields.text("description", false).value_or("");
    actor.sources = read_source_refs(fields);
    actor.rationale = fields.text("rationale", false).value_or("");
    if (const auto stances = fields.node("stances", false)) {
      const std::string stances_path = fields.path("stances");
      if (!stances->IsMap()) {
        context_.error(*stances, stances_path, "expected a mapping from issue id to stance");
      } else {
        for (auto it = stances->begin(); it != stances->end(); ++it) {
          const std::string issue = it->first.Scalar();
          const std::string stance_path = stances_path + "." + issue;
          actor.stances.push_back({issue, read_stance(it->second, stance_path)});
          context_.remember(stance_path, it->first);  // a stance's own errors point at its issue id
        }
      }
    }
    return actor;
  }

  Stance read_stance(const YAML::Node& node, const std::string& path) {
    Stance stance;
    Fields fields(context_, node, path, {"position", "salience", "capability", "sources", "rationale"});
    stance.position = fields.number("position", true).value_or(0.0);
    stance.salience = fields.number("salience", true).value_or(0.0);
    stance.capability = fields.number("capability", false);
    stance.sources = read_source_refs(fields);
    stance.rationale = fields.text("rationale", false).value_or("");
    return stance;
  }

  Issue read_issue(const YAML::Node& node, const std::string& path) {
    Issue issue;
    Fields fields(context_, node, path,
                  {"id", "question", "scale", "status_quo", "outcome", "description", "sources", "rationale"});
    issue.id = fields.text("id", true).value_or("");
    issue.question = fields.text("question", true).value_or("");
    if (const auto scale = fields.node("scale", true)) {
      Fields scale_fields(context_, *scale, fields.path("scale"), {"min", "max", "low", "high"});
      const auto min = scale_fields.number("min", true);
      const auto max = scale_fields.number("max", true);
      if (min && max) {
        issue.scale.min = *min;
        issue.scale.max = *max;
      } else {
        // Without both ends nothing on this issue can be range-checked.
        issue.scale.min = issue.scale.max = std::numeric_limits<double>::quiet_NaN();
        context_.mark_unread(fields.path("scale"));
      }
      issue.scale.low = scale_fields.text("low", false).value_or("");
      issue.scale.high = scale_fields.text("high", false).value_or("");
    }
    issue.status_quo = fields.number("status_quo", false);
    issue.outcome = fields.number("outcome", false);
    issue.description = fields.text("description", false).value_or("");
    issue.sources = read_source_refs(fields);
    issue.rationale = fields.text("rationale", false).value_or("");
    return issue;
  }

  Relation read_relation(const YAML::Node& node, const std::string& path) {
    Relation relation;
    Fields fields(context_, node, path, {"from", "to", "affinity", "sources", "rationale"});
    relation.from = fields.text("from", true).value_or("");
    relation.to = fields.text("to", true).value_or("");
    relation.affinity = fields.number("affinity", true).value_or(0.0);
    relation.sources = read_source_refs(fields);
    relation.rationale = fields.text("rationale", false).value_or("");
    return relation;
  }

  // position, salience, capability, dropout: the keys a default or an override may set.
  static Noise read_noise(Fields& fields) {
    return {fields.number("position", false), fields.number("salience", false), fields.number("capability", false),
            fields.number("dropout", false)};
  }

  Uncertainty read_uncertainty(const YAML::Node& node, const std::string& path) {
    Uncertainty uncertainty;
    Fields fields(context_, node, path,
                  {"position", "salience", "capability", "dropout", "salience_distribution", "overrides"});
    uncertainty.defaults = read_noise(fields);
    if (const auto distribution = fields.text("salience_distribution", false)) {
      if (*distribution == "normal") {
        uncertainty.salience_distribution = SalienceDistribution::normal;
      } else if (*distribution != "beta") {
        context_.error(*fields.node("salience_distribution", false), fields.path("salience_distribution"),
                       fmt::format("unknown distribution '{}'; use beta or normal", *distribution));
      }
    }
    read_list(fields, "overrides", false, uncertainty.overrides, &ScenarioReader::read_override);
    return uncertainty;
  }

  NoiseOverride read_override(const YAML::Node& node, const std::string& path) {
    NoiseOverride item;
    Fields fields(context_, node, path, {"actor", "issue", "position", "salience", "capability", "dropout"});
    item.actor = fields.text("actor", false).value_or("");
    item.issue = fields.text("issue", false).value_or("");
    item.noise = read_noise(fields);
    return item;
  }

  Claim read_claim(const YAML::Node& node, const std::string& path) {
    Claim claim;
    Fields fields(context_, node, path,
                  {"id", "text", "issue", "model", "within", "above", "below", "exchange", "sources", "rationale"});
    claim.id = fields.text("id", true).value_or("");
    claim.text = fields.text("text", true).value_or("");
    claim.issue = fields.text("issue", false).value_or("");
    claim.model = fields.text("model", false).value_or("");
    int kinds = 0;
    if (const auto within = fields.node("within", false)) {
      ++kinds;
      claim.kind = ClaimKind::within;
      const std::string within_path = fields.path("within");
      if (expect_sequence(context_, *within, within_path) && within->size() == 2) {
        claim.low = read_number(context_, (*within)[0], within_path + "[0]").value_or(0.0);
        claim.high = read_number(context_, (*within)[1], within_path + "[1]").value_or(0.0);
      } else if (within->IsSequence()) {
        context_.error(*within, within_path, "write the range as [low, high]");
      }
    }
    if (const auto above = fields.number("above", false)) {
      ++kinds;
      claim.kind = ClaimKind::above;
      claim.low = *above;
    }
    if (const auto below = fields.number("below", false)) {
      ++kinds;
      claim.kind = ClaimKind::below;
      claim.high = *below;
    }
    if (const auto exchange = fields.node("exchange", false)) {
      ++kinds;
      claim.kind = ClaimKind::exchange;
      Fields trade(context_, *exchange, fields.path("exchange"), {"actors", "issues"});
      claim.actors = read_texts(trade, "actors");
      claim.issues = read_texts(trade, "issues");
    }
    if (kinds != 1 && fields.valid()) {
      context_.error(node, path,
                     "a claim needs exactly one of within: [low, high], above: X, below: X, exchange: {...}");
    }
    claim.sources = read_source_refs(fields);
    claim.rationale = fields.text("rationale", false).value_or("");
    return claim;
  }

  std::vector<std::string> read_texts(Fields& fields, std::string_view key) {
    std::vector<std::string> texts;
    const auto node = fields.node(key, true);
    if (!node || !expect_sequence(context_, *node, fields.path(key))) return texts;
    for (std::size_t i = 0; i < node->size(); ++i) {
      if (const auto text = read_text(context_, (*node)[i], fmt::format("{}[{}]", fields.path(key), i))) {
        texts.push_back(*text);
      }
    }
    return texts;
  }

  Event read_event(const YAML::Node& node, const std::string& path) {
    Event event;
    Fields fields(context_, node, path, {"date", "approximate", "title", "description", "sources", "effects"});
    if (const auto date = fields.date("date", true)) event.date = *date;
    event.approximate = fields.boolean("approximate", false).value_or(false);
    event.title = fields.text("title", true).value_or("");
    event.description = fields.text("description", false).value_or("");
    event.sources = read_source_refs(fields);
    read_list(fields, "effects", true, event.effects, &ScenarioReader::read_effect);
    return event;
  }

  Effect read_effect(const YAML::Node& node, const std::string& path) {
    Effect effect;
    Fields fields(context_, node, path, {"actor", "issue", "position", "salience", "capability", "presence"});
    effect.actor = fields.text("actor", true).value_or("");
    effect.issue = fields.text("issue", false);
    effect.position = read_change(fields, "position");
    effect.salience = read_change(fields, "salience");
    effect.capability = read_change(fields, "capability");
    if (const auto presence = fields.text("presence", false)) {
      if (*presence == "enter") {
        effect.presence = Presence::enter;
      } else if (*presence == "leave") {
        effect.presence = Presence::leave;
      } else {
        context_.error(*fields.node("presence", false), fields.path("presence"),
                       fmt::format("'{}' is not a presence change (write enter or leave)", *presence));
      }
    }
    return effect;
  }

  std::optional<Change> read_change(Fields& fields, std::string_view key) {
    const auto node = fields.node(key, false);
    if (!node) return std::nullopt;
    Fields change_fields(context_, *node, fields.path(key), {"set", "add", "scale"});
    if (!change_fields.valid()) return std::nullopt;
    std::optional<Change> change;
    int operations = 0;
    for (const auto operation : {Operation::set, Operation::add, Operation::scale}) {
      const std::string name(to_string(operation));
      if (!change_fields.has(name)) continue;
      ++operations;
      if (const auto value = change_fields.number(name, true)) change = Change{operation, *value};
    }
    if (operations != 1) {
      context_.error(*node, fields.path(key), "give exactly one of set, add or scale");
      return std::nullopt;
    }
    return change;
  }

  YamlContext& context_;
};

}  // namespace

LoadedScenario read_scenario_yaml(std::string_view text, const std::string& file, const ValidationOptions& options) {
  YamlContext context(file);
  if (const auto problem = find_unclosed(text)) {
    context.error_at_position(problem->line, problem->column, "YAML syntax error: " + problem->message);
    throw ScenarioError(context.errors());
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    context.error_at(error.mark, "", "YAML syntax error: " + error.msg);
    throw ScenarioError(context.errors());
  }
  if (root.IsNull()) {
    context.error_at_position(1, 1, "the file is empty; a scenario needs parley, title, as_of, actors and issues");
    throw ScenarioError(context.errors());
  }
  LoadedScenario loaded{ScenarioReader(context).read(root), {}};
  // Problems of form and of meaning are reported together; meaning is not checked where the
  // form already failed, so each mistake is reported once.
  std::vector<Diagnostic> errors = context.errors();
  ValidationReport report = validate(loaded.scenario, context, options);
  for (auto& diagnostic : report.errors) {
    if (!context.is_unread(diagnostic.path)) errors.push_back(std::move(diagnostic));
  }
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
    });
    throw ScenarioError(std::move(errors));
  }
  loaded.warnings = std::move(report.warnings);
  return loaded;
}

}  // namespace parley::io

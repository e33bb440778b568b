#pragma once
// The scenario file's schema, declared once: every key of every part of a scenario, in file order,
// with whether it is required, its type, its bounds and what it means. Visitors walk the
// declaration to read YAML (io/scenario_yaml_reader.cpp), write YAML and JSON
// (io/scenario_yaml_writer.cpp, io/scenario_json.cpp), list the keys a mapping may have, and write
// the key tables of docs/scenario-format.md (`parley scenarios --keys`; a test keeps the docs equal).
// Validation reads its bounds from here.
//
// A visitor V has one member per kind of field (text, number, integer, boolean, date, choice, refs,
// list, object, stances, change, claim_test, json_only); `fields(v, part)` calls them in order.
// `Part` is const for visitors that only read the scenario (writers).

#include <concepts>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/parameter_table.hpp"
#include "parley/scenario.hpp"

namespace parley::schema {

// Whether a key must be there: always, never, or under --strict (sources and rationales).
enum class Need { optional, required, strict };

// Limits on a number, declared once and checked by validation.
struct Bounds {
  std::optional<double> min;
  std::optional<double> max;
};

// Capabilities and scales have bounds far beyond any measure (a country's GDP in dollars is about
// 3e13), so that no sum or product of them can overflow to infinity inside a model.
inline constexpr Bounds kCapability{0.0, 1e15};
inline constexpr Bounds kScaleEnd{-1e12, 1e12};
inline constexpr Bounds kSalience{0.0, 1.0};
inline constexpr Bounds kAffinity{-1.0, 1.0};
inline constexpr Bounds kPositionNoise{0.0, std::nullopt};
inline constexpr Bounds kSalienceNoise{0.0, 0.5};
inline constexpr Bounds kCapabilityNoise{0.0, 5.0};
inline constexpr Bounds kProbability{0.0, 1.0};

struct Key {
  std::string_view name;
  Need need = Need::optional;
  std::string_view type;     // for the docs ("" : from the field's kind and bounds)
  std::string_view meaning;  // for the docs
  std::string_view when;     // for the docs' required column, when it depends ("for within/above/below")
  Bounds bounds;             // numbers
  bool flow = false;         // YAML writers put the value (or each item) on one line
  bool json_always = false;  // JSON writers write it even at its default
  bool json_last = false;    // JSON writers put it after the keys without this flag
};

template <typename Part, typename Whole>
concept PartOf = std::same_as<std::remove_const_t<Part>, Whole>;

// ------------------------------------------------------------------ the names of enum values

inline constexpr EnumName<ActorKind> kActorKindNames[]{{ActorKind::state, "state"},
                                                       {ActorKind::government, "government"},
                                                       {ActorKind::armed_group, "armed_group"},
                                                       {ActorKind::organisation, "organisation"},
                                                       {ActorKind::faction, "faction"}};
inline constexpr EnumName<SalienceDistribution> kDistributionNames[]{{SalienceDistribution::beta, "beta"},
                                                                     {SalienceDistribution::normal, "normal"}};
inline constexpr EnumName<Presence> kPresenceNames[]{{Presence::enter, "enter"}, {Presence::leave, "leave"}};
inline constexpr EnumName<Operation> kOperationNames[]{
    {Operation::set, "set"}, {Operation::add, "add"}, {Operation::scale, "scale"}};

}  // namespace parley::schema

namespace parley {

constexpr std::span<const EnumName<ActorKind>> names_of(ActorKind /*tag*/) {
  return schema::kActorKindNames;
}
constexpr std::span<const EnumName<SalienceDistribution>> names_of(SalienceDistribution /*tag*/) {
  return schema::kDistributionNames;
}
constexpr std::span<const EnumName<Presence>> names_of(Presence /*tag*/) {
  return schema::kPresenceNames;
}
constexpr std::span<const EnumName<Operation>> names_of(Operation /*tag*/) {
  return schema::kOperationNames;
}

}  // namespace parley

namespace parley::schema {

// What a reader says of a value that names no choice, one message per enum as users know them.
std::string not_an_actor_kind(std::string_view value);
std::string not_a_distribution(std::string_view value);
std::string not_a_presence_change(std::string_view value);

// ------------------------------------------------------------------ the parts, in file order

template <typename V, PartOf<Source> Part>
void fields(V& v, Part& source) {
  v.text({.name = "id", .need = Need::required, .type = "identifier", .meaning = "how stances, actors and events cite it"},
         source.id);
  v.text({.name = "citation", .need = Need::required, .meaning = "author, title, publisher, date"}, source.citation);
  v.text({.name = "url", .meaning = "where to find it"}, source.url);
  v.date({.name = "accessed", .meaning = "when it was read"}, source.accessed);
  v.text({.name = "note", .meaning = "anything else (a correction, a caveat)"}, source.note);
}

template <typename V, PartOf<Stance> Part>
void fields(V& v, Part& stance) {
  v.number({.name = "position", .need = Need::required, .type = "number in the issue's scale",
            .meaning = "what the actor wants"},
           stance.position);
  v.number({.name = "salience", .need = Need::required, .meaning = "how much it cares (share of its attention)",
            .bounds = kSalience},
           stance.salience);
  v.number({.name = "capability",
            .meaning = "issue-specific capability, replacing the actor's default on this issue (e.g. a veto player)",
            .bounds = kCapability},
           stance.capability);
  v.refs({.name = "sources", .need = Need::strict, .meaning = "where the numbers come from"}, stance.sources);
  v.text({.name = "rationale", .need = Need::strict, .meaning = "one line: why these numbers"}, stance.rationale);
}

template <typename V, PartOf<Actor> Part>
void fields(V& v, Part& actor) {
  v.text({.name = "id", .need = Need::required, .type = "identifier",
          .meaning = "short code (`USA`, `PAK`, `TTP`); letters, digits, `_`, `-`"},
         actor.id);
  v.text({.name = "name", .need = Need::required, .meaning = "full name, any script"}, actor.name);
  v.choice({.name = "kind", .need = Need::required, .meaning = "what sort of actor it is"}, actor.kind,
           &not_an_actor_kind);
  v.number({.name = "capability", .need = Need::required, .meaning = "default clout on every issue (e.g. CINC)",
            .bounds = kCapability},
           actor.capability);
  v.boolean({.name = "present",
             .meaning = "`false`: the actor is not yet part of the system at `start` and enters through an event; "
                        "default `true`"},
            actor.present, true);
  v.text({.name = "description", .meaning = "free text"}, actor.description);
  v.refs({.name = "sources", .need = Need::strict, .meaning = "where the capability and the actor's role come from"},
         actor.sources);
  v.text({.name = "rationale", .meaning = "one line: why this capability"}, actor.rationale);
  v.stances({.name = "stances", .type = "map issue id → stance",
             .meaning = "the actor's stance on each issue it takes part in"},
            actor.stances);
}

template <typename V, PartOf<Scale> Part>
void fields(V& v, Part& scale) {
  v.number({.name = "min", .need = Need::required, .meaning = "the low end", .bounds = kScaleEnd}, scale.min);
  v.number({.name = "max", .need = Need::required, .meaning = "the high end; greater than `min`", .bounds = kScaleEnd},
           scale.max);
  v.text({.name = "low", .meaning = "what `min` means"}, scale.low);
  v.text({.name = "high", .meaning = "what `max` means"}, scale.high);
}

template <typename V, PartOf<Issue> Part>
void fields(V& v, Part& issue) {
  v.text({.name = "id", .need = Need::required, .type = "identifier", .meaning = "how stances, effects and claims name it"},
         issue.id);
  v.text({.name = "question", .need = Need::required, .meaning = "the question the issue answers"}, issue.question);
  v.object({.name = "scale", .need = Need::required, .type = "map",
            .meaning = "`min`, `max` (numbers, `min < max`, required) and `low`, `high` (what each pole means; "
                       "optional)",
            .flow = true},
           issue.scale);
  v.number({.name = "status_quo", .type = "number in the scale",
            .meaning = "the situation at the reference date; the `nash` model's disagreement point and the "
                       "`status_quo` baseline's forecast"},
           issue.status_quo);
  v.number({.name = "outcome", .type = "number in the scale",
            .meaning = "what was actually decided, when it is known; `parley backtest` scores forecasts against it "
                       "(the DEU importer fills it from `out`)"},
           issue.outcome);
  v.text({.name = "description", .meaning = "free text"}, issue.description);
  v.refs({.name = "sources", .meaning = "for the status quo and the scale"}, issue.sources);
  v.text({.name = "rationale", .meaning = "why this status quo"}, issue.rationale);
}

template <typename V, PartOf<Relation> Part>
void fields(V& v, Part& relation) {
  v.text({.name = "from", .need = Need::required, .type = "actor id",
          .meaning = "a directed pair with `to`; `from ≠ to`; each pair at most once"},
         relation.from);
  v.text({.name = "to", .need = Need::required, .type = "actor id", .meaning = "the other actor of the pair"},
         relation.to);
  v.number({.name = "affinity", .need = Need::required, .meaning = "−1 hostility … 0 indifference … 1 alliance",
            .bounds = kAffinity},
           relation.affinity);
  v.refs({.name = "sources", .need = Need::strict, .meaning = "where the affinity comes from"}, relation.sources);
  v.text({.name = "rationale", .meaning = "one line: why this affinity"}, relation.rationale);
}

template <typename V, PartOf<Effect> Part>
void fields(V& v, Part& effect) {
  v.text({.name = "actor", .type = "actor id", .meaning = "the actor it changes", .when = "except for `status_quo`"},
         effect.actor);
  v.text({.name = "issue", .type = "issue id",
          .meaning = "the issue it changes; with `capability`, changes the issue-specific capability",
          .when = "for position and salience"},
         effect.issue);
  v.change({.name = "position", .meaning = "change of the actor's position on `issue`", .flow = true},
           effect.position);
  v.change({.name = "salience", .meaning = "change of the actor's salience on `issue`", .flow = true},
           effect.salience);
  v.change({.name = "capability",
            .meaning = "change of the actor's capability: on `issue` when given (starting from the default when the "
                       "stance has none), otherwise its default capability",
            .flow = true},
           effect.capability);
  v.choice({.name = "presence", .meaning = "the actor joins or leaves the system"}, effect.presence,
           &not_a_presence_change);
  v.change({.name = "status_quo",
            .meaning = "change of `issue`'s status quo (an interim deal, a new law); `add` and `scale` need one to "
                       "start from; names no actor",
            .flow = true},
           effect.status_quo);
  v.text({.name = "toward", .type = "actor id", .meaning = "the other actor of the relation `affinity` changes",
          .when = "for affinity"},
         effect.toward);
  v.change({.name = "affinity",
            .meaning = "change of the relation from `actor` toward `toward` (created at 0 when the scenario has none)",
            .flow = true},
           effect.affinity);
}

template <typename V, PartOf<Event> Part>
void fields(V& v, Part& event) {
  v.date({.name = "date", .need = Need::required, .meaning = "when it happened; must be after `start`"}, event.date);
  v.boolean({.name = "approximate", .meaning = "`true` when the day (or month) is an estimate"}, event.approximate,
            false);
  v.text({.name = "title", .need = Need::required, .meaning = "one line"}, event.title);
  v.text({.name = "description", .meaning = "free text"}, event.description);
  v.refs({.name = "sources", .need = Need::strict, .meaning = "where the event is reported"}, event.sources);
  v.list({.name = "effects", .need = Need::required, .type = "list of effect", .meaning = "at least one",
          .flow = true},
         event.effects);
}

// The spreads an uncertainty block or one of its overrides sets.
template <typename V, PartOf<Noise> Part>
void fields(V& v, Part& noise) {
  v.number({.name = "position",
            .meaning = "sd, in scale units; the draw is repeated until it falls on the scale",
            .bounds = kPositionNoise},
           noise.position);
  v.number({.name = "salience",
            .meaning = "sd; with `beta` (default) the salience is drawn from the beta distribution with that mean "
                       "and sd (when there is none — a salience of 0 or 1, or an sd too large — from the truncated "
                       "normal)",
            .bounds = kSalienceNoise},
           noise.salience);
  v.number({.name = "capability",
            .meaning = "sd of the natural log; one factor per actor and sample, applied to all its capabilities (the "
                       "actor's and its stances')",
            .bounds = kCapabilityNoise},
           noise.capability);
  v.number({.name = "dropout", .type = "probability", .meaning = "the actor takes no part in the sample",
            .bounds = kProbability},
           noise.dropout);
}

template <typename V, PartOf<NoiseOverride> Part>
void fields(V& v, Part& item) {
  // JSON has always written an override's spreads first.
  v.text({.name = "actor", .type = "actor id", .meaning = "the actor it applies to; none: every actor",
          .json_last = true},
         item.actor);
  v.text({.name = "issue", .type = "issue id", .meaning = "the issue it applies to; none: every issue",
          .json_last = true},
         item.issue);
  fields(v, item.noise);
}

template <typename V, PartOf<Uncertainty> Part>
void fields(V& v, Part& uncertainty) {
  fields(v, uncertainty.defaults);
  v.choice({.name = "salience_distribution",
            .meaning = "`beta` (default) or `normal` (truncated to [0, 1]), for drawing saliences",
            .json_always = true},
           uncertainty.salience_distribution, &not_a_distribution);
  v.list({.name = "overrides", .type = "list of override",
          .meaning = "later entries win over earlier ones and over the defaults; each names an `actor`, an `issue` "
                     "or both, and sets any of the four spreads; `capability` and `dropout` are per actor, so an "
                     "override with an `issue` cannot set them",
          .flow = true},
         uncertainty.overrides);
}

template <typename V, PartOf<Claim> Part>
void fields(V& v, Part& claim) {
  v.text({.name = "id", .need = Need::required, .type = "identifier", .meaning = "unique among the claims"},
         claim.id);
  v.text({.name = "text", .need = Need::required, .meaning = "the claim in the source's words"}, claim.text);
  v.json_only("kind", std::string(to_string(claim.kind)));
  v.text({.name = "issue", .type = "issue id", .meaning = "the issue it is about", .when = "for within/above/below"},
         claim.issue);
  v.text({.name = "model",
          .meaning = "the one model to check it against (`ensemble`: the headline only); default every model that "
                     "forecasts the issue, and the headline (`exchange` claims: the models whose indicators answer "
                     "them, the exchange model)"},
         claim.model);
  v.claim_test(claim);
  v.refs({.name = "sources", .meaning = "where the claim comes from"}, claim.sources);
  v.text({.name = "rationale", .meaning = "how its numbers were chosen"}, claim.rationale);
}

// The keys of a claim's test (claim_test), exactly one of which a claim has.
inline constexpr Key kWithin{.name = "within",
                             .type = "[low, high]",
                             .meaning = "the forecast lies in `[low, high]` (ends included); the numbers must lie on "
                                        "the issue's scale",
                             .when = "exactly one of the four",
                             .flow = true};
inline constexpr Key kAbove{.name = "above",
                            .type = "number",
                            .meaning = "the forecast is above the number (strictly)",
                            .when = "exactly one of the four"};
inline constexpr Key kBelow{.name = "below",
                            .type = "number",
                            .meaning = "the forecast is below the number (strictly)",
                            .when = "exactly one of the four"};
inline constexpr Key kExchange{
    .name = "exchange",
    .type = "map",
    .meaning = "`{actors: [A, B], issues: [P, Q]}`: A and B trade across P and Q (either may supply either issue) in "
               "some round of a model that reports trades (the exchange model)",
    .when = "exactly one of the four",
    .flow = true};

template <typename V, PartOf<Scenario> Part>
void fields(V& v, Part& scenario) {
  v.integer({.name = "parley", .need = Need::required, .meaning = "format version; must be `1`"},
            scenario.format_version);
  v.text({.name = "title", .need = Need::required, .meaning = "the scenario's title"}, scenario.title);
  v.text({.name = "description", .meaning = "free text"}, scenario.description);
  v.date({.name = "start", .meaning = "the date the stances describe; default `as_of`; must not be after `as_of`"},
         scenario.start);
  v.date({.name = "as_of", .need = Need::required, .meaning = "the date a run uses by default"}, scenario.as_of);
  v.list({.name = "sources", .type = "list of source", .meaning = "what the scenario cites"}, scenario.sources);
  v.list({.name = "actors", .need = Need::required, .type = "list of actor", .meaning = "at least one"},
         scenario.actors);
  v.list({.name = "issues", .need = Need::required, .type = "list of issue", .meaning = "at least one"},
         scenario.issues);
  v.list({.name = "relations",
          .type = "list of relation",
          .meaning = "directed affinities; `exchange` uses them (no trades between hostile actors, "
                     "`exchange.min_affinity`), the other models do not"},
         scenario.relations);
  v.list({.name = "events", .type = "list of event",
          .meaning = "dated changes, in any order (applied by date, then file order)"},
         scenario.events);
  v.object({.name = "uncertainty", .type = "map",
            .meaning = "how uncertain the judgements are, for `parley mc` ([below](#uncertainty))"},
           scenario.uncertainty);
  v.list({.name = "claims", .type = "list of claim",
          .meaning = "the source's claims about the outcome, checked by `parley mc` ([below](#claims))"},
         scenario.claims);
}

// ------------------------------------------------------------------ the keys of a part

// Collects the keys a part's mapping may have, in file order.
class KeyNames {
 public:
  template <typename Value>
  void text(const Key& key, Value& /*value*/) { add(key); }
  template <typename Value>
  void number(const Key& key, Value& /*value*/) { add(key); }
  void integer(const Key& key, const int& /*value*/) { add(key); }
  void boolean(const Key& key, const bool& /*value*/, bool /*fallback*/) { add(key); }
  template <typename Value>
  void date(const Key& key, Value& /*value*/) { add(key); }
  template <typename Value, typename Message>
  void choice(const Key& key, Value& /*value*/, Message /*invalid*/) { add(key); }
  void refs(const Key& key, const std::vector<SourceRef>& /*refs*/) { add(key); }
  template <typename Item>
  void list(const Key& key, const std::vector<Item>& /*items*/) { add(key); }
  template <typename Value>
  void object(const Key& key, Value& /*value*/) { add(key); }
  void stances(const Key& key, const std::vector<IssueStance>& /*stances*/) { add(key); }
  void change(const Key& key, const std::optional<Change>& /*change*/) { add(key); }
  void claim_test(const Claim& /*claim*/) {
    for (const Key* key : {&kWithin, &kAbove, &kBelow, &kExchange}) add(*key);
  }
  void json_only(std::string_view /*name*/, const std::string& /*value*/) {}

  [[nodiscard]] std::vector<std::string> names() const { return names_; }

 private:
  void add(const Key& key) { names_.emplace_back(key.name); }
  std::vector<std::string> names_;
};

template <typename Part>
[[nodiscard]] std::vector<std::string> key_names() {
  const Part part{};
  KeyNames collector;
  fields(collector, part);
  return collector.names();
}

// The keys of a claim's `exchange` and of a change (`set`, `add`, `scale`).
[[nodiscard]] inline std::vector<std::string> exchange_keys() {
  return {"actors", "issues"};
}
[[nodiscard]] inline std::vector<std::string> change_keys() {
  std::vector<std::string> keys;
  for (const auto& entry : kOperationNames) keys.emplace_back(entry.name);
  return keys;
}

}  // namespace parley::schema

#pragma once
// Event data in: GDELT 2.0 and GDELT 1.0 files read as a stream into one canonical record, CAMEO's
// declared lookups (Goldstein weights, quad classes), and each dyad's cooperation and conflict by
// period, with every rule stated (docs/events.md).

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parley/date.hpp"
#include "parley/distributor.hpp"
#include "parley/scenario.hpp"

namespace parley::io::events {

// The layouts read. GDELT 2.0: 61 tab-separated columns, no header. GDELT 1.0: 57 or 58
// tab-separated columns without a header (the daily files), or the comma-separated export with a
// header row and `NA` for empty (as BigQuery and the R packages write it). ICEWS: tab-separated with
// a header row (Event ID, Event Date, Source Name, ...), `NA` for empty, countries by name.
// Any of them plain or inside a zip archive (GDELT's 15-minute files).
enum class Format { gdelt2, gdelt1, icews };

[[nodiscard]] std::string_view to_string(Format format);
[[nodiscard]] std::optional<Format> parse_format(std::string_view text);

// One side of an event, as the file codes it.
// ICEWS gives a name, a country name and sectors: parley codes the country in ISO3 and the sectors
// as CAMEO type codes, and makes `code` of the two (AFGINS), docs/events.md#icews.
struct EventActor {
  std::string_view code;  // the full CAMEO actor code, e.g. USAGOV
  std::string_view name;
  std::string_view country;      // ISO 3166 alpha-3 (CAMEO's country code)
  std::string_view known_group;  // e.g. TAL
  std::string_view type1;
  std::string_view type2;
  std::string_view type3;
};

// The canonical record. Its text fields are views into the reader's buffer: valid only during the
// call that receives it. Codes are text: `010` is not `10`.
struct Event {
  std::string_view id;
  Date date;
  std::string_view date_added;
  EventActor source;
  EventActor target;
  std::string_view event_code;
  std::string_view base_code;
  std::string_view root_code;
  bool is_root = false;
  // As the file gives them. parley counts with its declared lookups (Cameo), never with these.
  std::string_view goldstein_given;
  std::string_view quad_given;
  int mentions = 0;
  int sources = 0;
  int articles = 0;
  double tone = 0.0;
  std::string_view action_country;  // FIPS 10-4 in GDELT, not ISO3
  std::string_view url;             // SOURCEURL (GDELT 2.0; GDELT 1.0 from April 2013); ICEWS: the story id
  std::size_t line = 0;             // in its file, from 1
  Format format = Format::gdelt2;   // the data set it comes from
};

struct ReadOptions {
  std::optional<Format> format;  // unset: told from the first line
  bool skip_bad = false;         // count and skip a malformed row instead of stopping at it
};

struct ReadCounts {
  std::size_t rows = 0;     // events handed on
  std::size_t skipped = 0;  // malformed rows skipped (skip_bad)
  std::size_t bytes = 0;
};

using EventSink = std::function<void(const Event&)>;

// Reads `path` a block at a time (memory flat in the file's size), handing each event to `sink` in
// file order. A malformed row — a wrong number of columns, a date or a number that is not one, a CAMEO
// code that is not digits — stops the read with ScenarioError at its file, line, column and column
// name (exit 65), unless `skip_bad`. Throws InputNotFoundError when the file is not there.
ReadCounts read_events(const std::filesystem::path& path, const ReadOptions& options, const EventSink& sink);
// The same from text in memory, named `name` in messages.
ReadCounts read_event_text(std::string_view text, const std::string& name, const ReadOptions& options,
                           const EventSink& sink);

// ------------------------------------------------------------------------------------------ CAMEO

// Goldstein weights: GDELT's lookup (the GoldsteinScale column of real GDELT rows), ICEWS's, or
// Phoenix's (which leaves some codes without one).
enum class GoldsteinTable { gdelt, icews, phoenix };
// Quad classes from the root code: GDELT's (roots 01-05 verbal cooperation, 06-09 material
// cooperation, 10-14 verbal conflict, 15-20 material conflict), the "standard" one (01-05, 06-08,
// 09-13, 14-20), or Phoenix's (01-02 neutral, class 0; 16 verbal conflict).
enum class QuadConvention { gdelt, standard, phoenix };

// A data set's own weights: GDELT's for GDELT files, ICEWS's (its Intensity column) for ICEWS files.
[[nodiscard]] GoldsteinTable own_goldstein_table(Format format);

[[nodiscard]] std::string_view to_string(GoldsteinTable table);
[[nodiscard]] std::optional<GoldsteinTable> parse_goldstein_table(std::string_view text);
[[nodiscard]] std::string_view to_string(QuadConvention convention);
[[nodiscard]] std::optional<QuadConvention> parse_quad_convention(std::string_view text);

// The CAMEO event codes with their weights and classes (data/cameo/cameo_eventcodes.tsv).
class Cameo {
 public:
  // The copy embedded in the binary.
  [[nodiscard]] static const Cameo& embedded();
  // A table in that file's layout; ScenarioError at the line of a bad row.
  [[nodiscard]] static Cameo parse(std::string_view text, const std::string& name);

  [[nodiscard]] bool known(std::string_view code) const;
  // nullopt for an unknown code, or one the table has no weight for.
  [[nodiscard]] std::optional<double> goldstein(std::string_view code, GoldsteinTable table) const;
  // The class of a root code ("01" .. "20"); nullopt for an unknown root.
  [[nodiscard]] std::optional<int> quad(std::string_view root, QuadConvention convention) const;
  [[nodiscard]] std::size_t size() const { return codes_.size(); }

 private:
  struct Code {
    std::string root;
    std::array<std::optional<double>, 3> goldstein;
    std::array<int, 3> quad{};
  };
  std::map<std::string, Code, std::less<>> codes_;
};

// ------------------------------------------------------------------------------------ actor maps

// One rule of an actor map: every key given must hold. `type` is any of the three type codes; `code`
// a prefix of the actor code; `name` a case-insensitive part of the actor name; `from` and `until`
// bound the event's date (inclusive).
struct ActorRule {
  std::optional<std::string> country;
  std::optional<std::string> known_group;
  std::optional<std::string> type;
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<Date> from;
  std::optional<Date> until;

  [[nodiscard]] bool matches(const EventActor& actor, const Date& date) const;
};

struct MappedActor {
  std::string id;
  std::vector<ActorRule> rules;
  int line = 0;  // where the actor's id is in its file, for messages
  int column = 0;
};

// From event actors to scenario actors: the first actor (in file order) with a matching rule; an
// event side that matches none has no actor. docs/events.md#actor-maps.
struct ActorMap {
  std::string name;  // the file, or the embedded map's name
  std::string description;
  std::vector<MappedActor> actors;

  [[nodiscard]] std::optional<std::string_view> actor_of(const EventActor& actor, const Date& date) const;
};

// Reads a map (YAML, `parley_event_map: 1`); every problem at its line, column and key (ScenarioError).
[[nodiscard]] ActorMap read_actor_map(std::string_view text, const std::string& file);
// The maps parley ships, by the scenario they are for ("pakistan-2023"); nullptr when there is none.
[[nodiscard]] const ActorMap* embedded_actor_map(std::string_view scenario);
// The ids a map names that `scenario` has no actor for (a map for another scenario).
[[nodiscard]] std::vector<std::string> unknown_actors(const ActorMap& map, const Scenario& scenario);

// ------------------------------------------------------------------------------------ aggregation

enum class Period { day, week, month, year };
// Duplicates: none; `day` keeps one event per (date, source actor code, target actor code, event
// code) — the same story told by many sources; `url` one per (source actor code, target actor code,
// URL). Both within one dyad: events that a map sends to different actors are never duplicates.
enum class Dedup { none, day, url };

[[nodiscard]] std::string_view to_string(Period period);
[[nodiscard]] std::optional<Period> parse_period(std::string_view text);
[[nodiscard]] std::string_view to_string(Dedup dedup);
[[nodiscard]] std::optional<Dedup> parse_dedup(std::string_view text);

// The deduplication rule, remembering the events it has seen.
class Duplicates {
 public:
  explicit Duplicates(Dedup rule) : rule_(rule) {}
  // True when `event`, between the actors `source` and `target` (the map's, or the country codes),
  // repeats one seen before under the rule. Never under Dedup::none, nor under url for an event
  // without a URL.
  [[nodiscard]] bool repeated(const Event& event, std::string_view source, std::string_view target);
  // The same in two steps: the key (empty when the event can never be a duplicate), which any thread
  // may compute, and whether a key was seen before (which records it).
  [[nodiscard]] std::string key(const Event& event, std::string_view source, std::string_view target) const;
  [[nodiscard]] bool repeated(std::string key);

 private:
  Dedup rule_;
  std::unordered_set<std::string> seen_;
};

// An event's two actors: by `map`, or their country codes when it is null; empty for a side without one.
[[nodiscard]] std::pair<std::string_view, std::string_view> actors_of(const Event& event, const ActorMap* map);

// The period an event's date falls in: 2020-11-13, 2020-W46 (ISO 8601 weeks), 2020-11, 2020.
[[nodiscard]] std::string period_of(const Date& date, Period period);
// The period as a number that orders periods as their labels do (days since 1970-01-01; ISO year ×
// 100 + week; year × 100 + month; year): what the aggregation keys by, labelling only at the end.
[[nodiscard]] long long period_index(const Date& date, Period period);

struct AggregateOptions {
  Period period = Period::month;
  Dedup dedup = Dedup::day;
  std::optional<GoldsteinTable> goldstein;  // unset: each event's data set's own (own_goldstein_table)
  QuadConvention quad = QuadConvention::gdelt;
  // Only these directed dyads (source, target); empty: every one.
  std::vector<std::pair<std::string, std::string>> dyads;
  // Actors by this map; null: an actor is its country code.
  const ActorMap* map = nullptr;
};

// One directed dyad in one period. Counts after deduplication, and before it.
struct DyadPeriod {
  std::string source;
  std::string target;
  std::string period;
  std::size_t events = 0;
  double goldstein_sum = 0.0;
  std::size_t weighted = 0;           // events with a Goldstein weight (all, but under Phoenix's table)
  std::array<std::size_t, 5> quad{};  // [class]: 0 Phoenix's neutral, 1 verbal cooperation ... 4 material conflict
  std::size_t events_before_dedup = 0;
  double goldstein_sum_before_dedup = 0.0;

  [[nodiscard]] double goldstein_mean() const;
  // (verbal + material cooperation) − (verbal + material conflict).
  [[nodiscard]] long long net_cooperation() const;
};

// What an aggregation saw, for every output to state.
struct AggregateCounts {
  std::size_t events = 0;         // read
  std::size_t without_actor = 0;  // a side without an actor (no country code; with a map, no rule): no dyad
  std::size_t other_dyads = 0;    // outside AggregateOptions::dyads
  std::size_t same_actor = 0;     // both sides the same actor
  std::size_t unknown_code = 0;   // an event code not in the CAMEO table: counted, without weight or class
  std::size_t duplicates = 0;     // dropped by the deduplication
  std::size_t counted = 0;        // in some dyad after deduplication
};

// Adds events one at a time (the reader's sink) and gives each dyad's periods. An actor is the map's
// (AggregateOptions::map), or its country code. Deterministic: the result depends on the events and their order only.
class Aggregator {
 public:
  // What the aggregation needs of one event, computed apart from adding it (by any thread: digest()
  // reads only the options and the tables), so that files can be read in parallel and their events
  // added in file order (aggregate_files).
  struct Digest {
    enum class Fate : unsigned char { dyad, without_actor, same_actor, other_dyad };
    Fate fate = Fate::dyad;
    bool known = true;  // the event code is in the CAMEO table
    std::string source;
    std::string target;
    long long period = 0;  // period_index
    Date date;             // the event's, for the period's label
    std::optional<double> weight;
    std::optional<int> quad;
    std::string duplicate_key;  // empty: never a duplicate
  };

  explicit Aggregator(AggregateOptions options, const Cameo& cameo = Cameo::embedded());

  void add(const Event& event);
  [[nodiscard]] Digest digest(const Event& event) const;
  void add(Digest digest);
  // Sorted by source, target, period.
  [[nodiscard]] std::vector<DyadPeriod> result() const;
  [[nodiscard]] const AggregateCounts& counts() const { return counts_; }

 private:
  using Key = std::tuple<std::string, std::string, long long>;  // source, target, period_index
  AggregateOptions options_;
  const Cameo& cameo_;
  std::map<Key, DyadPeriod> dyads_;
  Duplicates duplicates_;
  AggregateCounts counts_;
};

// Reads `files` on up to `threads` threads (0: every core), a file per thread at a time, and adds
// their events to `aggregator` in file order: the result is the one reading them one after another
// would give, whatever the thread count (duplicates across files included). Each thread holds at most
// a few blocks of digested events ahead of the file being added, so memory does not grow with the
// files' sizes. A file's error is thrown when its turn comes (the first in file order). Returns each
// file's counts.
std::vector<ReadCounts> aggregate_files(const std::vector<std::filesystem::path>& files, const ReadOptions& options,
                                        Aggregator& aggregator, unsigned threads = 1);
// The same over the processes of `distributor` (MPI ranks under parley-mpi): file i is read on
// process i mod P, one file at a time, and its digested events travel to the coordinator, which adds
// them in file order — the output is the same as on one process. On the other processes the
// aggregator stays empty and the result is empty. A file's digest must fit one message (2 GB).
std::vector<ReadCounts> aggregate_files(const std::vector<std::filesystem::path>& files, const ReadOptions& options,
                                        Aggregator& aggregator, const Distributor& distributor);

// dyads.csv: `source,target,period,events,goldstein_sum,goldstein_mean,verbal_coop,material_coop,
// verbal_conflict,material_conflict,net_coop,neutral,events_before_dedup,goldstein_sum_before_dedup,weighted`.
[[nodiscard]] std::string dyads_csv(const std::vector<DyadPeriod>& rows);

// ------------------------------------------------------------------------------------ suggestions

struct SuggestOptions {
  Period period = Period::day;  // the steps of each dyad's series, where a change point may fall
  Dedup dedup = Dedup::day;
  std::optional<GoldsteinTable> goldstein;  // unset: each event's data set's own (own_goldstein_table)
  std::size_t min_events = 5;               // a dyad needs this many events (after deduplication) to suggest anything
  double threshold = 0.25;                  // and a proposed affinity this far from the scenario's
  double shift = 2.0;                       // a change point: the mean Goldstein weight moves this much
  const ActorMap* map = nullptr;            // null: an actor is its country code
};

// One event behind a suggestion.
struct Evidence {
  std::string event_id;
  Date date;
  std::string source_code;
  std::string target_code;
  std::string event_code;
  double goldstein = 0.0;
  std::string url;
};

// A proposed change of a scenario's relation FROM -> TO, with the events behind it. `start_value`:
// the relation's value at the scenario's start (the evidence predates the start, or the scenario
// has no such relation); `event`: a dated event that sets the affinity.
struct Suggestion {
  enum class Kind { start_value, event };
  std::string id;  // S1, S2, ...
  Kind kind = Kind::start_value;
  std::string from;
  std::string to;
  Date date;   // the change point, or the evidence's last day
  Date first;  // the evidence's first and last days
  Date last;
  std::optional<double> current;  // the scenario's affinity there; none: no such relation
  double proposed = 0.0;
  std::size_t events = 0;  // behind the proposed value (after the change point, if any)
  double goldstein_mean = 0.0;
  std::string rule;  // which rule proposed it, in words
  std::vector<Evidence> evidence;
};

// Proposes relation values and dated changes for a scenario from event data. An event's actors are
// those of the map, or else its country codes, and count where a scenario actor has that id. For each
// directed pair of such actors with at least min_events events: the affinity is the mean Goldstein
// weight / 10 (clamped to [-1, 1]) — of the events after the series' change point when there is one
// (the split of the dyad's periods that moves the mean most, by at least `shift`, with min_events
// on each side), else of all — and it is proposed when it differs from the scenario's by `threshold`
// or more, or the scenario has no such relation. Deterministic: the suggestions depend on the events.
class Suggester {
 public:
  Suggester(const Scenario& scenario, SuggestOptions options, const Cameo& cameo = Cameo::embedded());
  void add(const Event& event);
  [[nodiscard]] std::vector<Suggestion> suggestions() const;
  [[nodiscard]] std::size_t matched() const { return matched_; }

 private:
  const Scenario& scenario_;
  SuggestOptions options_;
  const Cameo& cameo_;
  std::map<std::pair<std::string, std::string>, std::vector<Evidence>> dyads_;
  Duplicates duplicates_;
  std::size_t matched_ = 0;
};

// The scenario with the suggestions applied: relation values at the start (added when missing),
// dated events that set an affinity, each citing a new source `events` that names `files`.
[[nodiscard]] Scenario apply_suggestions(const Scenario& scenario, const std::vector<Suggestion>& suggestions,
                                         const std::vector<std::string>& files);

// suggestions.csv, evidence.csv, and the what-if lines (`--patch`) of the start values of
// relations the scenario has.
[[nodiscard]] std::string suggestions_csv(const std::vector<Suggestion>& suggestions);
[[nodiscard]] std::string evidence_csv(const std::vector<Suggestion>& suggestions);
[[nodiscard]] std::string suggestions_patch(const std::vector<Suggestion>& suggestions);

}  // namespace parley::io::events

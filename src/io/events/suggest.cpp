// Relation values and dated changes proposed from event data, each with its evidence
// (docs/events.md#suggestions). Nothing here changes a scenario the analyst has not reviewed: the
// caller writes the proposals and a changed copy.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "parley/io/events.hpp"
#include "parley/timeline.hpp"

namespace parley::io::events {
namespace {

double affinity_of(double goldstein_mean) {
  return std::clamp(std::round(goldstein_mean * 10.0) / 100.0, -1.0, 1.0);
}

double mean(const std::vector<Evidence>& evidence, std::size_t first, std::size_t last) {
  double sum = 0.0;
  for (std::size_t k = first; k < last; ++k) sum += evidence[k].goldstein;
  return last > first ? sum / static_cast<double>(last - first) : 0.0;
}

std::optional<double> relation_at(const Scenario& scenario, const std::string& from, const std::string& to,
                                  const Date& date) {
  const Scenario state = date > scenario.start_date() ? scenario_at(scenario, date) : scenario;
  for (const auto& relation : state.relations) {
    if (relation.from == from && relation.to == to) return relation.affinity;
  }
  return std::nullopt;
}

std::string csv_text(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

Suggester::Suggester(const Scenario& scenario, SuggestOptions options, const Cameo& cameo)
    : scenario_(scenario), options_(options), cameo_(cameo), duplicates_(options.dedup) {}

void Suggester::add(const Event& event) {
  const auto actors = actors_of(event, options_.map);
  const std::string_view source = actors.first;
  const std::string_view target = actors.second;
  if (source.empty() || target.empty() || source == target) return;
  if (scenario_.find_actor(std::string(source)) == nullptr || scenario_.find_actor(std::string(target)) == nullptr) {
    return;
  }
  const std::optional<double> weight =
      cameo_.goldstein(event.event_code, options_.goldstein.value_or(own_goldstein_table(event.format)));
  if (!weight) return;
  if (duplicates_.repeated(event, source, target)) return;
  ++matched_;
  dyads_[{std::string(source), std::string(target)}].push_back(
      {std::string(event.id), event.date, std::string(event.source.code), std::string(event.target.code),
       std::string(event.event_code), *weight, std::string(event.url)});
}

std::vector<Suggestion> Suggester::suggestions() const {
  std::vector<Suggestion> out;
  for (const auto& [dyad, unsorted] : dyads_) {
    if (unsorted.size() < options_.min_events) continue;
    std::vector<Evidence> evidence = unsorted;
    std::stable_sort(evidence.begin(), evidence.end(),
                     [](const Evidence& a, const Evidence& b) { return a.date < b.date; });
    // The change point: the period boundary that moves the mean most, with min_events on each side.
    std::size_t split = 0;
    double best = 0.0;
    for (std::size_t k = 1; k < evidence.size(); ++k) {
      if (period_of(evidence[k].date, options_.period) == period_of(evidence[k - 1].date, options_.period)) continue;
      if (k < options_.min_events || evidence.size() - k < options_.min_events) continue;
      const double move = std::fabs(mean(evidence, k, evidence.size()) - mean(evidence, 0, k));
      if (move >= options_.shift && move > best) {
        best = move;
        split = k;
      }
    }
    Suggestion suggestion;
    suggestion.from = dyad.first;
    suggestion.to = dyad.second;
    suggestion.first = evidence.front().date;
    suggestion.last = evidence.back().date;
    suggestion.date = split > 0 ? evidence[split].date : evidence.back().date;
    suggestion.events = evidence.size() - split;
    suggestion.goldstein_mean = mean(evidence, split, evidence.size());
    suggestion.proposed = affinity_of(suggestion.goldstein_mean);
    suggestion.current = relation_at(scenario_, dyad.first, dyad.second, suggestion.date);
    if (suggestion.current && std::fabs(suggestion.proposed - *suggestion.current) < options_.threshold) continue;
    const bool after_start = suggestion.date > scenario_.start_date();
    suggestion.kind = after_start && suggestion.current ? Suggestion::Kind::event : Suggestion::Kind::start_value;
    suggestion.rule =
        split > 0 ? fmt::format("change point on {}: mean Goldstein {:.2f} before, {:.2f} from then ({} and {} events)",
                                suggestion.date.to_string(), mean(evidence, 0, split), suggestion.goldstein_mean, split,
                                suggestion.events)
                  : fmt::format("mean Goldstein {:.2f} of {} events, {} to {}", suggestion.goldstein_mean,
                                suggestion.events, suggestion.first.to_string(), suggestion.last.to_string());
    suggestion.evidence.assign(evidence.begin() + static_cast<std::ptrdiff_t>(split), evidence.end());
    out.push_back(std::move(suggestion));
  }
  for (std::size_t k = 0; k < out.size(); ++k) out[k].id = fmt::format("S{}", k + 1);
  return out;
}

Scenario apply_suggestions(const Scenario& scenario, const std::vector<Suggestion>& suggestions,
                           const std::vector<std::string>& files) {
  Scenario changed = scenario;
  if (suggestions.empty()) return changed;
  std::string id = "events";
  while (std::any_of(changed.sources.begin(), changed.sources.end(), [&](const Source& s) { return s.id == id; })) {
    id += "_";
  }
  Source source;
  source.id = id;
  source.citation = fmt::format("Event data ({}), proposed by `parley events suggest`", fmt::join(files, ", "));
  source.note = "affinity = mean Goldstein weight / 10; the events behind each value are in evidence.csv";
  changed.sources.push_back(source);
  for (const Suggestion& s : suggestions) {
    const std::string why =
        fmt::format("{} (suggestion {} of parley events suggest; its events in evidence.csv)", s.rule, s.id);
    if (s.kind == Suggestion::Kind::event) {
      parley::Event event;
      event.date = s.date;
      event.title = fmt::format("Event data: {}'s affinity toward {} moves to {:.2f}", s.from, s.to, s.proposed);
      event.description = why;
      event.sources.push_back({id, s.id});
      Effect effect;
      effect.actor = s.from;
      effect.toward = s.to;
      effect.affinity = Change{Operation::set, s.proposed};
      event.effects.push_back(effect);
      changed.events.push_back(std::move(event));
      continue;
    }
    const auto found = std::find_if(changed.relations.begin(), changed.relations.end(),
                                    [&](const Relation& r) { return r.from == s.from && r.to == s.to; });
    if (found == changed.relations.end()) {
      changed.relations.push_back({s.from, s.to, s.proposed, {{id, s.id}}, why});
    } else {
      found->affinity = s.proposed;
      found->sources.push_back({id, s.id});
      found->rationale = (found->rationale.empty() ? "" : found->rationale + "; ") + why;
    }
  }
  return changed;
}

std::string suggestions_csv(const std::vector<Suggestion>& suggestions) {
  std::string out = "id,kind,from,to,date,first,last,current,proposed,events,goldstein_mean,rule\n";
  for (const Suggestion& s : suggestions) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{:.4f},{}\n", s.id,
                       s.kind == Suggestion::Kind::event ? "event" : "start_value", s.from, s.to, s.date.to_string(),
                       s.first.to_string(), s.last.to_string(), s.current ? fmt::format("{}", *s.current) : "",
                       s.proposed, s.events, s.goldstein_mean, csv_text(s.rule));
  }
  return out;
}

std::string evidence_csv(const std::vector<Suggestion>& suggestions) {
  std::string out = "suggestion,event_id,date,source_code,target_code,event_code,goldstein,url\n";
  for (const Suggestion& s : suggestions) {
    for (const Evidence& e : s.evidence) {
      out += fmt::format("{},{},{},{},{},{},{},{}\n", s.id, csv_text(e.event_id), e.date.to_string(),
                         csv_text(e.source_code), csv_text(e.target_code), e.event_code, e.goldstein, csv_text(e.url));
    }
  }
  return out;
}

std::string suggestions_patch(const std::vector<Suggestion>& suggestions) {
  std::string out =
      "# parley events suggest: the start values of relations the scenario has (use with --patch).\n"
      "# New relations and dated events are in scenario.yaml; every value's events are in evidence.csv.\n";
  for (const Suggestion& s : suggestions) {
    if (s.kind != Suggestion::Kind::start_value || !s.current) continue;
    out += fmt::format("# {}: {}\nrelations.{}.{}.affinity={}\n", s.id, s.rule, s.from, s.to, s.proposed);
  }
  return out;
}

}  // namespace parley::io::events

// Each directed dyad's cooperation and conflict by period, duplicates dropped by a stated rule
// (docs/events.md).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "parley/io/events.hpp"

namespace parley::io::events {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long long>(era) * 146097 + doe - 719468;
}

// ISO 8601: Monday = 1 .. Sunday = 7.
int weekday(long long days) {
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}  // 1970-01-01: Thursday

// A number as the CSV writes it: rounded to 4 decimals (Goldstein weights have one), shortest form.
std::string number(double value) {
  const double rounded = std::round(value * 1e4) / 1e4;
  return fmt::format("{}", rounded == 0.0 ? 0.0 : rounded);
}

}  // namespace

namespace {

// The ISO 8601 week of a date: its year (the week's Thursday decides it) and number.
std::pair<int, long long> iso_week(const Date& date) {
  const long long days = days_from_civil(date.year, date.month, date.day);
  const long long thursday = days - weekday(days) + 4;
  int year = date.year + 1;
  while (days_from_civil(year, 1, 1) > thursday) --year;
  return {year, (thursday - days_from_civil(year, 1, 1)) / 7 + 1};
}

}  // namespace

std::string period_of(const Date& date, Period period) {
  switch (period) {
    case Period::day:
      return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
    case Period::month:
      return fmt::format("{:04}-{:02}", date.year, date.month);
    case Period::year:
      return fmt::format("{:04}", date.year);
    case Period::week:
      break;
  }
  const auto [year, week] = iso_week(date);
  return fmt::format("{:04}-W{:02}", year, week);
}

long long period_index(const Date& date, Period period) {
  switch (period) {
    case Period::day:
      return days_from_civil(date.year, date.month, date.day);
    case Period::month:
      return date.year * 100LL + date.month;
    case Period::year:
      return date.year;
    case Period::week:
      break;
  }
  const auto [year, week] = iso_week(date);
  return year * 100LL + week;
}

double DyadPeriod::goldstein_mean() const {
  return weighted > 0 ? goldstein_sum / static_cast<double>(weighted) : 0.0;
}

long long DyadPeriod::net_cooperation() const {
  return static_cast<long long>(quad[1] + quad[2]) - static_cast<long long>(quad[3] + quad[4]);
}

std::string Duplicates::key(const Event& event, std::string_view source, std::string_view target) const {
  if (rule_ == Dedup::none || (rule_ == Dedup::url && event.url.empty())) return {};  // no URL: no duplicate
  // Each part with its length before it, so that no two different events share a key whatever their
  // fields hold (a tab inside a quoted field included). Built by hand, not by fmt: this runs per event.
  std::array<char, 24> day{};
  const auto end = std::to_chars(day.begin(), day.end(), period_index(event.date, Period::day)).ptr;
  const std::string_view when = rule_ == Dedup::day ? std::string_view(day.begin(), end) : event.url;
  const std::string_view what = rule_ == Dedup::day ? event.event_code : std::string_view{};
  std::string key;
  key.reserve(source.size() + target.size() + when.size() + event.source.code.size() + event.target.code.size() +
              what.size() + 24);
  for (const std::string_view part : {source, target, when, event.source.code, event.target.code, what}) {
    const auto size = static_cast<std::uint32_t>(part.size());
    key.append(reinterpret_cast<const char*>(&size), sizeof size);
    key.append(part);
  }
  return key;
}

bool Duplicates::repeated(std::string key) {
  return !key.empty() && !seen_.insert(std::move(key)).second;
}

bool Duplicates::repeated(const Event& event, std::string_view source, std::string_view target) {
  return repeated(key(event, source, target));
}

std::pair<std::string_view, std::string_view> actors_of(const Event& event, const ActorMap* map) {
  if (map == nullptr) return {event.source.country, event.target.country};
  return {map->actor_of(event.source, event.date).value_or(std::string_view{}),
          map->actor_of(event.target, event.date).value_or(std::string_view{})};
}

Aggregator::Aggregator(AggregateOptions options, const Cameo& cameo)
    : options_(std::move(options)), cameo_(cameo), duplicates_(options_.dedup) {}

void Aggregator::add(const Event& event) {
  add(digest(event));
}

Aggregator::Digest Aggregator::digest(const Event& event) const {
  Digest digest;
  const auto actors = actors_of(event, options_.map);
  const std::string_view source = actors.first;
  const std::string_view target = actors.second;
  if (source.empty() || target.empty()) {
    digest.fate = Digest::Fate::without_actor;
    return digest;
  }
  if (source == target) {
    digest.fate = Digest::Fate::same_actor;
    return digest;
  }
  if (!options_.dyads.empty() && std::none_of(options_.dyads.begin(), options_.dyads.end(), [&](const auto& dyad) {
        return dyad.first == source && dyad.second == target;
      })) {
    digest.fate = Digest::Fate::other_dyad;
    return digest;
  }
  digest.weight = cameo_.goldstein(event.event_code, options_.goldstein.value_or(own_goldstein_table(event.format)));
  digest.known = cameo_.known(event.event_code);
  // The class comes from the event code's root, never from the file's QuadClass column.
  digest.quad = cameo_.quad(event.event_code.substr(0, 2), options_.quad);
  digest.source = source;
  digest.target = target;
  digest.period = period_index(event.date, options_.period);
  digest.date = event.date;
  digest.duplicate_key = duplicates_.key(event, source, target);
  return digest;
}

void Aggregator::add(Digest digest) {
  ++counts_.events;
  switch (digest.fate) {
    case Digest::Fate::without_actor:
      ++counts_.without_actor;
      return;
    case Digest::Fate::same_actor:
      ++counts_.same_actor;
      return;
    case Digest::Fate::other_dyad:
      ++counts_.other_dyads;
      return;
    case Digest::Fate::dyad:
      break;
  }
  if (!digest.known) ++counts_.unknown_code;
  Key key{std::move(digest.source), std::move(digest.target), digest.period};
  auto [found, inserted] = dyads_.try_emplace(std::move(key));
  DyadPeriod& dyad = found->second;
  if (inserted) {
    dyad.source = std::get<0>(found->first);
    dyad.target = std::get<1>(found->first);
    dyad.period = period_of(digest.date, options_.period);  // every date of the period gives this label
  }
  ++dyad.events_before_dedup;
  if (digest.weight) dyad.goldstein_sum_before_dedup += *digest.weight;
  if (duplicates_.repeated(std::move(digest.duplicate_key))) {
    ++counts_.duplicates;
    return;
  }
  ++counts_.counted;
  ++dyad.events;
  if (digest.weight) {
    dyad.goldstein_sum += *digest.weight;
    ++dyad.weighted;
  }
  if (digest.quad) ++dyad.quad[static_cast<std::size_t>(*digest.quad)];
}

std::vector<DyadPeriod> Aggregator::result() const {
  std::vector<DyadPeriod> rows;
  rows.reserve(dyads_.size());
  for (const auto& [key, dyad] : dyads_) rows.push_back(dyad);
  return rows;
}

std::string dyads_csv(const std::vector<DyadPeriod>& rows) {
  std::string out =
      "source,target,period,events,goldstein_sum,goldstein_mean,verbal_coop,material_coop,verbal_conflict,"
      "material_conflict,net_coop,neutral,events_before_dedup,goldstein_sum_before_dedup,weighted\n";
  for (const DyadPeriod& row : rows) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", row.source, row.target, row.period, row.events,
                       number(row.goldstein_sum), number(row.goldstein_mean()), row.quad[1], row.quad[2], row.quad[3],
                       row.quad[4], row.net_cooperation(), row.quad[0], row.events_before_dedup,
                       number(row.goldstein_sum_before_dedup), row.weighted);
  }
  return out;
}

}  // namespace parley::io::events

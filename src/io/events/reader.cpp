// GDELT 2.0 and 1.0 files into the canonical event record, a block at a time (docs/events.md).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>

#include "parley/errors.hpp"
#include "parley/io/events.hpp"

namespace parley::io::events {
namespace {

constexpr std::size_t kMaxColumns = 64;
constexpr std::size_t kBlock = std::size_t{1} << 20;  // bytes read at a time

// Where each field of the record is in a row, and how a row is split.
struct Layout {
  Format format = Format::gdelt2;
  std::size_t columns = 61;  // exactly; a GDELT 1.0 tab file may have 57 (before April 2013)
  std::size_t min_columns = 61;
  char separator = '\t';
  bool quoted = false;  // the comma-separated export: "..." fields, NA for empty
  std::size_t id = 0, date = 1;
  std::array<std::size_t, 7> source{5, 6, 7, 8, 12, 13, 14};  // code name country group type1..3
  std::array<std::size_t, 7> target{15, 16, 17, 18, 22, 23, 24};
  std::size_t is_root = 25, event = 26, base = 27, root = 28, quad = 29, goldstein = 30;
  std::size_t mentions = 31, sources = 32, articles = 33, tone = 34;
  std::size_t action_country = 53, date_added = 59, url = 60;  // url == columns: none
};

Layout gdelt2_layout() {
  return {};
}

Layout gdelt1_layout(std::size_t columns) {
  Layout layout;
  layout.format = Format::gdelt1;
  layout.columns = columns;
  layout.min_columns = 57;
  layout.action_country = 51;
  layout.date_added = 56;
  layout.url = 57;
  return layout;
}

// The names of GDELT's columns, for messages and for reading a header.
constexpr std::array<const char*, 61> kGdelt2Names{"GLOBALEVENTID",
                                                   "SQLDATE",
                                                   "MonthYear",
                                                   "Year",
                                                   "FractionDate",
                                                   "Actor1Code",
                                                   "Actor1Name",
                                                   "Actor1CountryCode",
                                                   "Actor1KnownGroupCode",
                                                   "Actor1EthnicCode",
                                                   "Actor1Religion1Code",
                                                   "Actor1Religion2Code",
                                                   "Actor1Type1Code",
                                                   "Actor1Type2Code",
                                                   "Actor1Type3Code",
                                                   "Actor2Code",
                                                   "Actor2Name",
                                                   "Actor2CountryCode",
                                                   "Actor2KnownGroupCode",
                                                   "Actor2EthnicCode",
                                                   "Actor2Religion1Code",
                                                   "Actor2Religion2Code",
                                                   "Actor2Type1Code",
                                                   "Actor2Type2Code",
                                                   "Actor2Type3Code",
                                                   "IsRootEvent",
                                                   "EventCode",
                                                   "EventBaseCode",
                                                   "EventRootCode",
                                                   "QuadClass",
                                                   "GoldsteinScale",
                                                   "NumMentions",
                                                   "NumSources",
                                                   "NumArticles",
                                                   "AvgTone",
                                                   "Actor1Geo_Type",
                                                   "Actor1Geo_FullName",
                                                   "Actor1Geo_CountryCode",
                                                   "Actor1Geo_ADM1Code",
                                                   "Actor1Geo_ADM2Code",
                                                   "Actor1Geo_Lat",
                                                   "Actor1Geo_Long",
                                                   "Actor1Geo_FeatureID",
                                                   "Actor2Geo_Type",
                                                   "Actor2Geo_FullName",
                                                   "Actor2Geo_CountryCode",
                                                   "Actor2Geo_ADM1Code",
                                                   "Actor2Geo_ADM2Code",
                                                   "Actor2Geo_Lat",
                                                   "Actor2Geo_Long",
                                                   "Actor2Geo_FeatureID",
                                                   "ActionGeo_Type",
                                                   "ActionGeo_FullName",
                                                   "ActionGeo_CountryCode",
                                                   "ActionGeo_ADM1Code",
                                                   "ActionGeo_ADM2Code",
                                                   "ActionGeo_Lat",
                                                   "ActionGeo_Long",
                                                   "ActionGeo_FeatureID",
                                                   "DATEADDED",
                                                   "SOURCEURL"};

// GDELT 1.0's layout by the names of a header row (the comma-separated export).
Layout layout_from_header(const std::vector<std::string>& names, const std::string& file) {
  Layout layout = gdelt1_layout(names.size());
  layout.min_columns = names.size();
  layout.separator = ',';
  layout.quoted = true;
  const auto index = [&](std::string_view name, bool required = true) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
      if (!required) return names.size();
      throw ScenarioError(diagnostic_at(file, 1, 1, std::string(name),
                                        "the header has no such column (a GDELT 1.0 export names GDELT's columns)"));
    }
    return static_cast<std::size_t>(found - names.begin());
  };
  layout.id = index("GLOBALEVENTID");
  layout.date = index("SQLDATE");
  const std::array<const char*, 7> fields{"Code",      "Name",      "CountryCode", "KnownGroupCode",
                                          "Type1Code", "Type2Code", "Type3Code"};
  for (std::size_t f = 0; f < fields.size(); ++f) {
    layout.source[f] = index(std::string("Actor1") + fields[f]);
    layout.target[f] = index(std::string("Actor2") + fields[f]);
  }
  layout.is_root = index("IsRootEvent");
  layout.event = index("EventCode");
  layout.base = index("EventBaseCode");
  layout.root = index("EventRootCode");
  layout.quad = index("QuadClass");
  layout.goldstein = index("GoldsteinScale");
  layout.mentions = index("NumMentions");
  layout.sources = index("NumSources");
  layout.articles = index("NumArticles");
  layout.tone = index("AvgTone");
  layout.action_country = index("ActionGeo_CountryCode");
  layout.date_added = index("DATEADDED");
  layout.url = index("SOURCEURL", false);
  return layout;
}

// A row's fields. Quoted fields with doubled quotes are rewritten into `unquoted` (rare): a deque,
// so that adding one leaves the views of the others in place.
struct Fields {
  std::array<std::string_view, kMaxColumns> at{};
  std::array<std::size_t, kMaxColumns> column{};  // each field's first byte, from 1
  std::size_t count = 0;
  std::deque<std::string> unquoted;
};

void split_tabs(std::string_view line, Fields& fields) {
  fields.count = 0;
  std::size_t start = 0;
  while (true) {
    const void* found = std::memchr(line.data() + start, '\t', line.size() - start);
    const std::size_t end =
        found == nullptr ? line.size() : static_cast<std::size_t>(static_cast<const char*>(found) - line.data());
    if (fields.count < kMaxColumns) {
      fields.at[fields.count] = line.substr(start, end - start);
      fields.column[fields.count] = start + 1;
    }
    ++fields.count;
    if (found == nullptr) return;
    start = end + 1;
  }
}

// Comma-separated with "..." fields ("" inside for a quote) and NA for empty.
void split_quoted(std::string_view line, Fields& fields) {
  fields.count = 0;
  fields.unquoted.clear();
  std::size_t k = 0;
  while (true) {
    const std::size_t start = k;
    std::string_view value;
    if (k < line.size() && line[k] == '"') {
      std::string text;
      bool doubled = false;
      std::size_t i = k + 1;
      const std::size_t first = i;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            doubled = true;
            text += '"';
            i += 2;
            continue;
          }
          break;
        }
        text += line[i];
        ++i;
      }
      if (doubled) {
        fields.unquoted.push_back(std::move(text));
        value = fields.unquoted.back();
      } else {
        value = line.substr(first, i - first);
      }
      k = std::min(line.size(), i + 1);
    } else {
      const std::size_t end = std::min(line.find(',', k), line.size());
      value = line.substr(k, end - k);
      if (value == "NA") value = {};
      k = end;
    }
    if (fields.count < kMaxColumns) {
      fields.at[fields.count] = value;
      fields.column[fields.count] = start + 1;
    }
    ++fields.count;
    if (k >= line.size() || line[k] != ',') return;
    ++k;
  }
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
  return day <= days;
}

class Reader {
 public:
  Reader(std::string name, const ReadOptions& options, const EventSink& sink)
      : name_(std::move(name)), options_(options), sink_(sink) {}

  // One line, without its end of line.
  void line(std::string_view text) {
    ++line_;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) return;
    if (!layout_) {
      choose_layout(text);
      if (layout_->quoted) return;  // the header row
    }
    row(text);
  }

  [[nodiscard]] ReadCounts counts() const { return counts_; }
  void add_bytes(std::size_t bytes) { counts_.bytes += bytes; }

 private:
  void choose_layout(std::string_view first) {
    const bool header = first.starts_with("\"GLOBALEVENTID\"") || first.starts_with("GLOBALEVENTID,");
    if (header) {
      split_quoted(first, fields_);
      std::vector<std::string> names;
      for (std::size_t f = 0; f < std::min(fields_.count, kMaxColumns); ++f) names.emplace_back(fields_.at[f]);
      layout_ = layout_from_header(names, name_);
      if (options_.format && *options_.format != Format::gdelt1) {
        throw ScenarioError(
            diagnostic_at(name_, 1, 1, "format", "a GDELT 1.0 export with a header, not the format given (--format)"));
      }
      return;
    }
    split_tabs(first, fields_);
    const std::size_t n = fields_.count;
    Format format = n == 61 ? Format::gdelt2 : Format::gdelt1;
    if (options_.format) format = *options_.format;
    if (format == Format::gdelt2) {
      layout_ = gdelt2_layout();
    } else {
      layout_ = gdelt1_layout(n == 58 ? 58 : 57);
    }
    if (!options_.format && n != 61 && n != 57 && n != 58) {
      throw ScenarioError(diagnostic_at(
          name_, static_cast<int>(line_), 1, "format",
          fmt::format("{} tab-separated columns: neither GDELT 2.0 (61) nor GDELT 1.0 (57 or 58); give --format, or "
                      "check that this is a GDELT events file",
                      n)));
    }
  }

  [[noreturn]] void fail(std::size_t field, const std::string& message) const {
    const auto column = static_cast<int>(field < kMaxColumns ? fields_.column[field] : 1);
    const std::string key = field < kGdelt2Names.size() && layout_->format == Format::gdelt2
                                ? kGdelt2Names[field]
                                : fmt::format("column {}", field + 1);
    throw ScenarioError(diagnostic_at(name_, static_cast<int>(line_), column, key, message));
  }

  // A malformed row: an error, or counted and skipped under skip_bad. Returns false to skip.
  bool bad(std::size_t field, const std::string& message) {
    if (!options_.skip_bad) fail(field, message);
    ++counts_.skipped;
    return false;
  }

  int integer(std::size_t field, bool& ok) {
    const std::string_view text = fields_.at[field];
    int value = 0;
    if (text.empty()) return 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
      ok = bad(field, fmt::format("'{}' is not a whole number", text));
    }
    return value;
  }

  void row(std::string_view text) {
    const Layout& layout = *layout_;
    if (layout.quoted) {
      split_quoted(text, fields_);
    } else {
      split_tabs(text, fields_);
    }
    const std::size_t n = fields_.count;
    if (n < layout.min_columns || n > std::max(layout.columns, layout.min_columns) || n > kMaxColumns) {
      const std::string message = fmt::format(
          "{} columns where {} has {}", n, layout.format == Format::gdelt2 ? "GDELT 2.0" : "GDELT 1.0",
          layout.columns == layout.min_columns ? fmt::format("{}", layout.columns)
                                               : fmt::format("{} or {}", layout.min_columns, layout.columns));
      if (!options_.skip_bad) throw ScenarioError(diagnostic_at(name_, static_cast<int>(line_), 1, "columns", message));
      ++counts_.skipped;
      return;
    }
    const auto at = [&](std::size_t field) { return field < n ? fields_.at[field] : std::string_view{}; };
    Event& event = event_;
    event.line = line_;
    event.id = at(layout.id);
    const std::string_view date = at(layout.date);
    if (date.size() != 8 || !all_digits(date)) {
      bad(layout.date, fmt::format("'{}' is not a date written YYYYMMDD", date));
      return;
    }
    const int year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
    const int month = (date[4] - '0') * 10 + (date[5] - '0');
    const int day = (date[6] - '0') * 10 + (date[7] - '0');
    if (!valid_date(year, month, day)) {
      bad(layout.date, fmt::format("'{}' is not a day of the calendar", date));
      return;
    }
    event.date = Date{year, month, day};
    EventActor* sides[2] = {&event.source, &event.target};
    const std::array<std::size_t, 7>* columns[2] = {&layout.source, &layout.target};
    for (std::size_t s = 0; s < 2; ++s) {
      const auto& c = *columns[s];
      *sides[s] = EventActor{at(c[0]), at(c[1]), at(c[2]), at(c[3]), at(c[4]), at(c[5]), at(c[6])};
    }
    event.event_code = at(layout.event);
    event.base_code = at(layout.base);
    event.root_code = at(layout.root);
    if (!all_digits(event.event_code) || event.event_code.size() < 2 || event.event_code.size() > 4) {
      bad(layout.event,
          fmt::format("'{}' is not a CAMEO event code (2 to 4 digits, leading zeros kept)", event.event_code));
      return;
    }
    // A code read as a number loses its leading zero (043 becomes 43): the root code, two digits, must
    // begin it.
    if (event.root_code.size() != 2 || !all_digits(event.root_code) || !event.event_code.starts_with(event.root_code)) {
      bad(layout.root, fmt::format("root code '{}' does not begin event code '{}' (two digits: were the codes read as "
                                   "numbers and their leading zeros lost?)",
                                   event.root_code, event.event_code));
      return;
    }
    const std::string_view root = at(layout.is_root);
    if (root != "0" && root != "1") {
      bad(layout.is_root, fmt::format("'{}' is not 0 or 1", root));
      return;
    }
    event.is_root = root == "1";
    event.quad_given = at(layout.quad);
    event.goldstein_given = at(layout.goldstein);
    bool ok = true;
    event.mentions = integer(layout.mentions, ok);
    if (ok) event.sources = integer(layout.sources, ok);
    if (ok) event.articles = integer(layout.articles, ok);
    if (!ok) return;
    const std::string_view tone = at(layout.tone);
    event.tone = 0.0;
    if (!tone.empty()) {
      const auto [end, error] = std::from_chars(tone.data(), tone.data() + tone.size(), event.tone);
      if (error != std::errc{} || end != tone.data() + tone.size()) {
        bad(layout.tone, fmt::format("'{}' is not a number", tone));
        return;
      }
    }
    event.action_country = at(layout.action_country);
    event.date_added = at(layout.date_added);
    event.url = at(layout.url);
    ++counts_.rows;
    sink_(event);
  }

  std::string name_;
  const ReadOptions& options_;
  const EventSink& sink_;
  std::optional<Layout> layout_;
  Fields fields_;
  Event event_;
  std::size_t line_ = 0;
  ReadCounts counts_;
};

// Hands each complete line of `text` to the reader; returns where the unfinished last line starts.
std::size_t lines(std::string_view text, Reader& reader) {
  std::size_t start = 0;
  while (true) {
    const void* found = std::memchr(text.data() + start, '\n', text.size() - start);
    if (found == nullptr) return start;
    const auto end = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    reader.line(text.substr(start, end - start));
    start = end + 1;
  }
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

ReadCounts read_event_text(std::string_view text, const std::string& name, const ReadOptions& options,
                           const EventSink& sink) {
  Reader reader(name, options, sink);
  const std::size_t rest = lines(text, reader);
  if (rest < text.size()) reader.line(text.substr(rest));
  reader.add_bytes(text.size());
  return reader.counts();
}

ReadCounts read_events(const std::filesystem::path& path, const ReadOptions& options, const EventSink& sink) {
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int error = errno;
    if (error == ENOENT) throw InputNotFoundError(fmt::format("{}: no such file", path.string()));
    throw InputNotFoundError(fmt::format("{}: cannot be read: {}", path.string(), std::strerror(error)));
  }
  Reader reader(path.string(), options, sink);
  std::vector<char> buffer(kBlock);
  std::size_t kept = 0;  // an unfinished line carried to the front of the buffer
  while (true) {
    if (kept == buffer.size()) buffer.resize(buffer.size() * 2);  // a line longer than the block
    const std::size_t got = std::fread(buffer.data() + kept, 1, buffer.size() - kept, file.get());
    reader.add_bytes(got);
    const std::string_view text(buffer.data(), kept + got);
    if (got == 0) {
      if (std::ferror(file.get()) != 0) {
        throw InputNotFoundError(fmt::format("{}: reading failed: {}", path.string(), std::strerror(errno)));
      }
      if (!text.empty()) reader.line(text);
      break;
    }
    const std::size_t rest = lines(text, reader);
    kept = text.size() - rest;
    std::memmove(buffer.data(), buffer.data() + rest, kept);
  }
  return reader.counts();
}

std::string_view to_string(Format format) {
  return format == Format::gdelt2 ? "gdelt2" : "gdelt1";
}

std::optional<Format> parse_format(std::string_view text) {
  if (text == "gdelt2") return Format::gdelt2;
  if (text == "gdelt1") return Format::gdelt1;
  return std::nullopt;
}

}  // namespace parley::io::events

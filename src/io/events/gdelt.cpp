// GDELT's events files (2.0: 61 tab-separated columns; 1.0: 57 or 58, or the headed comma-separated
// export) into the canonical record (docs/events.md#formats).

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "io/events/rows.hpp"
#include "parley/errors.hpp"

namespace parley::io::events::detail {
namespace {

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
constexpr std::array<std::string_view, 61> kGdelt2Names{"GLOBALEVENTID",
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
Layout layout_from_header(const Header& header) {
  const std::size_t columns = header.names().size();
  Layout layout = gdelt1_layout(columns);
  layout.min_columns = columns;
  layout.separator = ',';
  layout.quoted = true;
  const auto index = [&](std::string_view name, bool required = true) { return header.index(name, required); };
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

// GDELT 1.0's columns: GDELT 2.0's without the three ADM2 codes.
std::vector<std::string> gdelt1_names() {
  std::vector<std::string> names;
  for (const std::string_view name : kGdelt2Names) {
    if (!name.ends_with("ADM2Code")) names.emplace_back(name);
  }
  return names;
}

class GdeltParser final : public RowParser {
 public:
  GdeltParser(Layout layout, std::vector<std::string> names, const std::string& file, const ReadOptions& options)
      : RowParser(file, options), layout_(layout), names_(std::move(names)) {}

  bool parse(std::string_view text, std::size_t line, Event& event) override {
    line_ = line;
    const Layout& layout = layout_;
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
      return bad_columns(message);
    }
    const auto at = [&](std::size_t field) { return field < n ? fields_.at[field] : std::string_view{}; };
    event.line = line;
    event.format = layout.format;
    event.id = at(layout.id);
    const std::string_view date = at(layout.date);
    if (date.size() != 8 || !all_digits(date)) {
      bad(layout.date, fmt::format("'{}' is not a date written YYYYMMDD", date));
      return false;
    }
    const int year = digits_value(date.substr(0, 4));
    const int month = digits_value(date.substr(4, 2));
    const int day = digits_value(date.substr(6, 2));
    if (!valid_date(year, month, day)) {
      bad(layout.date, fmt::format("'{}' is not a day of the calendar", date));
      return false;
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
      return false;
    }
    // A code read as a number loses its leading zero (043 becomes 43): the root code, two digits, must
    // begin it.
    if (event.root_code.size() != 2 || !all_digits(event.root_code) || !event.event_code.starts_with(event.root_code)) {
      bad(layout.root, fmt::format("root code '{}' does not begin event code '{}' (two digits: were the codes read as "
                                   "numbers and their leading zeros lost?)",
                                   event.root_code, event.event_code));
      return false;
    }
    const std::string_view root = at(layout.is_root);
    if (root != "0" && root != "1") {
      bad(layout.is_root, fmt::format("'{}' is not 0 or 1", root));
      return false;
    }
    event.is_root = root == "1";
    event.quad_given = at(layout.quad);
    event.goldstein_given = at(layout.goldstein);
    bool ok = true;
    event.mentions = integer(layout.mentions, ok);
    if (ok) event.sources = integer(layout.sources, ok);
    if (ok) event.articles = integer(layout.articles, ok);
    if (!ok) return false;
    const std::string_view tone = at(layout.tone);
    event.tone = 0.0;
    if (!tone.empty()) {
      const auto [end, error] = std::from_chars(tone.data(), tone.data() + tone.size(), event.tone);
      if (error != std::errc{} || end != tone.data() + tone.size()) {
        bad(layout.tone, fmt::format("'{}' is not a number", tone));
        return false;
      }
    }
    event.action_country = at(layout.action_country);
    event.date_added = at(layout.date_added);
    event.url = at(layout.url);
    return true;
  }

 private:
  std::string column_name(std::size_t field) const override {
    return field < names_.size() ? names_[field] : fmt::format("column {}", field + 1);
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

  Layout layout_;
  std::vector<std::string> names_;
};

}  // namespace

std::unique_ptr<RowParser> gdelt_parser(std::string_view first, const std::string& file, const ReadOptions& options,
                                        bool& header) {
  header = first.starts_with("\"GLOBALEVENTID\"") || first.starts_with("GLOBALEVENTID,");
  Fields fields;
  if (header) {
    split_quoted(first, fields);
    const Header columns(fields, file, "a GDELT 1.0 export names GDELT's columns");
    if (options.format && *options.format != Format::gdelt1) {
      throw ScenarioError(
          diagnostic_at(file, 1, 1, "format", "a GDELT 1.0 export with a header, not the format given (--format)"));
    }
    const Layout layout = layout_from_header(columns);
    std::vector<std::string> names = columns.names();
    return std::make_unique<GdeltParser>(layout, std::move(names), file, options);
  }
  split_tabs(first, fields);
  const std::size_t n = fields.count;
  if (!options.format && n != 61 && n != 57 && n != 58) return nullptr;
  const Format format = options.format.value_or(n == 61 ? Format::gdelt2 : Format::gdelt1);
  if (format == Format::gdelt2) {
    return std::make_unique<GdeltParser>(
        gdelt2_layout(), std::vector<std::string>(kGdelt2Names.begin(), kGdelt2Names.end()), file, options);
  }
  return std::make_unique<GdeltParser>(gdelt1_layout(n == 58 ? 58 : 57), gdelt1_names(), file, options);
}

}  // namespace parley::io::events::detail

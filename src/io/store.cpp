#include "parley/io/store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "parley/errors.hpp"

namespace parley::io {
namespace {

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK) statement_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  [[nodiscard]] bool ok() const { return statement_ != nullptr; }
  [[nodiscard]] sqlite3_stmt* get() const { return statement_; }
  void bind(int index, std::int64_t value) { sqlite3_bind_int64(statement_, index, value); }
  void bind(int index, double value) {
    if (std::isnan(value)) {
      sqlite3_bind_null(statement_, index);
    } else {
      sqlite3_bind_double(statement_, index, value);
    }
  }
  void bind(int index, const std::string& value) {
    sqlite3_bind_text(statement_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  // Runs a statement that returns no rows; false on failure.
  bool run() {
    const int status = sqlite3_step(statement_);
    sqlite3_reset(statement_);
    return status == SQLITE_DONE;
  }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

// The layout's version: a store of another layout is not resumed (its samples would read wrongly).
constexpr const char* kLayout = "2";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, model TEXT NOT NULL, issue TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS samples(sample INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS forecasts(sample INTEGER NOT NULL, series INTEGER NOT NULL, forecast REAL,
                                     PRIMARY KEY(sample, series)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS indicators(id INTEGER PRIMARY KEY, model TEXT NOT NULL, indicator TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS occurrences(sample INTEGER NOT NULL, indicator INTEGER NOT NULL, code INTEGER NOT NULL,
                                       PRIMARY KEY(sample, indicator, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keys(indicator INTEGER NOT NULL, code INTEGER NOT NULL, key TEXT NOT NULL,
                                PRIMARY KEY(indicator, code)) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS forecast_view AS
  SELECT f.sample, s.model, s.issue, f.forecast FROM forecasts f JOIN series s ON s.id = f.series;
CREATE VIEW IF NOT EXISTS occurrence_view AS
  SELECT o.sample, i.model, i.indicator, o.code, k.key FROM occurrences o JOIN indicators i ON i.id = o.indicator
  LEFT JOIN keys k ON k.indicator = o.indicator AND k.code = o.code;
)sql";

// A key as the store names it: a JSON object of the key's columns, e.g. {"actor_a":"PAK",...}.
std::string key_json(const IndicatorSpec& spec, const std::vector<std::string>& ids) {
  nlohmann::ordered_json key = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < ids.size() && k < spec.key.size(); ++k) key[spec.key[k].name] = ids[k];
  return key.dump();
}

}  // namespace

RunStore::RunStore(const std::filesystem::path& path, const std::string& fingerprint, const MonteCarlo& mc,
                   bool resume)
    : path_(path), series_(mc.series().size()), indicators_(mc.indicator_series().size()) {
  std::error_code error;
  const bool exists = std::filesystem::exists(path, error);
  if (exists && !resume) {
    throw UsageError(Subject::none, "",
                     fmt::format("{}: the store already holds a run; remove it, or continue it", path.string()),
                     {Subject::resume, ""});
  }
  if (!exists && resume) {
    throw UsageError(Subject::resume, "", fmt::format("{}: there is no store to resume", path.string()));
  }
  // One thread uses the connection (the coordinating one): SQLite's own mutexes are not needed.
  if (sqlite3_open_v2(path.string().c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    sqlite3_close(db_);
    db_ = nullptr;
    fail("cannot open the store");
  }
  try {
    open(fingerprint, mc, resume);
  } catch (...) {
    sqlite3_close(db_);  // the destructor does not run for an object whose constructor throws
    db_ = nullptr;
    throw;
  }
}

void RunStore::open(const std::string& fingerprint, const MonteCarlo& mc, bool resume) {
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  // The schema and the run's description are written in one transaction, so a run killed while it
  // creates its store leaves a store that holds nothing: resuming it starts the run afresh.
  exec("BEGIN");
  exec(kSchema);
  if (resume) {
    const auto meta = [&](const char* key) {
      Statement query(db_, "SELECT value FROM meta WHERE key = ?");
      std::string stored;
      if (query.ok()) {
        sqlite3_bind_text(query.get(), 1, key, -1, SQLITE_STATIC);
        if (sqlite3_step(query.get()) == SQLITE_ROW) {
          stored = reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 0));
        }
      }
      return stored;
    };
    const bool described = !meta("layout").empty() || !meta("fingerprint").empty();
    if (!described) {
      // Killed before its creation committed: nothing was computed, so nothing is lost.
      describe(fingerprint, mc);
      return;
    }
    exec("ROLLBACK");  // a described store is left as it is: its schema is checked, not changed
    if (meta("layout") != kLayout) {
      throw UsageError(fmt::format("{}: the store was written by another version of parley (layout {}, this one "
                                   "reads {}); start a new run",
                                   path_.string(), meta("layout").empty() ? "1" : meta("layout"), kLayout));
    }
    if (meta("fingerprint") != fingerprint) {
      throw UsageError(
          fmt::format("{}: the store holds a different run (scenario, date, seed, models or samples "
                      "differ); only the same run can be continued",
                      path_.string()));
    }
    return;
  }
  describe(fingerprint, mc);
}

// Writes the run's description and commits the transaction open() began.
void RunStore::describe(const std::string& fingerprint, const MonteCarlo& mc) {
  Statement meta(db_, "INSERT INTO meta(key, value) VALUES (?, ?)");
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"layout", kLayout}, {"fingerprint", fingerprint}}) {
    meta.bind(1, key);
    meta.bind(2, value);
    if (!meta.run()) fail("cannot write the store's metadata");
  }
  Statement insert(db_, "INSERT INTO series(id, model, issue) VALUES (?, ?, ?)");
  for (std::size_t s = 0; s < mc.series().size(); ++s) {
    insert.bind(1, static_cast<std::int64_t>(s));
    insert.bind(2, mc.series()[s].model);
    insert.bind(3, mc.series()[s].issue);
    if (!insert.run()) fail("cannot write the store's series");
  }
  Statement indicator(db_, "INSERT INTO indicators(id, model, indicator) VALUES (?, ?, ?)");
  for (std::size_t k = 0; k < mc.indicator_series().size(); ++k) {
    indicator.bind(1, static_cast<std::int64_t>(k));
    indicator.bind(2, mc.indicator_series()[k].model);
    indicator.bind(3, mc.indicator_series()[k].spec->name);
    if (!indicator.run()) fail("cannot write the store's indicators");
  }
  exec("COMMIT");
}

RunStore::~RunStore() {
  sqlite3_close(db_);
}

void RunStore::exec(const char* sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    fail(text);
  }
}

void RunStore::fail(const std::string& what) const {
  throw OutputError(fmt::format("{}: {}{}", path_.string(), what,
                                db_ != nullptr ? fmt::format(" ({})", sqlite3_errmsg(db_)) : std::string{}));
}

std::vector<std::uint64_t> RunStore::completed() const {
  std::vector<std::uint64_t> samples;
  Statement query(db_, "SELECT sample FROM samples ORDER BY sample");
  while (query.ok() && sqlite3_step(query.get()) == SQLITE_ROW) {
    samples.push_back(static_cast<std::uint64_t>(sqlite3_column_int64(query.get(), 0)));
  }
  return samples;
}

void RunStore::write(const std::vector<SampleResult>& batch) {
  if (batch.empty()) return;
  exec("BEGIN");
  Statement sample(db_, "INSERT INTO samples(sample) VALUES (?)");
  Statement forecast(db_, "INSERT INTO forecasts(sample, series, forecast) VALUES (?, ?, ?)");
  Statement occurrence(db_, "INSERT INTO occurrences(sample, indicator, code) VALUES (?, ?, ?)");
  for (const auto& result : batch) {
    const auto id = static_cast<std::int64_t>(result.sample);
    sample.bind(1, id);
    if (!sample.run()) fail(fmt::format("cannot store sample {}", result.sample));
    for (std::size_t s = 0; s < result.forecasts.size(); ++s) {
      forecast.bind(1, id);
      forecast.bind(2, static_cast<std::int64_t>(s));
      forecast.bind(3, result.forecasts[s]);
      if (!forecast.run()) fail(fmt::format("cannot store sample {}", result.sample));
    }
    for (std::size_t k = 0; k < result.indicators.size(); ++k) {
      for (const auto code : result.indicators[k]) {
        occurrence.bind(1, id);
        occurrence.bind(2, static_cast<std::int64_t>(k));
        occurrence.bind(3, static_cast<std::int64_t>(code));
        if (!occurrence.run()) fail(fmt::format("cannot store sample {}", result.sample));
      }
    }
  }
  exec("COMMIT");
}

std::vector<SampleResult> RunStore::read_all() const {
  std::vector<SampleResult> results;
  for (const auto sample : completed()) {
    SampleResult result;
    result.sample = sample;
    result.forecasts.assign(series_, std::numeric_limits<double>::quiet_NaN());
    result.indicators.resize(indicators_);
    results.push_back(std::move(result));
  }
  const auto find = [&](std::int64_t sample) -> SampleResult* {
    const auto it = std::lower_bound(results.begin(), results.end(), static_cast<std::uint64_t>(sample),
                                     [](const SampleResult& r, std::uint64_t s) { return r.sample < s; });
    return it != results.end() && it->sample == static_cast<std::uint64_t>(sample) ? &*it : nullptr;
  };
  Statement forecasts(db_, "SELECT sample, series, forecast FROM forecasts");
  while (forecasts.ok() && sqlite3_step(forecasts.get()) == SQLITE_ROW) {
    SampleResult* result = find(sqlite3_column_int64(forecasts.get(), 0));
    const auto s = static_cast<std::size_t>(sqlite3_column_int64(forecasts.get(), 1));
    if (result == nullptr || s >= series_) continue;
    if (sqlite3_column_type(forecasts.get(), 2) != SQLITE_NULL)
      result->forecasts[s] = sqlite3_column_double(forecasts.get(), 2);
  }
  Statement occurrences(db_, "SELECT sample, indicator, code FROM occurrences ORDER BY sample, indicator, code");
  while (occurrences.ok() && sqlite3_step(occurrences.get()) == SQLITE_ROW) {
    SampleResult* result = find(sqlite3_column_int64(occurrences.get(), 0));
    const auto k = static_cast<std::size_t>(sqlite3_column_int64(occurrences.get(), 1));
    if (result == nullptr || k >= indicators_) continue;
    result->indicators[k].push_back(static_cast<std::uint64_t>(sqlite3_column_int64(occurrences.get(), 2)));
  }
  return results;
}

void RunStore::describe_keys(const MonteCarlo& mc, const std::vector<std::vector<KeyFrequency>>& indicators) {
  exec("BEGIN");
  Statement insert(db_, "INSERT OR REPLACE INTO keys(indicator, code, key) VALUES (?, ?, ?)");
  for (std::size_t k = 0; k < indicators.size(); ++k) {
    for (const auto& item : indicators[k]) {
      insert.bind(1, static_cast<std::int64_t>(k));
      insert.bind(2, static_cast<std::int64_t>(item.key));
      insert.bind(3, key_json(*mc.indicator_series()[k].spec, mc.key_ids(k, item.key)));
      if (!insert.run()) fail("cannot name the indicators' keys");
    }
  }
  exec("COMMIT");
}

}  // namespace parley::io

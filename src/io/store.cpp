#include "parley/io/store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "io/store_row.hpp"
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
constexpr const char* kLayout = "3";

// One row a sample (store_row.hpp); the views give SQL one row a forecast, or an occurrence.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, model TEXT NOT NULL, issue TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS indicators(id INTEGER PRIMARY KEY, model TEXT NOT NULL, indicator TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS samples(sample INTEGER PRIMARY KEY, forecasts TEXT NOT NULL, occurrences TEXT NOT NULL,
                                   checksum INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS keys(indicator INTEGER NOT NULL, code INTEGER NOT NULL, key TEXT NOT NULL,
                                PRIMARY KEY(indicator, code)) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS forecast_view AS
  SELECT s.sample, se.model, se.issue, f.value AS forecast
  FROM samples s, json_each(s.forecasts) f JOIN series se ON se.id = f.key;
CREATE VIEW IF NOT EXISTS occurrence_view AS
  SELECT s.sample, i.model, i.indicator, c.value AS code, k.key
  FROM samples s, json_each(s.occurrences) o JOIN indicators i ON i.id = o.key, json_each(o.value) c
  LEFT JOIN keys k ON k.indicator = o.key AND k.code = c.value;
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
    const bool described = !meta("layout").empty() || !meta("fingerprint").empty();
    if (!described) {
      // Killed before its creation committed: nothing was computed, so nothing is lost.
      describe(fingerprint, mc);
      return;
    }
    exec("ROLLBACK");  // a described store is left as it is: its schema is checked, not changed
    check_layout();
    if (meta("fingerprint") != fingerprint) {
      throw UsageError(
          fmt::format("{}: the store holds a different run (scenario, date, seed, models or samples "
                      "differ); only the same run can be continued",
                      path_.string()));
    }
    check();  // damage found now, before more is computed on top of it
    return;
  }
  describe(fingerprint, mc);
}

RunStore::RunStore(const std::filesystem::path& path) : path_(path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw InputNotFoundError(fmt::format("{}: no such store", path.string()));
  // Nothing is written. Read-only only when the file is: a read-only connection to a WAL database
  // creates its `-wal` and `-shm` files and cannot remove them, where a writable one removes them.
  for (const int mode : {SQLITE_OPEN_READWRITE, SQLITE_OPEN_READONLY}) {
    if (sqlite3_open_v2(path.string().c_str(), &db_, mode | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK) break;
    sqlite3_close(db_);
    db_ = nullptr;
  }
  if (db_ == nullptr) fail("cannot open the store");
  try {
    exec("SELECT count(*) FROM sqlite_master");  // a file that is not a database fails here, as damage
    if (meta("layout").empty() && meta("fingerprint").empty()) {
      throw UsageError(fmt::format("{}: the store describes no run: it was stopped while it was being created, "
                                   "before any sample; `parley mc --resume` with it starts the run afresh",
                                   path_.string()));
    }
    check_layout();
    series_ = count("series");
    indicators_ = count("indicators");
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

// The value of `key` in the store's meta table; "" when it has none (or no meta table).
std::string RunStore::meta(const char* key) const {
  Statement query(db_, "SELECT value FROM meta WHERE key = ?");
  std::string stored;
  if (query.ok()) {
    sqlite3_bind_text(query.get(), 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(query.get()) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 0));
      if (text != nullptr) stored = text;
    }
  }
  return stored;
}

void RunStore::check_layout() const {
  const std::string layout = meta("layout");
  if (layout != kLayout) {
    throw UsageError(fmt::format("{}: the store was written by another version of parley (layout {}, this one "
                                 "reads {}); start a new run",
                                 path_.string(), layout.empty() ? "1" : layout, kLayout));
  }
}

std::uint64_t RunStore::count(const char* table) const {
  Statement query(db_, fmt::format("SELECT count(*) FROM {}", table).c_str());
  if (!query.ok() || sqlite3_step(query.get()) != SQLITE_ROW) fail(fmt::format("cannot count the {}", table));
  return static_cast<std::uint64_t>(sqlite3_column_int64(query.get(), 0));
}

RunStore::Contents RunStore::contents() const {
  return {meta("fingerprint"), count("samples")};
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
  // The description goes into the database file itself, not only its write-ahead log: a store copied
  // or kept without its `-wal` file still names its run, and has lost only samples, which --resume
  // computes again. (Later samples reach the file at SQLite's checkpoints, every 1,000 pages.)
  exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

RunStore::~RunStore() {
  sqlite3_close(db_);
}

void RunStore::exec(const char* sql) const {
  char* message = nullptr;
  const int status = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (status != SQLITE_OK) {
    const std::string text = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    if (status == SQLITE_CORRUPT || status == SQLITE_NOTADB) throw_corrupt(text);
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
  Statement insert(db_, "INSERT INTO samples(sample, forecasts, occurrences, checksum) VALUES (?, ?, ?, ?)");
  for (const auto& result : batch) {
    encode_values(result.forecasts, forecasts_text_);
    encode_codes(result.indicators, codes_text_);
    insert.bind(1, static_cast<std::int64_t>(result.sample));
    insert.bind(2, forecasts_text_);
    insert.bind(3, codes_text_);
    insert.bind(4, row_checksum(result.sample, forecasts_text_, codes_text_));
    if (!insert.run()) fail(fmt::format("cannot store sample {}", result.sample));
  }
  exec("COMMIT");
}

template <typename Use>
void RunStore::scan(Use use) const {
  std::vector<std::uint64_t> damaged;
  Statement rows(db_, "SELECT sample, forecasts, occurrences, checksum FROM samples ORDER BY sample");
  if (!rows.ok()) fail("cannot read the samples");
  const auto text = [&](int column) {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(rows.get(), column));
    return bytes == nullptr ? std::string_view{}
                            : std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(rows.get(), column)));
  };
  int status = SQLITE_ROW;
  while ((status = sqlite3_step(rows.get())) == SQLITE_ROW) {
    const auto sample = static_cast<std::uint64_t>(sqlite3_column_int64(rows.get(), 0));
    const std::string_view forecasts = text(1);
    const std::string_view codes = text(2);
    auto values = decode_values(forecasts, series_);
    auto occurrences = decode_codes(codes, indicators_);
    if (sqlite3_column_type(rows.get(), 3) != SQLITE_INTEGER ||
        sqlite3_column_int64(rows.get(), 3) != row_checksum(sample, forecasts, codes) || !values || !occurrences) {
      damaged.push_back(sample);
      continue;
    }
    use(SampleResult{sample, std::move(*values), std::move(*occurrences)});
  }
  if (status == SQLITE_CORRUPT || status == SQLITE_NOTADB) throw_corrupt(sqlite3_errmsg(db_));
  if (status != SQLITE_DONE) fail("cannot read the samples");
  if (!damaged.empty()) throw_damaged(damaged);
}

void RunStore::read(const std::function<void(const SampleResult&)>& use) const {
  scan([&](SampleResult&& result) { use(result); });
}

void RunStore::check() const {
  Statement integrity(db_, "PRAGMA quick_check");
  const int status = integrity.ok() ? sqlite3_step(integrity.get()) : sqlite3_errcode(db_);
  if (status == SQLITE_CORRUPT || status == SQLITE_NOTADB) throw_corrupt(sqlite3_errmsg(db_));
  if (status != SQLITE_ROW) fail("cannot check the store");
  const auto* verdict = reinterpret_cast<const char*>(sqlite3_column_text(integrity.get(), 0));
  const std::string said = verdict != nullptr ? verdict : "";
  if (said != "ok") throw_corrupt(said);
  scan([](SampleResult&&) {});
}

void RunStore::throw_corrupt(const std::string& said) const {
  throw ScenarioError(diagnostic_at(
      path_.string(), 0, 0, "",
      fmt::format("the database is damaged (SQLite: {}); its samples cannot be trusted: start the run again with "
                  "another store",
                  said)));
}

void RunStore::throw_damaged(const std::vector<std::uint64_t>& samples) const {
  std::string list;
  for (std::size_t k = 0; k < samples.size() && k < 10; ++k) list += fmt::format("{}{}", k > 0 ? ", " : "", samples[k]);
  if (samples.size() > 10) list += fmt::format(" and {} more", samples.size() - 10);
  throw ScenarioError(diagnostic_at(
      path_.string(), 0, 0, fmt::format("sample {}", samples.front()),
      fmt::format("{} stored sample{} damaged (a row that does not match its checksum): {}. To compute them again, "
                  "delete them (sqlite3 {} \"DELETE FROM samples WHERE sample IN ({})\") and continue the run with "
                  "--resume",
                  samples.size(), samples.size() == 1 ? " is" : "s are", list, path_.string(),
                  fmt::format("{}", fmt::join(samples, ", ")))));
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

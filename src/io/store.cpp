#include "io/store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "parley/errors.hpp"

namespace parley::io {
namespace {

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
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
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, model TEXT NOT NULL, issue TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS samples(sample INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS forecasts(sample INTEGER NOT NULL, series INTEGER NOT NULL, forecast REAL,
                                     PRIMARY KEY(sample, series)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS exchanges(sample INTEGER NOT NULL, exchange INTEGER NOT NULL,
                                     PRIMARY KEY(sample, exchange)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS exchange_names(exchange INTEGER PRIMARY KEY, actor_a TEXT, issue_a TEXT,
                                          actor_b TEXT, issue_b TEXT);
CREATE VIEW IF NOT EXISTS forecast_view AS
  SELECT f.sample, s.model, s.issue, f.forecast FROM forecasts f JOIN series s ON s.id = f.series;
)sql";

}  // namespace

RunStore::RunStore(const std::filesystem::path& path, const std::string& fingerprint, const std::vector<Series>& series,
                   bool resume)
    : path_(path) {
  std::error_code error;
  const bool exists = std::filesystem::exists(path, error);
  if (exists && !resume) {
    throw UsageError(
        fmt::format("{}: the store already holds a run; continue it with --resume, or remove it", path.string()));
  }
  if (!exists && resume) {
    throw UsageError(fmt::format("{}: --resume, but there is no store to resume", path.string()));
  }
  if (sqlite3_open(path.string().c_str(), &db_) != SQLITE_OK) {
    sqlite3_close(db_);
    db_ = nullptr;
    fail("cannot open the store");
  }
  try {
    open(fingerprint, series, resume);
  } catch (...) {
    sqlite3_close(db_);  // the destructor does not run for an object whose constructor throws
    db_ = nullptr;
    throw;
  }
}

void RunStore::open(const std::string& fingerprint, const std::vector<Series>& series, bool resume) {
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  exec(kSchema);
  if (resume) {
    Statement query(db_, "SELECT value FROM meta WHERE key = 'fingerprint'");
    std::string stored;
    if (query.ok() && sqlite3_step(query.get()) == SQLITE_ROW) {
      stored = reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 0));
    }
    if (stored != fingerprint) {
      throw UsageError(
          fmt::format("{}: the store holds a different run (scenario, date, seed, models or samples "
                      "differ); --resume continues only the same run",
                      path_.string()));
    }
    return;
  }
  exec("BEGIN");
  Statement meta(db_, "INSERT INTO meta(key, value) VALUES ('fingerprint', ?)");
  meta.bind(1, fingerprint);
  if (!meta.run()) fail("cannot write the store's metadata");
  Statement insert(db_, "INSERT INTO series(id, model, issue) VALUES (?, ?, ?)");
  for (std::size_t s = 0; s < series.size(); ++s) {
    insert.bind(1, static_cast<std::int64_t>(s));
    insert.bind(2, series[s].model);
    insert.bind(3, series[s].issue);
    if (!insert.run()) fail("cannot write the store's series");
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
  Statement exchange(db_, "INSERT INTO exchanges(sample, exchange) VALUES (?, ?)");
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
    for (const auto code : result.exchanges) {
      exchange.bind(1, id);
      exchange.bind(2, static_cast<std::int64_t>(code));
      if (!exchange.run()) fail(fmt::format("cannot store sample {}", result.sample));
    }
  }
  exec("COMMIT");
}

std::vector<SampleResult> RunStore::read_all(std::size_t series_count) const {
  std::vector<SampleResult> results;
  for (const auto sample : completed()) {
    SampleResult result;
    result.sample = sample;
    result.forecasts.assign(series_count, std::numeric_limits<double>::quiet_NaN());
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
    if (result == nullptr || s >= series_count) continue;
    if (sqlite3_column_type(forecasts.get(), 2) != SQLITE_NULL)
      result->forecasts[s] = sqlite3_column_double(forecasts.get(), 2);
  }
  Statement exchanges(db_, "SELECT sample, exchange FROM exchanges ORDER BY sample, exchange");
  while (exchanges.ok() && sqlite3_step(exchanges.get()) == SQLITE_ROW) {
    SampleResult* result = find(sqlite3_column_int64(exchanges.get(), 0));
    if (result != nullptr)
      result->exchanges.push_back(static_cast<std::uint64_t>(sqlite3_column_int64(exchanges.get(), 1)));
  }
  return results;
}

void RunStore::describe_exchanges(const MonteCarlo& mc, const std::vector<ExchangeFrequency>& exchanges) {
  exec("BEGIN");
  Statement insert(db_, "INSERT OR REPLACE INTO exchange_names VALUES (?, ?, ?, ?, ?)");
  const Problem& problem = mc.problem();
  for (const auto& item : exchanges) {
    const ExchangeKey key = mc.decode(item.key);
    insert.bind(1, static_cast<std::int64_t>(item.key));
    insert.bind(2, problem.actors[key.actor_a]);
    insert.bind(3, problem.issues[key.issue_a].id);
    insert.bind(4, problem.actors[key.actor_b]);
    insert.bind(5, problem.issues[key.issue_b].id);
    if (!insert.run()) fail("cannot name the exchanges");
  }
  exec("COMMIT");
}

}  // namespace parley::io

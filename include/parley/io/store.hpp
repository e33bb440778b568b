#pragma once
// The run store of `parley mc`: every sample's forecasts in an SQLite database (WAL mode), written in
// batches, so that a run killed at any moment loses at most the batch in flight and `--resume`
// continues it. Schema: docs/output-format.md#the-run-store.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "parley/distributor.hpp"
#include "parley/montecarlo.hpp"

struct sqlite3;

namespace parley::io {

class RunStore final : public SampleSink {
 public:
  // Creates the store, or with `resume` opens an existing one, whose fingerprint (a JSON text that
  // identifies the run: scenario, date, seed, models, samples) must equal `fingerprint`.
  // Throws UsageError (a store that exists without --resume, or a different run) or OutputError.
  RunStore(const std::filesystem::path& path, const std::string& fingerprint, const MonteCarlo& mc, bool resume);
  // Opens an existing store to read it, not to write it (`parley store check`). Throws
  // InputNotFoundError, UsageError (another layout) or ScenarioError (a file that is not a store).
  explicit RunStore(const std::filesystem::path& path);
  ~RunStore() override;
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  // The samples already stored, in increasing order.
  [[nodiscard]] std::vector<std::uint64_t> completed() const override;
  // Stores the batch in one transaction: all of it or none of it.
  void write(const std::vector<SampleResult>& batch) override;
  // Hands every stored sample to `use`, one at a time, in sample order (none is kept). Throws
  // ScenarioError naming the damaged samples when a row does not match its checksum.
  void read(const std::function<void(const SampleResult&)>& use) const;
  // SQLite's quick check of the file, then every row against its checksum; throws ScenarioError
  // naming the damaged samples. --resume runs it before computing anything.
  void check() const;
  // What the store says of itself: its run's fingerprint (JSON text) and how many samples it holds.
  struct Contents {
    std::string fingerprint;
    std::uint64_t samples = 0;
  };
  [[nodiscard]] Contents contents() const;
  // Names the indicators' codes that occur (for readers of the store).
  void describe_keys(const MonteCarlo& mc, const std::vector<std::vector<KeyFrequency>>& indicators);

 private:
  void open(const std::string& fingerprint, const MonteCarlo& mc, bool resume);
  void describe(const std::string& fingerprint, const MonteCarlo& mc);
  [[nodiscard]] std::string meta(const char* key) const;
  void check_layout() const;
  [[nodiscard]] std::uint64_t count(const char* table) const;
  void exec(const char* sql) const;
  [[noreturn]] void fail(const std::string& what) const;
  // Reads every row in sample order, checked, into use(SampleResult&&).
  template <typename Use>
  void scan(Use use) const;
  [[noreturn]] void throw_corrupt(const std::string& said) const;
  [[noreturn]] void throw_damaged(const std::vector<std::uint64_t>& samples) const;

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  std::size_t series_ = 0;      // forecast series per sample
  std::size_t indicators_ = 0;  // indicator series per sample
  std::string forecasts_text_;  // write()'s rows, their memory kept
  std::string codes_text_;
};

}  // namespace parley::io

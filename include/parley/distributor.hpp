#pragma once
// Where Monte Carlo's samples are computed: on this process's threads, or over MPI ranks, each rank
// taking a deterministic share of the missing samples. The results do not depend on which: sample k
// is computed from make_rng(seed, k) alone, and summaries read the results in sample order.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parley/montecarlo.hpp"

namespace parley {

// Where finished samples go and what is already there: the run store, or anything that keeps them.
class SampleSink {
 public:
  virtual ~SampleSink() = default;
  // The samples already kept, in increasing order.
  [[nodiscard]] virtual std::vector<std::uint64_t> completed() const = 0;
  // Keeps a batch: all of it or none of it.
  virtual void write(const std::vector<SampleResult>& batch) = 0;
};

struct SampleRun {
  std::uint64_t samples = 0;  // the run's samples are 0 .. samples - 1
  unsigned threads = 0;       // per process; 0: every core (shared by the ranks of a node under MPI)
};

// Progress on the coordinating process: samples kept so far (those kept before included), of all.
using SampleProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

class Distributor {
 public:
  virtual ~Distributor() = default;
  // Whether this process coordinates: it holds the sink, reports progress and writes the outputs.
  [[nodiscard]] virtual bool coordinator() const = 0;
  // Tells every process whether the coordinator could start: 0, or the exit code it failed with.
  [[nodiscard]] virtual int agree(int failure) const = 0;
  // Computes every sample of the run that the sink lacks and keeps it there, in batches (at most
  // about a second's or 2,000 samples' work is in flight). `sink` is used on the coordinator only
  // (null elsewhere). Returns early, after keeping what is done, when `stop` becomes true.
  virtual void run(const MonteCarlo& mc, SampleSink* sink, const SampleRun& run, const SampleProgress& progress,
                   const std::atomic<bool>& stop) const = 0;
  // The processes taking part.
  [[nodiscard]] virtual int processes() const = 0;

  // Items 0 .. count - 1 made where they fall and taken in order: item i is made by make(i) on
  // process i mod processes(), and its bytes are handed to take(i, bytes) on the coordinator, in
  // index order (so what the coordinator builds does not depend on the number of processes). A
  // process makes its next item while the coordinator takes earlier ones. `make` must not throw:
  // a failure travels in its bytes. On one process: make(i) then take(i), item by item.
  using MakeItem = std::function<std::string(std::size_t)>;
  using TakeItem = std::function<void(std::size_t, std::string)>;
  virtual void ordered(std::size_t count, const MakeItem& make, const TakeItem& take) const;
};

// Every sample on this process's threads.
[[nodiscard]] std::unique_ptr<Distributor> local_distributor();

// The distributor of this binary. `parley` and every front end on parley::parley: local_distributor(),
// and a UsageError when started by an MPI launcher (each rank would run the whole job). `parley-mpi`
// (linked with parley_distributor_mpi): over the MPI ranks when started by a launcher with more than
// one, else local_distributor().
[[nodiscard]] std::unique_ptr<Distributor> make_distributor();

// What this binary can spread Monte Carlo over, in a line of `parley --version`: "threads" for
// `parley` (with where the MPI build is, when there is one), "MPI ranks and threads" for `parley-mpi`.
[[nodiscard]] const char* distribution_summary();

// Whether an MPI launcher (mpirun, Slurm's srun) started this process.
[[nodiscard]] bool launched_by_mpi();

// The samples 0 .. samples - 1 not in `done` (sorted), in increasing order.
[[nodiscard]] std::vector<std::uint64_t> missing_samples(const std::vector<std::uint64_t>& done, std::uint64_t samples);

// Sample results as 64-bit words (forecasts bit for bit) and back, to send between processes.
void pack_results(const std::vector<SampleResult>& results, std::vector<std::uint64_t>& words);
[[nodiscard]] std::vector<SampleResult> unpack_results(const std::vector<std::uint64_t>& words);

}  // namespace parley

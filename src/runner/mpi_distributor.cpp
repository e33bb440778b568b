// The distributor over MPI ranks: make_distributor() of the `parley-mpi` binary (target
// parley_distributor_mpi, built when MPI is found; `parley` itself links local_make_distributor.cpp and
// never loads MPI). Rank 0 coordinates: it holds the store and hands every rank the same list of
// missing samples; rank r computes the r-th of every `size` of them, in rounds of kRound per rank;
// each round's results are gathered on rank 0 and kept.

#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <thread>

#include "parley/distributor.hpp"

namespace parley {
namespace {

constexpr std::size_t kRound = 2000;  // samples per rank between commits
constexpr int kItemTag = 17;          // the messages of Distributor::ordered

// MPI itself: initialised on first use, finalised at exit.
class World {
 public:
  static World& get() {
    static World world;  // MPI may be initialised only once per process
    return world;
  }
  World(const World&) = delete;
  World& operator=(const World&) = delete;
  ~World() {
    if (initialised_) MPI_Finalize();
  }

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] int local_size() const { return local_size_; }

 private:
  World() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    initialised_ = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    if (const char* local = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE")) local_size_ = std::max(1, std::atoi(local));
  }

  int rank_ = 0;
  int size_ = 1;
  int local_size_ = 1;
  bool initialised_ = false;
};

class MpiDistributor final : public Distributor {
 public:
  explicit MpiDistributor(const World& world) : world_(world) {}

  [[nodiscard]] bool coordinator() const override { return world_.rank() == 0; }
  [[nodiscard]] int processes() const override { return world_.size(); }

  // Rank r makes items r, r + P, ... and sends each to rank 0 (messages between two ranks arrive in
  // the order sent); rank 0 makes its own and receives the others', taking them in index order. A
  // rank is at most one item ahead: a large message's send waits for its receive.
  void ordered(std::size_t count, const MakeItem& make, const TakeItem& take) const override {
    const auto size = static_cast<std::size_t>(world_.size());
    const auto rank = static_cast<std::size_t>(world_.rank());
    if (!coordinator()) {
      for (std::size_t item = rank; item < count; item += size) {
        const std::string bytes = make(item);
        MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kItemTag, MPI_COMM_WORLD);
      }
      return;
    }
    for (std::size_t item = 0; item < count; ++item) {
      const int from = static_cast<int>(item % size);
      if (from == 0) {
        take(item, make(item));
        continue;
      }
      MPI_Status status;
      MPI_Probe(from, kItemTag, MPI_COMM_WORLD, &status);
      int length = 0;
      MPI_Get_count(&status, MPI_BYTE, &length);
      std::string bytes(static_cast<std::size_t>(length), '\0');
      MPI_Recv(bytes.data(), length, MPI_BYTE, from, kItemTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      take(item, std::move(bytes));
    }
  }

  [[nodiscard]] int agree(int failure) const override {
    int shared = failure;
    MPI_Bcast(&shared, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return shared;
  }

  void run(const MonteCarlo& mc, SampleSink* sink, const SampleRun& run, const SampleProgress& progress,
           const std::atomic<bool>& /*stop*/) const override {
    std::vector<std::uint64_t> missing;
    std::uint64_t done = 0;
    if (coordinator()) {
      const auto completed = sink->completed();
      done = completed.size();
      missing = missing_samples(completed, run.samples);
    }
    broadcast(missing);
    const auto size = static_cast<std::size_t>(world_.size());
    std::vector<std::uint64_t> mine;
    for (auto k = static_cast<std::size_t>(world_.rank()); k < missing.size(); k += size) {
      mine.push_back(missing[k]);
    }
    const std::size_t per_rank = (missing.size() + size - 1) / size;
    const unsigned threads =
        run.threads != 0
            ? checked_threads(run.threads)
            : std::max(1U, std::thread::hardware_concurrency() / static_cast<unsigned>(world_.local_size()));
    const std::atomic<bool> never{false};
    for (std::size_t first = 0; first < per_rank; first += kRound) {
      const std::vector<std::uint64_t> part(
          mine.begin() + static_cast<std::ptrdiff_t>(std::min(first, mine.size())),
          mine.begin() + static_cast<std::ptrdiff_t>(std::min(first + kRound, mine.size())));
      std::vector<std::uint64_t> packed;
      mc.run(
          part, threads, [&](std::vector<SampleResult>& batch) { pack_results(batch, packed); }, [](std::size_t) {},
          never);
      const std::vector<std::uint64_t> all = gather(packed);
      if (!coordinator()) continue;
      const std::vector<SampleResult> results = unpack_results(all);
      sink->write(results);
      done += results.size();
      progress(done, run.samples);
    }
  }

 private:
  // Rank 0's `values` reach every rank.
  static void broadcast(std::vector<std::uint64_t>& values) {
    std::uint64_t count = values.size();
    MPI_Bcast(&count, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
    values.resize(count);
    MPI_Bcast(values.data(), static_cast<int>(count), MPI_UINT64_T, 0, MPI_COMM_WORLD);
  }

  // Every rank's `mine`, concatenated in rank order, on rank 0 (empty elsewhere).
  [[nodiscard]] std::vector<std::uint64_t> gather(const std::vector<std::uint64_t>& mine) const {
    int count = static_cast<int>(mine.size());
    std::vector<int> counts(static_cast<std::size_t>(world_.size()));
    MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<int> offsets(counts.size(), 0);
    std::vector<std::uint64_t> all;
    if (coordinator()) {
      int total = 0;
      for (std::size_t r = 0; r < counts.size(); ++r) {
        offsets[r] = total;
        total += counts[r];
      }
      all.resize(static_cast<std::size_t>(total));
    }
    MPI_Gatherv(mine.data(), count, MPI_UINT64_T, all.data(), counts.data(), offsets.data(), MPI_UINT64_T, 0,
                MPI_COMM_WORLD);
    return all;
  }

  const World& world_;
};

}  // namespace

const char* distribution_summary() {
  return "MPI: built in (ranks under mpirun or srun, threads within each)";
}

std::unique_ptr<Distributor> make_distributor() {
  if (!launched_by_mpi()) return local_distributor();
  const World& world = World::get();
  if (world.size() <= 1) return local_distributor();
  return std::make_unique<MpiDistributor>(world);
}

}  // namespace parley

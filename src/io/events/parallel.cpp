// Many event files on many threads, their events added in file order (aggregate_files): workers
// read and digest files ahead; the calling thread adds each file's digests when its turn comes.

#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>

#include "parley/io/events.hpp"
#include "parley/limits.hpp"

namespace parley::io::events {
namespace {

constexpr std::size_t kChunk = 4096;        // digests handed over at a time
constexpr std::size_t kChunksAhead = 4;     // a file not yet being added holds at most this many
constexpr std::size_t kFilesPerThread = 4;  // and the workers read at most this many files per thread ahead

using Chunk = std::vector<Aggregator::Digest>;

// One file's digests on their way from the worker reading it to the adding thread.
struct Slot {
  std::deque<Chunk> chunks;
  bool finished = false;
  ReadCounts counts;
  std::exception_ptr error;
};

class Pipeline {
 public:
  Pipeline(const std::vector<std::filesystem::path>& files, const ReadOptions& options, Aggregator& aggregator)
      : files_(files), options_(options), aggregator_(aggregator), slots_(files.size()) {}

  std::vector<ReadCounts> run(unsigned threads) {
    std::vector<ReadCounts> counts;
    counts.reserve(files_.size());
    window_ = kFilesPerThread * threads;
    // `threads` workers read while the calling thread adds (measured: threads - 1 workers, which would
    // leave no core idle in theory, were slower on 2 cores, docs/benchmarks.md#events).
    WorkerThreads workers(std::min<unsigned>(threads, static_cast<unsigned>(files_.size())), abandon_,
                          [this](unsigned) { work(); });
    // On every way out, before the workers are joined: wake those waiting for room, and stop them.
    const StopOnExit stop_on_exit(*this);
    for (std::size_t file = 0; file < files_.size(); ++file) counts.push_back(add(file));
    workers.join();
    return counts;
  }

 private:
  // A worker: takes the next file, digests its events a chunk at a time.
  void work() {
    while (!abandon_) {
      const std::size_t file = next_++;
      if (file >= files_.size()) return;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return abandon_ || file < adding_ + window_; });
        if (abandon_) return;
      }
      Slot& slot = slots_[file];
      Chunk chunk;
      try {
        chunk.reserve(kChunk);
        const ReadCounts counts = read_events(files_[file], options_, [&](const Event& event) {
          chunk.push_back(aggregator_.digest(event));
          if (chunk.size() == kChunk) {
            hand_over(file, std::move(chunk));
            chunk = Chunk();
            chunk.reserve(kChunk);
          }
        });
        const std::lock_guard lock(mutex_);
        if (!chunk.empty()) slot.chunks.push_back(std::move(chunk));
        slot.counts = counts;
        slot.finished = true;
      } catch (const Abandoned&) {
        return;
      } catch (...) {
        const std::lock_guard lock(mutex_);
        slot.error = std::current_exception();
        slot.finished = true;
      }
      changed_.notify_all();
    }
  }

  struct Abandoned {};

  // Waits while this file is ahead of the one being added and holds enough already.
  void hand_over(std::size_t file, Chunk chunk) {
    std::unique_lock lock(mutex_);
    // The file being added waits too: the adding thread empties its slot, so memory stays bounded.
    changed_.wait(lock, [&] { return abandon_ || slots_[file].chunks.size() < kChunksAhead; });
    if (abandon_) throw Abandoned{};
    slots_[file].chunks.push_back(std::move(chunk));
    lock.unlock();
    changed_.notify_all();
  }

  // Adds one file's digests as they come; returns its counts.
  ReadCounts add(std::size_t file) {
    Slot& slot = slots_[file];
    {
      const std::lock_guard lock(mutex_);
      adding_ = file;
    }
    changed_.notify_all();
    while (true) {
      Chunk chunk;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !slot.chunks.empty() || slot.finished; });
        if (slot.chunks.empty()) {
          if (slot.error) std::rethrow_exception(slot.error);
          return slot.counts;
        }
        chunk = std::move(slot.chunks.front());
        slot.chunks.pop_front();
      }
      changed_.notify_all();
      for (auto& digest : chunk) aggregator_.add(std::move(digest));
    }
  }

  struct StopOnExit {
    explicit StopOnExit(Pipeline& pipeline) : pipeline_(pipeline) {}
    StopOnExit(const StopOnExit&) = delete;
    StopOnExit& operator=(const StopOnExit&) = delete;
    ~StopOnExit() { pipeline_.stop(); }
    Pipeline& pipeline_;
  };

  void stop() {
    {
      const std::lock_guard lock(mutex_);
      abandon_ = true;
    }
    changed_.notify_all();
  }

  const std::vector<std::filesystem::path>& files_;
  const ReadOptions& options_;
  Aggregator& aggregator_;
  std::vector<Slot> slots_;
  std::atomic<std::size_t> next_ = 0;
  std::atomic<bool> abandon_ = false;
  std::size_t adding_ = 0;  // the file whose digests are being added
  std::size_t window_ = 1;
  std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace

std::vector<ReadCounts> aggregate_files(const std::vector<std::filesystem::path>& files, const ReadOptions& options,
                                        Aggregator& aggregator, unsigned threads) {
  threads = checked_threads(threads);
  if (threads <= 1 || files.size() <= 1) {
    std::vector<ReadCounts> counts;
    counts.reserve(files.size());
    for (const auto& file : files) {
      counts.push_back(read_events(file, options, [&](const Event& event) { aggregator.add(event); }));
    }
    return counts;
  }
  return Pipeline(files, options, aggregator).run(threads);
}

}  // namespace parley::io::events

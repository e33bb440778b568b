#pragma once
// The workbench's job queue: a few jobs run at once, a bounded number wait, the rest are refused
// (the server answers 503). Every run goes through it, the quick ones too, so that no number of
// clients can make the server compute more than `running` things at a time.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace parley::serve {

struct JobLimits {
  std::size_t running = 2;               // jobs computed at once
  std::size_t queued = 8;                // jobs waiting while `running` are computed; one more is refused
  std::chrono::seconds time_limit{600};  // a job still running this long after it started is stopped
  std::size_t kept = 64;                 // finished jobs kept for their results
};

// What a job reports back: an HTTP status and a JSON body, or bytes of another type (an archive).
struct JobOutcome {
  int status = 200;
  nlohmann::ordered_json body;
  std::string bytes;         // sent instead of the body when content_type is set
  std::string content_type;  // "" for JSON
};

class Job {
 public:
  enum class State { queued, running, done, cancelled };

  Job(std::uint64_t id, std::string kind, std::chrono::seconds time_limit)
      : id_(id), kind_(std::move(kind)), time_limit_(time_limit) {}

  [[nodiscard]] std::uint64_t id() const { return id_; }
  [[nodiscard]] const std::string& kind() const { return kind_; }

  // For the work: its progress, and whether to stop (cancelled, or past the time limit).
  void set_progress(std::uint64_t done, std::uint64_t total);
  [[nodiscard]] const std::atomic<bool>& stop_flag() const { return stop_; }
  // Sets the stop flag when the time limit has passed; true when the job should stop.
  bool should_stop();

  void cancel() { stop_ = true; }

  // A snapshot for clients: id, kind, state, done, total, and the outcome once there is one.
  [[nodiscard]] nlohmann::ordered_json status(bool with_result) const;
  [[nodiscard]] State state() const;
  // Waits until the job has finished or `timeout` has passed; true when it has finished.
  bool wait_for(std::chrono::milliseconds timeout) const;
  // The outcome of a finished job.
  [[nodiscard]] JobOutcome outcome() const;

 private:
  friend class JobQueue;
  void start();
  void finish(JobOutcome outcome);

  const std::uint64_t id_;
  const std::string kind_;
  const std::chrono::seconds time_limit_;
  // Set by start(), before the work runs and before any thread it starts: read without the lock.
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> total_{0};
  mutable std::mutex mutex_;
  mutable std::condition_variable finished_;
  State state_ = State::queued;
  bool timed_out_ = false;
  JobOutcome outcome_;
};

using JobWork = std::function<JobOutcome(Job&)>;

class JobQueue {
 public:
  explicit JobQueue(JobLimits limits);
  ~JobQueue();
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  // Queues `work`; null when `queued` jobs already wait beyond those a free worker is about to take,
  // or the queue is closed (the caller answers 503).
  std::shared_ptr<Job> submit(std::string kind, JobWork work);
  // Forgets a finished job whose outcome its caller has taken (a run answered at once), so that
  // finished runs do not hold their results.
  void forget(std::uint64_t id);
  // A job still queued, running or among the last finished; null otherwise.
  [[nodiscard]] std::shared_ptr<Job> find(std::uint64_t id) const;
  [[nodiscard]] const JobLimits& limits() const { return limits_; }
  // Refuses every later job and cancels every job queued or running (the server is stopping).
  void close();
  // How many jobs run and wait now.
  [[nodiscard]] std::pair<std::size_t, std::size_t> load() const;

 private:
  void work();

  const JobLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::deque<std::pair<std::shared_ptr<Job>, JobWork>> waiting_;
  std::map<std::uint64_t, std::shared_ptr<Job>> jobs_;  // every job not yet forgotten
  std::deque<std::uint64_t> finished_;                  // the finished ones, oldest first
  std::uint64_t next_id_ = 1;
  std::size_t running_ = 0;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace parley::serve

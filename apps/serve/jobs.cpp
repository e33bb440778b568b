#include "jobs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

namespace parley::serve {
namespace {

const char* state_name(Job::State state) {
  switch (state) {
    case Job::State::queued:
      return "queued";
    case Job::State::running:
      return "running";
    case Job::State::done:
      return "done";
    case Job::State::cancelled:
      return "cancelled";
  }
  return "?";
}

}  // namespace

void Job::set_progress(std::uint64_t done, std::uint64_t total) {
  total_ = total;
  done_ = done;
}

bool Job::should_stop() {
  if (!stop_ && std::chrono::steady_clock::now() > deadline_) {
    const std::lock_guard lock(mutex_);
    timed_out_ = true;
    stop_ = true;
  }
  return stop_;
}

Job::State Job::state() const {
  const std::lock_guard lock(mutex_);
  return state_;
}

nlohmann::ordered_json Job::status(bool with_result) const {
  const std::lock_guard lock(mutex_);
  nlohmann::ordered_json json{{"id", std::to_string(id_)},
                              {"kind", kind_},
                              {"state", state_name(state_)},
                              {"done", done_.load()},
                              {"total", total_.load()}};
  if (state_ == State::cancelled) {
    json["reason"] = timed_out_ ? "the job reached the server's time limit" : "cancelled";
  }
  if (state_ == State::done || state_ == State::cancelled) {
    json["status"] = outcome_.status;
    if (with_result) json["result"] = outcome_.body;
  }
  return json;
}

bool Job::wait_for(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return finished_.wait_for(lock, timeout, [&] { return state_ == State::done || state_ == State::cancelled; });
}

JobOutcome Job::outcome() const {
  const std::lock_guard lock(mutex_);
  return outcome_;
}

void Job::start() {
  const std::lock_guard lock(mutex_);
  state_ = State::running;
  deadline_ = std::chrono::steady_clock::now() + time_limit_;
}

void Job::finish(JobOutcome outcome) {
  {
    const std::lock_guard lock(mutex_);
    state_ = stop_ ? State::cancelled : State::done;
    if (state_ == State::cancelled && outcome.status == 200) {
      outcome = {
          409,
          {{"error", timed_out_ ? "the job reached the server's time limit and was stopped" : "the job was cancelled"},
           {"partial", std::move(outcome.body)}}};
    }
    outcome_ = std::move(outcome);
  }
  finished_.notify_all();
}

JobQueue::JobQueue(JobLimits limits) : limits_(limits) {
  for (std::size_t i = 0; i < limits_.running; ++i) workers_.emplace_back([this] { work(); });
}

JobQueue::~JobQueue() {
  close();
  available_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void JobQueue::close() {
  const std::lock_guard lock(mutex_);
  closing_ = true;
  for (auto& [id, job] : jobs_) job->cancel();  // the waiting ones are among them
}

void JobQueue::forget(std::uint64_t id) {
  const std::lock_guard lock(mutex_);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return;
  const Job::State state = found->second->state();
  if (state == Job::State::queued || state == Job::State::running) return;
  jobs_.erase(found);
  finished_.erase(std::remove(finished_.begin(), finished_.end(), id), finished_.end());
}

std::shared_ptr<Job> JobQueue::submit(std::string kind, JobWork work) {
  std::shared_ptr<Job> job;
  {
    const std::lock_guard lock(mutex_);
    // Workers that are free take a job at once: it waits only until they wake.
    const std::size_t idle = limits_.running - std::min(running_, limits_.running);
    if (closing_ || waiting_.size() >= limits_.queued + idle) return nullptr;
    job = std::make_shared<Job>(next_id_++, std::move(kind), limits_.time_limit);
    jobs_.emplace(job->id(), job);
    waiting_.emplace_back(job, std::move(work));
  }
  available_.notify_one();
  return job;
}

std::shared_ptr<Job> JobQueue::find(std::uint64_t id) const {
  const std::lock_guard lock(mutex_);
  const auto found = jobs_.find(id);
  return found == jobs_.end() ? nullptr : found->second;
}

std::pair<std::size_t, std::size_t> JobQueue::load() const {
  const std::lock_guard lock(mutex_);
  return {running_, waiting_.size()};
}

void JobQueue::work() {
  for (;;) {
    std::shared_ptr<Job> job;
    JobWork work;
    {
      std::unique_lock lock(mutex_);
      available_.wait(lock, [&] { return closing_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // closing, nothing left
      std::tie(job, work) = std::move(waiting_.front());
      waiting_.pop_front();
      ++running_;
    }
    JobOutcome outcome;
    if (!job->should_stop()) {
      job->start();
      try {
        outcome = work(*job);
      } catch (const std::exception& error) {  // the work reports its errors; this is a defect
        outcome = {500, {{"error", fmt::format("internal error: {}", error.what())}}};
      }
    }
    job->finish(std::move(outcome));
    const std::lock_guard lock(mutex_);
    --running_;
    finished_.push_back(job->id());
    while (finished_.size() > limits_.kept) {
      jobs_.erase(finished_.front());
      finished_.pop_front();
    }
  }
}

}  // namespace parley::serve

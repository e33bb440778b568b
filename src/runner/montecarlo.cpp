#include "parley/montecarlo.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "core/parallel.hpp"
#include "core/statistics.hpp"
#include "parley/answer.hpp"
#include "parley/timeline.hpp"
#include "uncertainty/sampler.hpp"

namespace parley {
namespace {

constexpr std::uint64_t kModelStreams = std::uint64_t{1} << 62;  // model seeds: streams apart from the samples'
constexpr std::size_t kChunk = 16;                               // samples a worker takes at a time

}  // namespace

struct MonteCarlo::Prepared {
  std::vector<std::unique_ptr<Model>> models;
  std::vector<std::string> names;
  std::optional<Calibration> ensemble;
  std::vector<std::size_t> members;  // for each member of the ensemble's rule: its index in `models`, or none
  // For each indicator series: its model's index in `models`, and its radices (one per key part).
  std::vector<std::size_t> indicator_model;
  std::vector<std::vector<std::uint64_t>> radices;
};

MonteCarlo::MonteCarlo(const Scenario& scenario, const RunRequest& request)
    : at_(run_date(scenario, request.at)), seed_(request.seed), prepared_(std::make_unique<Prepared>()) {
  problem_ = make_problem(scenario_at(scenario, at_));
  sampler_ = std::make_unique<Sampler>(scenario, problem_);
  // The headline's series come first; they are computed from the members' forecasts of each sample.
  if (request.ensemble) {
    prepared_->ensemble = request.ensemble;
    for (const auto& issue : problem_.issues) series_.push_back({std::string(kEnsembleName), issue.id});
    for (const auto& member : request.ensemble->rule.members) {
      const auto found = std::find_if(request.models.begin(), request.models.end(),
                                      [&](const ModelSelection& selection) { return selection.name == member.name; });
      prepared_->members.push_back(found == request.models.end()
                                       ? request.models.size()
                                       : static_cast<std::size_t>(found - request.models.begin()));
    }
  }
  for (const auto& selection : request.models) {
    prepared_->models.push_back(selection.info->make(selection.parameters));
    prepared_->names.push_back(selection.name);
    for (const auto& issue : problem_.issues) series_.push_back({selection.name, issue.id});
    const auto at = selection.name.find('@');
    const std::string label = at == std::string::npos ? std::string{} : selection.name.substr(at);
    for (const auto& spec : selection.info->indicators) {
      indicator_series_.push_back({selection.name, &spec, spec.name + label});
      prepared_->indicator_model.push_back(prepared_->models.size() - 1);
      std::vector<std::uint64_t> radices;
      for (const auto& part : spec.key) {
        radices.push_back(part.part == KeyPart::actor ? problem_.actors.size() : problem_.issues.size());
      }
      prepared_->radices.push_back(std::move(radices));
    }
  }
}

MonteCarlo::~MonteCarlo() = default;

bool MonteCarlo::uncertain() const {
  return sampler_->uncertain();
}

std::uint64_t MonteCarlo::encode(std::size_t series, const std::size_t* key) const {
  std::uint64_t code = 0;
  const auto& radices = prepared_->radices[series];
  for (std::size_t k = 0; k < radices.size(); ++k) code = code * radices[k] + key[k];
  return code;
}

std::vector<std::size_t> MonteCarlo::decode(std::size_t series, std::uint64_t code) const {
  const auto& radices = prepared_->radices[series];
  std::vector<std::size_t> key(radices.size());
  for (std::size_t k = radices.size(); k-- > 0;) {
    key[k] = static_cast<std::size_t>(code % radices[k]);
    code /= radices[k];
  }
  return key;
}

std::vector<std::string> MonteCarlo::key_ids(std::size_t series, std::uint64_t code) const {
  const std::vector<std::size_t> key = decode(series, code);
  const IndicatorSpec& spec = *indicator_series_[series].spec;
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < key.size(); ++k) {
    ids.push_back(spec.key[k].part == KeyPart::actor ? problem_.actors[key[k]] : problem_.issues[key[k]].id);
  }
  return ids;
}

std::vector<double> MonteCarlo::forecasts_for(const std::vector<double>& values, std::uint64_t stream) const {
  Worker worker;
  return forecasts_for(values, stream, worker);
}

std::vector<double> MonteCarlo::forecasts_for(const std::vector<double>& values, std::uint64_t stream,
                                              Worker& worker) const {
  sampler_->apply(values, worker.problem);
  const Problem& problem = worker.problem;
  const RunContext context{make_rng(seed_, kModelStreams + stream).next(), 1, false, &worker.models};
  std::vector<double> forecasts;
  forecasts.reserve(series_.size());
  for (const auto& model : prepared_->models) {
    const ModelOutcome outcome = model->solve(problem, context);
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      forecasts.push_back(i < outcome.issues.size() ? outcome.issues[i].forecast
                                                    : std::numeric_limits<double>::quiet_NaN());
    }
  }
  return with_headline(std::move(forecasts));
}

std::vector<double> MonteCarlo::member_forecasts(const std::vector<double>& forecasts, std::size_t issue,
                                                 std::size_t offset) const {
  const std::size_t issues = problem_.issues.size();
  std::vector<double> members;
  for (const std::size_t m : prepared_->members) {
    members.push_back(m < prepared_->models.size() ? forecasts[offset + m * issues + issue]
                                                   : std::numeric_limits<double>::quiet_NaN());
  }
  return members;
}

std::vector<double> MonteCarlo::with_headline(std::vector<double> models) const {
  if (!prepared_->ensemble) return models;
  std::vector<double> forecasts;
  forecasts.reserve(problem_.issues.size() + models.size());
  for (std::size_t i = 0; i < problem_.issues.size(); ++i) {
    forecasts.push_back(combine(prepared_->ensemble->rule, member_forecasts(models, i, 0)));
  }
  forecasts.insert(forecasts.end(), models.begin(), models.end());
  return forecasts;
}

const std::optional<Calibration>& MonteCarlo::ensemble() const {
  return prepared_->ensemble;
}

SampleResult MonteCarlo::evaluate(std::uint64_t sample) const {
  Worker worker;
  return evaluate(sample, worker);
}

SampleResult MonteCarlo::evaluate(std::uint64_t sample, Worker& worker) const {
  Rng rng = make_rng(seed_, sample);
  sampler_->draw(rng, worker.values);
  sampler_->apply(worker.values, worker.problem);
  const Problem& problem = worker.problem;
  const RunContext context{make_rng(seed_, kModelStreams + sample).next(), 1, false, &worker.models};
  SampleResult result;
  result.sample = sample;
  result.forecasts.reserve(series_.size());
  result.indicators.resize(indicator_series_.size());
  std::size_t series = 0;  // the first indicator series of the model at hand
  for (const auto& model : prepared_->models) {
    ModelOutcome outcome = model->solve(problem, context);
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      result.forecasts.push_back(i < outcome.issues.size() ? outcome.issues[i].forecast
                                                           : std::numeric_limits<double>::quiet_NaN());
    }
    // The model's indicators, in the order its registry entry declares them.
    for (; series < indicator_series_.size() &&
           prepared_->models[prepared_->indicator_model[series]].get() == model.get();
         ++series) {
      const IndicatorSpec& spec = *indicator_series_[series].spec;
      const auto found = std::find_if(outcome.indicators.begin(), outcome.indicators.end(),
                                      [&](const Indicator& indicator) { return indicator.name == spec.name; });
      if (found == outcome.indicators.end()) continue;
      auto& codes = result.indicators[series];
      const std::size_t parts = spec.key.size();
      for (std::size_t at = 0; at + parts <= found->keys.size(); at += parts) {
        codes.push_back(encode(series, found->keys.data() + at));
      }
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    }
  }
  result.forecasts = with_headline(std::move(result.forecasts));
  return result;
}

void MonteCarlo::run(const std::vector<std::uint64_t>& samples, unsigned threads,
                     const std::function<void(std::vector<SampleResult>&)>& sink,
                     const std::function<void(std::size_t)>& progress, const std::atomic<bool>& stop) const {
  threads = checked_threads(threads);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> abandon{false};  // the coordinating thread failed, or is leaving
  std::mutex mutex;
  std::condition_variable ready;
  std::vector<SampleResult> done;
  unsigned running = threads;
  std::exception_ptr failure;
  const auto work = [&](unsigned /*thread*/) {
    try {
      Worker worker;
      while (!stop.load() && !abandon.load()) {
        const std::size_t first = next.fetch_add(kChunk);
        if (first >= samples.size()) break;
        std::vector<SampleResult> chunk;
        for (std::size_t k = first; k < std::min(first + kChunk, samples.size()); ++k) {
          chunk.push_back(evaluate(samples[k], worker));
        }
        const std::lock_guard lock(mutex);
        for (auto& result : chunk) done.push_back(std::move(result));
        ready.notify_one();
      }
    } catch (...) {
      const std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
    }
    const std::lock_guard lock(mutex);
    --running;
    ready.notify_one();
  };
  WorkerThreads pool(threads, abandon, work);
  {
    const std::lock_guard lock(mutex);
    running -= threads - pool.started();  // threads the system would not start
  }
  std::size_t handed = 0;
  while (true) {
    std::vector<SampleResult> batch;
    bool finished = false;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return !done.empty() || running == 0; });
      batch.swap(done);
      finished = running == 0;
    }
    if (!batch.empty()) {
      handed += batch.size();
      sink(batch);  // when it throws, `pool` stops and joins the workers before the error goes on
      progress(handed);
    }
    if (finished) break;
  }
  pool.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace parley

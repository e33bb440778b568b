#include "parley/montecarlo.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "parley/answer.hpp"
#include "parley/timeline.hpp"

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
  std::map<std::string, std::size_t> actor_index;
  std::map<std::string, std::size_t> issue_index;
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
  }
  for (std::size_t a = 0; a < problem_.actors.size(); ++a) prepared_->actor_index[problem_.actors[a]] = a;
  for (std::size_t i = 0; i < problem_.issues.size(); ++i) prepared_->issue_index[problem_.issues[i].id] = i;
}

MonteCarlo::~MonteCarlo() = default;

std::uint64_t MonteCarlo::encode(const ExchangeKey& key) const {
  const std::uint64_t actors = problem_.actors.size();
  const std::uint64_t issues = problem_.issues.size();
  return ((key.actor_a * issues + key.issue_a) * actors + key.actor_b) * issues + key.issue_b;
}

ExchangeKey MonteCarlo::decode(std::uint64_t code) const {
  const std::uint64_t actors = problem_.actors.size();
  const std::uint64_t issues = problem_.issues.size();
  ExchangeKey key;
  key.issue_b = code % issues;
  code /= issues;
  key.actor_b = code % actors;
  code /= actors;
  key.issue_a = code % issues;
  key.actor_a = code / issues;
  return key;
}

std::vector<double> MonteCarlo::forecasts_for(const std::vector<double>& values, std::uint64_t stream) const {
  const Problem problem = sampler_->apply(values);
  const RunContext context{make_rng(seed_, kModelStreams + stream).next(), 1, false};
  std::vector<double> forecasts;
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
  Rng rng = make_rng(seed_, sample);
  const Problem problem = sampler_->apply(sampler_->draw(rng));
  const RunContext context{make_rng(seed_, kModelStreams + sample).next(), 1, false};
  SampleResult result;
  result.sample = sample;
  for (const auto& model : prepared_->models) {
    const ModelOutcome outcome = model->solve(problem, context);
    for (std::size_t i = 0; i < problem.issues.size(); ++i) {
      result.forecasts.push_back(i < outcome.issues.size() ? outcome.issues[i].forecast
                                                           : std::numeric_limits<double>::quiet_NaN());
    }
    for (const auto& table : outcome.tables) {
      if (table.name != "exchanges") continue;
      for (const auto& row : table.rows) {  // i_actor, i_supply_issue at 3, 4; j_actor, j_supply_issue at 9, 10
        ExchangeKey key{prepared_->actor_index.at(row[3]), prepared_->issue_index.at(row[4]),
                        prepared_->actor_index.at(row[9]), prepared_->issue_index.at(row[10])};
        if (key.actor_b < key.actor_a) {
          std::swap(key.actor_a, key.actor_b);
          std::swap(key.issue_a, key.issue_b);
        }
        result.exchanges.push_back(encode(key));
      }
    }
  }
  std::sort(result.exchanges.begin(), result.exchanges.end());
  result.exchanges.erase(std::unique(result.exchanges.begin(), result.exchanges.end()), result.exchanges.end());
  result.forecasts = with_headline(std::move(result.forecasts));
  return result;
}

void MonteCarlo::run(const std::vector<std::uint64_t>& samples, unsigned threads,
                     const std::function<void(std::vector<SampleResult>&)>& sink,
                     const std::function<void(std::size_t)>& progress, const std::atomic<bool>& stop) const {
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable ready;
  std::vector<SampleResult> done;
  unsigned running = threads;
  std::exception_ptr failure;
  const auto work = [&] {
    try {
      while (!stop.load()) {
        const std::size_t first = next.fetch_add(kChunk);
        if (first >= samples.size()) break;
        std::vector<SampleResult> chunk;
        for (std::size_t k = first; k < std::min(first + kChunk, samples.size()); ++k) {
          chunk.push_back(evaluate(samples[k]));
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
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
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
      sink(batch);
      progress(handed);
    }
    if (finished) break;
  }
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

McSummary summarise(const MonteCarlo& mc, const Scenario& scenario, const std::vector<SampleResult>& results) {
  McSummary summary;
  summary.samples = results.size();
  const auto& series = mc.series();
  std::vector<std::vector<double>> values(series.size());
  for (const auto& result : results) {
    for (std::size_t s = 0; s < series.size(); ++s) {
      if (!std::isnan(result.forecasts[s])) values[s].push_back(result.forecasts[s]);
    }
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    SeriesSummary item;
    item.samples = values[s].size();
    item.missing = results.size() - values[s].size();
    item.mean = mean_of(values[s]);
    double squares = 0.0;
    for (const double v : values[s]) squares += (v - item.mean) * (v - item.mean);
    item.sd = values[s].size() > 1 ? std::sqrt(squares / static_cast<double>(values[s].size() - 1))
                                   : std::numeric_limits<double>::quiet_NaN();
    std::vector<double> sorted = values[s];
    std::sort(sorted.begin(), sorted.end());
    item.q05 = quantile(sorted, 0.05);
    item.q25 = quantile(sorted, 0.25);
    item.q50 = quantile(sorted, 0.50);
    item.q75 = quantile(sorted, 0.75);
    item.q95 = quantile(sorted, 0.95);
    summary.series.push_back(item);
  }

  // The headline: each sample's ensemble forecast plus the calibrated error, pooled.
  const Problem& problem = mc.problem();
  std::vector<std::vector<MixtureComponent>> components;
  if (mc.ensemble()) {
    const std::size_t issues = problem.issues.size();
    components.resize(issues);
    for (const auto& result : results) {
      for (std::size_t i = 0; i < issues; ++i) {
        if (std::isnan(result.forecasts[i])) continue;
        const double width = problem.issues[i].max - problem.issues[i].min;
        components[i].push_back(
            {result.forecasts[i], member_spread(mc.member_forecasts(result.forecasts, i, issues), width)});
      }
    }
    for (std::size_t i = 0; i < issues; ++i) {
      summary.headlines.push_back(
          {problem.issues[i].id,
           summarise_mixture(mc.ensemble()->intervals, components[i], problem.issues[i].min, problem.issues[i].max)});
    }
  }

  std::map<std::uint64_t, std::size_t> frequency;
  for (const auto& result : results) {
    for (const auto key : result.exchanges) ++frequency[key];
  }
  for (const auto& [key, count] : frequency) summary.exchanges.push_back({key, count});
  std::stable_sort(summary.exchanges.begin(), summary.exchanges.end(),
                   [](const ExchangeFrequency& a, const ExchangeFrequency& b) { return a.samples > b.samples; });

  const auto index_of = [](const std::vector<std::string>& ids, const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  std::vector<std::string> issue_ids;
  for (const auto& issue : problem.issues) issue_ids.push_back(issue.id);
  for (const Claim& claim : scenario.claims) {
    if (claim.kind == ClaimKind::exchange) {
      const bool has_model =
          std::any_of(series.begin(), series.end(), [](const Series& s) { return s.model == "exchange"; });
      if (!has_model || claim.actors.size() != 2 || claim.issues.size() != 2) continue;
      const std::size_t a = index_of(problem.actors, claim.actors[0]);
      const std::size_t b = index_of(problem.actors, claim.actors[1]);
      const std::size_t p = index_of(issue_ids, claim.issues[0]);
      const std::size_t q = index_of(issue_ids, claim.issues[1]);
      if (a >= problem.actors.size() || b >= problem.actors.size() || p >= issue_ids.size() || q >= issue_ids.size()) {
        continue;  // an actor absent at the run's date
      }
      // Either actor may supply either issue.
      std::vector<std::uint64_t> keys;
      for (const auto& [x, y] : {std::pair{p, q}, std::pair{q, p}}) {
        ExchangeKey key{a, x, b, y};
        if (key.actor_b < key.actor_a) {
          std::swap(key.actor_a, key.actor_b);
          std::swap(key.issue_a, key.issue_b);
        }
        keys.push_back(mc.encode(key));
      }
      ClaimResult item{claim.id, "exchange", claim.issues[0] + " x " + claim.issues[1], results.size(), 0};
      for (const auto& result : results) {
        const bool found = std::any_of(keys.begin(), keys.end(), [&](std::uint64_t key) {
          return std::binary_search(result.exchanges.begin(), result.exchanges.end(), key);
        });
        item.holds += found ? 1U : 0U;
      }
      summary.claims.push_back(item);
      continue;
    }
    for (std::size_t s = 0; s < series.size(); ++s) {
      if (series[s].issue != claim.issue || (!claim.model.empty() && series[s].model != claim.model)) continue;
      ClaimResult item{claim.id, series[s].model, claim.issue, 0, 0};
      for (const auto& result : results) {
        const double forecast = result.forecasts[s];
        if (std::isnan(forecast)) continue;
        ++item.samples;
        item.holds += claim.holds(forecast) ? 1U : 0U;
      }
      if (mc.ensemble() && s < components.size()) {
        const IssueProblem& issue = problem.issues[s];
        const double infinity = std::numeric_limits<double>::infinity();
        const double low = claim.kind == ClaimKind::below ? -infinity : claim.low;
        const double high = claim.kind == ClaimKind::above ? infinity : claim.high;
        item.calibrated =
            mixture_probability(mc.ensemble()->intervals, components[s], issue.max - issue.min, low, high);
      }
      summary.claims.push_back(item);
    }
  }
  return summary;
}

}  // namespace parley

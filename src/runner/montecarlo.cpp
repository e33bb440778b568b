#include "parley/montecarlo.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

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

  const auto& indicators = mc.indicator_series();
  summary.indicators.resize(indicators.size());
  for (std::size_t k = 0; k < indicators.size(); ++k) {
    std::map<std::uint64_t, std::size_t> frequency;
    for (const auto& result : results) {
      for (const auto code : result.indicators[k]) ++frequency[code];
    }
    auto& keys = summary.indicators[k];
    for (const auto& [code, count] : frequency) keys.push_back({code, count});
    std::stable_sort(keys.begin(), keys.end(),
                     [](const KeyFrequency& a, const KeyFrequency& b) { return a.samples > b.samples; });
  }

  const auto present = [&](const Claim& claim) {
    const auto has_actor = [&](const std::string& id) {
      return std::find(problem.actors.begin(), problem.actors.end(), id) != problem.actors.end();
    };
    const auto has_issue = [&](const std::string& id) {
      return std::any_of(problem.issues.begin(), problem.issues.end(),
                         [&](const IssueProblem& issue) { return issue.id == id; });
    };
    return std::all_of(claim.actors.begin(), claim.actors.end(), has_actor) &&
           std::all_of(claim.issues.begin(), claim.issues.end(), has_issue);
  };
  for (const Claim& claim : scenario.claims) {
    if (!claim.about_forecast()) {
      // Judged by the keys of the indicators that answer claims of its kind; not at all when an actor
      // or issue it names is absent at the run's date.
      if (!present(claim)) continue;
      for (std::size_t k = 0; k < indicators.size(); ++k) {
        if (indicators[k].spec->answers != claim.kind) continue;
        std::vector<std::uint64_t> bearing;  // the codes that bear the claim out, ascending
        for (const auto& item : summary.indicators[k]) {
          if (claim.bears_out(mc.key_ids(k, item.key))) bearing.push_back(item.key);
        }
        std::sort(bearing.begin(), bearing.end());
        ClaimResult item{claim.id, indicators[k].model, claim.subject(), results.size(), 0};
        for (const auto& result : results) {
          const auto& codes = result.indicators[k];
          const bool found = std::any_of(bearing.begin(), bearing.end(), [&](std::uint64_t code) {
            return std::binary_search(codes.begin(), codes.end(), code);
          });
          item.holds += found ? 1U : 0U;
        }
        summary.claims.push_back(item);
      }
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

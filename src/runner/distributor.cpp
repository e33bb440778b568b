#include "parley/distributor.hpp"

#include <bit>
#include <chrono>
#include <cstdlib>

#include "parley/errors.hpp"

namespace parley {
namespace {

constexpr std::size_t kBatch = 2000;                  // samples kept at once, at most
constexpr auto kBatchTime = std::chrono::seconds(1);  // and at least this often

class LocalDistributor final : public Distributor {
 public:
  [[nodiscard]] bool coordinator() const override { return true; }
  [[nodiscard]] int agree(int failure) const override { return failure; }
  [[nodiscard]] int processes() const override { return 1; }

  void run(const MonteCarlo& mc, SampleSink* sink, const SampleRun& run, const SampleProgress& progress,
           const std::atomic<bool>& stop) const override {
    const std::vector<std::uint64_t> done = sink->completed();
    const std::vector<std::uint64_t> missing = missing_samples(done, run.samples);
    std::vector<SampleResult> pending;
    auto last_write = std::chrono::steady_clock::now();
    const auto flush = [&] {
      sink->write(pending);
      pending.clear();
      last_write = std::chrono::steady_clock::now();
    };
    mc.run(
        missing, run.threads,
        [&](std::vector<SampleResult>& batch) {
          for (auto& result : batch) pending.push_back(std::move(result));
          if (pending.size() >= kBatch || std::chrono::steady_clock::now() - last_write > kBatchTime) flush();
        },
        [&](std::size_t count) { progress(done.size() + count, run.samples); }, stop);
    flush();
  }
};

}  // namespace

void Distributor::ordered(std::size_t count, const MakeItem& make, const TakeItem& take) const {
  for (std::size_t item = 0; item < count; ++item) take(item, make(item));
}

std::unique_ptr<Distributor> local_distributor() {
  return std::make_unique<LocalDistributor>();
}

bool launched_by_mpi() {
  // Open MPI's launcher, and PMIx/PMI ones (Slurm's srun), set one of these.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

std::vector<std::uint64_t> missing_samples(const std::vector<std::uint64_t>& done, std::uint64_t samples) {
  std::vector<std::uint64_t> missing;
  std::size_t d = 0;
  for (std::uint64_t k = 0; k < samples; ++k) {
    while (d < done.size() && done[d] < k) ++d;
    if (d < done.size() && done[d] == k) continue;
    missing.push_back(k);
  }
  return missing;
}

// Layout per result: sample, forecasts count, forecasts (bits), indicator count, then per indicator
// its code count and codes.
void pack_results(const std::vector<SampleResult>& results, std::vector<std::uint64_t>& words) {
  for (const auto& result : results) {
    words.push_back(result.sample);
    words.push_back(result.forecasts.size());
    for (const double forecast : result.forecasts) words.push_back(std::bit_cast<std::uint64_t>(forecast));
    words.push_back(result.indicators.size());
    for (const auto& codes : result.indicators) {
      words.push_back(codes.size());
      words.insert(words.end(), codes.begin(), codes.end());
    }
  }
}

std::vector<SampleResult> unpack_results(const std::vector<std::uint64_t>& words) {
  std::vector<SampleResult> results;
  std::size_t at = 0;
  const auto next = [&]() {
    if (at >= words.size()) throw ModelError("unpacking sample results: the message ends early");
    return words[at++];
  };
  while (at < words.size()) {
    SampleResult result;
    result.sample = next();
    result.forecasts.resize(static_cast<std::size_t>(next()));
    for (double& forecast : result.forecasts) forecast = std::bit_cast<double>(next());
    result.indicators.resize(static_cast<std::size_t>(next()));
    for (auto& codes : result.indicators) {
      codes.resize(static_cast<std::size_t>(next()));
      for (auto& code : codes) code = next();
    }
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace parley

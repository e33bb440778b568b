// The local distributor keeps every missing sample and only those; results cross processes bit for
// bit.

#include "parley/distributor.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <limits>

#include "parley/errors.hpp"
#include "parley/registry.hpp"
#include "parley/run.hpp"
#include "support/scenarios.hpp"

namespace parley {
namespace {

class MemorySink final : public SampleSink {
 public:
  [[nodiscard]] std::vector<std::uint64_t> completed() const override {
    std::vector<std::uint64_t> samples;
    for (const auto& result : kept) samples.push_back(result.sample);
    std::sort(samples.begin(), samples.end());
    return samples;
  }
  void write(const std::vector<SampleResult>& batch) override { kept.insert(kept.end(), batch.begin(), batch.end()); }
  std::vector<SampleResult> kept;
};

TEST(Distributor, MissingSamplesAreThoseNotDone) {
  EXPECT_EQ(missing_samples({}, 3), (std::vector<std::uint64_t>{0, 1, 2}));
  EXPECT_EQ(missing_samples({0, 2, 5}, 6), (std::vector<std::uint64_t>{1, 3, 4}));
  EXPECT_TRUE(missing_samples({0, 1}, 2).empty());
}

TEST(Distributor, PackedResultsComeBackBitForBit) {
  std::vector<SampleResult> results(2);
  results[0] = {7, {1.5, std::numeric_limits<double>::quiet_NaN(), -0.0, 1e-300}, {{3, 9}, {}}};
  results[1] = {(std::uint64_t{1} << 40) + 1, {}, {{std::uint64_t{1} << 60}}};
  std::vector<std::uint64_t> words;
  pack_results(results, words);
  const auto back = unpack_results(words);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].sample, 7u);
  ASSERT_EQ(back[0].forecasts.size(), 4u);
  EXPECT_EQ(back[0].forecasts[0], 1.5);
  EXPECT_TRUE(std::isnan(back[0].forecasts[1]));
  EXPECT_TRUE(std::signbit(back[0].forecasts[2]));
  EXPECT_EQ(back[0].forecasts[3], 1e-300);
  EXPECT_EQ(back[0].indicators, results[0].indicators);
  EXPECT_EQ(back[1].sample, results[1].sample);
  EXPECT_EQ(back[1].indicators, results[1].indicators);
  words.pop_back();
  EXPECT_THROW((void)unpack_results(words), ModelError);
}

TEST(Distributor, TheLocalOneKeepsEveryMissingSampleOnce) {
  const Scenario scenario = test::two_actor_scenario(5.0);
  RunRequest request;
  request.models = select_models({"compromise"}, {}, 1);
  const MonteCarlo mc(scenario, request);
  MemorySink sink;
  sink.kept.push_back(mc.evaluate(3));
  const std::atomic<bool> never{false};
  std::uint64_t last = 0;
  local_distributor()->run(mc, &sink, {10, 2}, [&](std::uint64_t done, std::uint64_t) { last = done; }, never);
  EXPECT_EQ(sink.completed(), (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(last, 10u);
  for (const auto& result : sink.kept) EXPECT_EQ(result.forecasts, mc.evaluate(result.sample).forecasts);
}

}  // namespace
}  // namespace parley

// Event data: reading GDELT 2.0 rows (bytes per second, one core) and aggregating them. The rows are
// synthetic, shaped like real ones (61 columns, names, places and a URL: about 430 bytes a row); the
// whole-program figure on a 1 GB file made from the fixture's rows is in docs/benchmarks.md#events.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parley/io/events.hpp"
#include "parley/rng.hpp"

namespace {

namespace ev = parley::io::events;

std::string synthetic_rows(std::size_t bytes) {
  const std::vector<std::string> countries{"USA", "PAK", "CHN", "IND", "RUS", "AFG"};
  const std::vector<std::string> codes{"010", "0311", "043", "057", "112", "190", "036", "1823"};
  parley::Rng rng = parley::make_rng(17, 0);
  std::string text;
  std::size_t id = 950000000;
  while (text.size() < bytes) {
    const std::string& a = countries[rng.below(countries.size())];
    const std::string& b = countries[rng.below(countries.size())];
    const std::string& code = codes[rng.below(codes.size())];
    ++id;
    text += std::to_string(id) + "\t20201113\t202011\t2020\t2020.8630\t" + a + "GOV\t" + a + " GOVERNMENT\t" + a +
            "\t\t\t\t\tGOV\t\t\t" + b + "\t" + b + "\t" + b + "\t\t\t\t\t\t\t\t1\t" + code + "\t" + code.substr(0, 3) +
            "\t" + code.substr(0, 2) +
            "\t1\t3.4\t10\t1\t10\t-2.61904761904762\t4\tIslamabad, Islamabad, Pakistan\tPK\t"
            "PK08\t71543\t33.7\t73.1667\t-2762290\t1\tPakistan\tPK\tPK\t\t30\t70\tPK\t4\tIslamabad, Islamabad, "
            "Pakistan\tPK\tPK08\t71543\t33.7\t73.1667\t-2762290\t20201113001500\thttps://www.example.com/news/"
            "world/asia/2020/11/13/a-story-about-the-region-" +
            std::to_string(id) + ".html\n";
  }
  return text;
}

void BM_ReadGdelt2(benchmark::State& state) {
  const std::string text = synthetic_rows(64U << 20);
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    (void)ev::read_event_text(text, "synthetic", {}, [&](const ev::Event& event) {
      benchmark::DoNotOptimize(event.event_code.data());
      ++rows;
    });
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ReadGdelt2)->Unit(benchmark::kMillisecond);

// Reading and aggregating by month, deduplicated by day (the default of `parley events aggregate`).
void BM_AggregateGdelt2(benchmark::State& state) {
  const std::string text = synthetic_rows(64U << 20);
  for (auto _ : state) {
    ev::Aggregator aggregator({});
    (void)ev::read_event_text(text, "synthetic", {}, [&](const ev::Event& event) { aggregator.add(event); });
    benchmark::DoNotOptimize(aggregator.counts().counted);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_AggregateGdelt2)->Unit(benchmark::kMillisecond);

}  // namespace

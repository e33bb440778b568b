// Event data: reading GDELT 2.0 rows (bytes per second, one core) and aggregating them. The rows are
// synthetic, shaped like real ones (61 columns, names, places and a URL: about 430 bytes a row); the
// whole-program figure on a 1 GB file made from the fixture's rows is in docs/benchmarks.md#events.

#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
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

// ICEWS rows shaped like the fixture's (20 columns, names, sectors, countries by name; ~260 bytes).
std::string synthetic_icews(std::size_t bytes) {
  const std::vector<std::string> countries{"United States", "Pakistan",           "China",
                                           "India",         "Russian Federation", "Afghanistan"};
  const std::vector<std::string> sectors{"Government,Executive,Executive Office", "Military,Government",
                                         "Insurgents,International Religious,Sunni,Dissident",
                                         "General Population / Civilian / Social,Social", "NA"};
  const std::vector<std::string> codes{"010", "0311", "043", "057", "112", "190", "036", "1823"};
  parley::Rng rng = parley::make_rng(19, 0);
  std::string text =
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
      "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
      "Province\tCountry\tLatitude\tLongitude\n";
  std::size_t id = 32889836;
  while (text.size() < bytes) {
    const std::string& a = countries[rng.below(countries.size())];
    const std::string& b = countries[rng.below(countries.size())];
    ++id;
    text += std::to_string(id) + "\t2018-06-01\tMinistry (" + a + ")\t" + sectors[rng.below(sectors.size())] + "\t" +
            a + "\tConsult\t" + codes[rng.below(codes.size())] + "\t1\tCitizen (" + b + ")\t" +
            sectors[rng.below(sectors.size())] + "\t" + b + "\t47400351\t2\tXinhua News Agency\tKabul\tNA\t" +
            "Kabul\tAfghanistan\t34.5281\t69.1723\n";
  }
  return text;
}

void BM_ReadIcews(benchmark::State& state) {
  const std::string text = synthetic_icews(64U << 20);
  for (auto _ : state) {
    (void)ev::read_event_text(text, "synthetic", {},
                              [&](const ev::Event& event) { benchmark::DoNotOptimize(event.source.code.data()); });
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ReadIcews)->Unit(benchmark::kMillisecond);

// A zip archive of one deflated entry, as GDELT's 15-minute files are (a minimal writer for the bench).
std::string zipped(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string body(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(body.data());
  z.avail_out = static_cast<uInt>(body.size());
  deflate(&z, Z_FINISH);
  body.resize(z.total_out);
  deflateEnd(&z);
  const auto crc =
      static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
  std::string out;
  const auto put = [&](std::uint32_t value, int bytes) {
    for (int k = 0; k < bytes; ++k) out += static_cast<char>((value >> (8 * k)) & 0xFFU);
  };
  const std::string name = "20201113001500.export.CSV";
  put(0x04034b50U, 4);
  put(20, 2);
  put(0, 2);
  put(8, 2);
  put(0, 4);
  put(crc, 4);
  put(static_cast<std::uint32_t>(body.size()), 4);
  put(static_cast<std::uint32_t>(data.size()), 4);
  put(static_cast<std::uint32_t>(name.size()), 2);
  put(0, 2);
  out += name + body;
  put(0x06054b50U, 4);  // the end: what follows the entries is not read
  return out;
}

std::filesystem::path bench_file(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / ("parley-bench-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Inflating and reading a zipped file (bytes counted uncompressed).
void BM_ReadGdelt2Zipped(benchmark::State& state) {
  const std::string text = synthetic_rows(64U << 20);
  const auto path = bench_file("zipped.zip", zipped(text));
  for (auto _ : state) {
    (void)ev::read_events(path, {}, [&](const ev::Event& event) { benchmark::DoNotOptimize(event.id.data()); });
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReadGdelt2Zipped)->Unit(benchmark::kMillisecond);

// Aggregating 16 files of 8 MB each on 1, 2 (and more) threads, added in file order.
void BM_AggregateFiles(benchmark::State& state) {
  std::vector<std::filesystem::path> paths;
  std::size_t bytes = 0;
  for (int f = 0; f < 16; ++f) {
    const std::string text = synthetic_rows(8U << 20);
    bytes += text.size();
    paths.push_back(bench_file("files-" + std::to_string(f) + ".CSV", text));
  }
  for (auto _ : state) {
    ev::Aggregator aggregator({});
    (void)ev::aggregate_files(paths, {}, aggregator, static_cast<unsigned>(state.range(0)));
    benchmark::DoNotOptimize(aggregator.counts().counted);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  for (const auto& path : paths) std::filesystem::remove(path);
}
BENCHMARK(BM_AggregateFiles)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

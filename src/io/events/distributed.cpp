// Event files over processes (aggregate_files with a Distributor): each process reads and digests
// the files that fall to it, the coordinator adds them in file order. A file travels as bytes: its
// counts and digests, or its error.

#include <fmt/format.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <exception>

#include "parley/distributor.hpp"
#include "parley/errors.hpp"
#include "parley/io/events.hpp"

namespace parley::io::events {
namespace {

enum class Status : unsigned char { ok, data_error, not_found, other_error, skipped };

class Writer {
 public:
  template <typename T>
  void put(T value) {
    const auto at = bytes.size();
    bytes.resize(at + sizeof(T));
    std::memcpy(bytes.data() + at, &value, sizeof(T));
  }
  void put(std::string_view text) {
    put(static_cast<std::uint32_t>(text.size()));
    bytes.append(text);
  }
  std::string bytes;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  T get() {
    T value{};
    need(sizeof(T));
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string text() {
    const auto size = get<std::uint32_t>();
    need(size);
    std::string value(bytes_.substr(at_, size));
    at_ += size;
    return value;
  }

 private:
  void need(std::size_t size) const {
    if (at_ + size > bytes_.size()) throw std::logic_error("a digested events file ends early: a defect in parley");
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::string failure(Status status, const std::string& message) {
  Writer out;
  out.put(status);
  out.put(std::string_view(message));
  return std::move(out.bytes);
}

// One file read and digested.
std::string digest_file(const std::filesystem::path& path, const ReadOptions& options, const Aggregator& aggregator) {
  try {
    Writer digests;
    std::uint64_t count = 0;
    const ReadCounts counts = read_events(path, options, [&](const Event& event) {
      const Aggregator::Digest digest = aggregator.digest(event);
      digests.put(digest.fate);
      digests.put(static_cast<unsigned char>(digest.known));
      digests.put(static_cast<unsigned char>(digest.weight.has_value()));
      digests.put(digest.weight.value_or(0.0));
      digests.put(static_cast<std::int8_t>(digest.quad.value_or(-1)));
      digests.put(std::string_view(digest.source));
      digests.put(std::string_view(digest.target));
      digests.put(static_cast<std::int64_t>(digest.period));
      digests.put(static_cast<std::int32_t>(digest.date.year));
      digests.put(static_cast<std::int32_t>(digest.date.month));
      digests.put(static_cast<std::int32_t>(digest.date.day));
      digests.put(std::string_view(digest.duplicate_key));
      ++count;
    });
    Writer out;
    out.put(Status::ok);
    out.put(static_cast<std::uint64_t>(counts.rows));
    out.put(static_cast<std::uint64_t>(counts.skipped));
    out.put(static_cast<std::uint64_t>(counts.bytes));
    out.put(count);
    out.bytes += digests.bytes;
    if (out.bytes.size() > INT_MAX) {
      return failure(Status::other_error, fmt::format("{}: too large to send between MPI processes in one message ({} "
                                                      "bytes digested); split it, or read it with parley",
                                                      path.string(), out.bytes.size()));
    }
    return std::move(out.bytes);
  } catch (const ScenarioError& error) {
    Writer out;
    out.put(Status::data_error);
    out.put(static_cast<std::uint32_t>(error.diagnostics().size()));
    for (const Diagnostic& d : error.diagnostics()) {
      out.put(std::string_view(d.location.file));
      out.put(static_cast<std::int32_t>(d.location.line));
      out.put(static_cast<std::int32_t>(d.location.column));
      out.put(std::string_view(d.path));
      out.put(std::string_view(d.message));
    }
    return std::move(out.bytes);
  } catch (const InputNotFoundError& error) {
    return failure(Status::not_found, error.what());
  } catch (const std::exception& error) {
    return failure(Status::other_error, error.what());
  }
}

// Adds a digested file's events; rethrows its error.
ReadCounts add_digested(std::string_view bytes, Aggregator& aggregator) {
  Reader in(bytes);
  switch (in.get<Status>()) {
    case Status::ok:
      break;
    case Status::data_error: {
      std::vector<Diagnostic> diagnostics(in.get<std::uint32_t>());
      for (Diagnostic& d : diagnostics) {
        d.location.file = in.text();
        d.location.line = in.get<std::int32_t>();
        d.location.column = in.get<std::int32_t>();
        d.path = in.text();
        d.message = in.text();
      }
      throw ScenarioError(std::move(diagnostics));
    }
    case Status::not_found:
      throw InputNotFoundError(in.text());
    case Status::other_error:
      throw std::runtime_error(in.text());
    case Status::skipped:
      throw std::logic_error("a file skipped after an error taken before it: a defect in parley");
  }
  ReadCounts counts;
  counts.rows = in.get<std::uint64_t>();
  counts.skipped = in.get<std::uint64_t>();
  counts.bytes = in.get<std::uint64_t>();
  const auto count = in.get<std::uint64_t>();
  for (std::uint64_t k = 0; k < count; ++k) {
    Aggregator::Digest digest;
    digest.fate = in.get<Aggregator::Digest::Fate>();
    digest.known = in.get<unsigned char>() != 0;
    const bool weighted = in.get<unsigned char>() != 0;
    const auto weight = in.get<double>();
    if (weighted) digest.weight = weight;
    const auto quad = in.get<std::int8_t>();
    if (quad >= 0) digest.quad = quad;
    digest.source = in.text();
    digest.target = in.text();
    digest.period = in.get<std::int64_t>();
    digest.date.year = in.get<std::int32_t>();
    digest.date.month = in.get<std::int32_t>();
    digest.date.day = in.get<std::int32_t>();
    digest.duplicate_key = in.text();
    aggregator.add(std::move(digest));
  }
  return counts;
}

}  // namespace

std::vector<ReadCounts> aggregate_files(const std::vector<std::filesystem::path>& files, const ReadOptions& options,
                                        Aggregator& aggregator, const Distributor& distributor) {
  std::vector<ReadCounts> counts(files.size());
  bool failed_here = false;  // this process failed on a file: it reads no more
  std::exception_ptr first;  // on the coordinator: the first error in file order
  distributor.ordered(
      files.size(),
      [&](std::size_t file) {
        if (failed_here) {
          Writer skipped;
          skipped.put(Status::skipped);
          return std::move(skipped.bytes);
        }
        std::string bytes = digest_file(files[file], options, aggregator);
        failed_here = static_cast<Status>(bytes.front()) != Status::ok;
        return bytes;
      },
      [&](std::size_t file, const std::string& bytes) {
        if (first) return;  // the error is known; the rest only drains
        try {
          counts[file] = add_digested(bytes, aggregator);
        } catch (...) {
          first = std::current_exception();
        }
      });
  if (first) std::rethrow_exception(first);
  if (!distributor.coordinator()) return {};
  return counts;
}

}  // namespace parley::io::events

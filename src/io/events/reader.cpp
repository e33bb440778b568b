// Event files a block at a time — plain, or the entries of a zip archive (GDELT's 15-minute files) —
// line by line into the parser of their layout (docs/events.md#formats).

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "io/events/rows.hpp"
#include "parley/errors.hpp"
#include "parley/io/events.hpp"

namespace parley::io::events {
namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20;     // bytes read at a time
constexpr std::size_t kMaxLine = std::size_t{64} << 20;  // a longer line is not an event's row

// Hands each line of one file (or archive entry) to the parser its first line calls for.
class Reader {
 public:
  Reader(std::string name, const ReadOptions& options, const EventSink& sink)
      : name_(std::move(name)), options_(options), sink_(sink) {}

  // One line, without its end of line.
  void line(std::string_view text) {
    ++line_;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) return;
    if (!parser_) {
      if (choose_parser(text)) return;  // a header row
    }
    if (parser_->parse(text, line_, event_)) {
      ++counts_.rows;
      sink_(event_);
    }
  }

  // The line after the last one read runs past kMaxLine bytes without an end.
  [[noreturn]] void too_long() const {
    throw ScenarioError(diagnostic_at(name_, static_cast<int>(line_ + 1), 1, "line",
                                      fmt::format("a line of more than {} MB: not a file of event rows (a binary "
                                                  "file, or one without line ends?)",
                                                  kMaxLine >> 20U)));
  }

  [[nodiscard]] ReadCounts counts() const {
    ReadCounts counts = counts_;
    if (parser_) counts.skipped = parser_->skipped();
    return counts;
  }
  void add_bytes(std::size_t bytes) { counts_.bytes += bytes; }

 private:
  // Returns whether `first` is a header row.
  bool choose_parser(std::string_view first) {
    bool header = false;
    const bool icews_header = first.starts_with("Event ID\t");
    if (icews_header || options_.format == Format::icews) {
      parser_ = detail::icews_parser(first, name_, options_);
      if (!parser_) {
        throw ScenarioError(diagnostic_at(name_, static_cast<int>(line_), 1, "format",
                                          "an ICEWS file begins with its header row (Event ID, Event Date, ...)"));
      }
      if (options_.format && *options_.format != Format::icews) {
        throw ScenarioError(diagnostic_at(name_, 1, 1, "format", "an ICEWS file, not the format given (--format)"));
      }
      return true;
    }
    parser_ = detail::gdelt_parser(first, name_, options_, header);
    if (!parser_) {
      detail::Fields fields;
      detail::split_tabs(first, fields);
      throw ScenarioError(diagnostic_at(
          name_, static_cast<int>(line_), 1, "format",
          fmt::format("{} tab-separated columns: neither GDELT 2.0 (61) nor GDELT 1.0 (57 or 58), nor an ICEWS "
                      "header; give --format, or check that this is an events file",
                      fields.count)));
    }
    return header;
  }

  std::string name_;
  const ReadOptions& options_;
  const EventSink& sink_;
  std::unique_ptr<detail::RowParser> parser_;
  Event event_;
  std::size_t line_ = 0;
  ReadCounts counts_;
};

// Hands each complete line of `text` to the reader; returns where the unfinished last line starts.
std::size_t lines(std::string_view text, Reader& reader) {
  std::size_t start = 0;
  while (true) {
    const void* found = std::memchr(text.data() + start, '\n', text.size() - start);
    if (found == nullptr) return start;
    const auto end = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    reader.line(text.substr(start, end - start));
    start = end + 1;
  }
}

// Feeds a stream of bytes, delivered by `fill(buffer, capacity) -> bytes` (0 at its end), to `reader`
// a block at a time: memory stays flat whatever the stream's size.
template <typename Fill>
void stream_lines(Reader& reader, Fill&& fill) {
  std::vector<char> buffer(kBlock);
  std::size_t kept = 0;  // an unfinished line carried to the front of the buffer
  while (true) {
    if (kept == buffer.size()) {  // a line longer than the block
      if (buffer.size() >= kMaxLine) reader.too_long();
      buffer.resize(buffer.size() * 2);
    }
    const std::size_t got = fill(buffer.data() + kept, buffer.size() - kept);
    reader.add_bytes(got);
    const std::string_view text(buffer.data(), kept + got);
    if (got == 0) {
      if (!text.empty()) reader.line(text);
      return;
    }
    const std::size_t rest = lines(text, reader);
    kept = text.size() - rest;
    std::memmove(buffer.data(), buffer.data() + rest, kept);
  }
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

[[noreturn]] void read_failed(const std::filesystem::path& path) {
  throw InputNotFoundError(fmt::format("{}: reading failed: {}", path.string(), std::strerror(errno)));
}

// ------------------------------------------------------------------------------------ zip archives

// A zip archive read front to back through its local headers (no seeking: a truncated download
// fails where it ends). Entries stored or deflated; each entry's CRC-32 is checked.
class ZipReader {
 public:
  ZipReader(std::FILE* file, std::filesystem::path path) : file_(file), path_(std::move(path)), in_(kBlock) {}

  // Reads every entry as an events file of its own, named ARCHIVE:ENTRY in messages.
  ReadCounts read(const ReadOptions& options, const EventSink& sink) {
    ReadCounts total;
    std::size_t entries = 0;
    while (true) {
      const std::uint32_t signature = u32();
      if (signature == 0x02014b50U || signature == 0x06054b50U) break;  // the central directory: done
      if (signature != 0x04034b50U) corrupt("no local file header where one should begin");
      const std::uint16_t flags = (skip(2), u16());
      const std::uint16_t method = u16();
      skip(4);  // time, date
      std::uint32_t crc = u32();
      std::uint64_t compressed = u32();
      const std::uint32_t uncompressed = u32();
      const std::uint16_t name_length = u16();
      const std::uint16_t extra_length = u16();
      std::string name(name_length, '\0');
      for (char& c : name) c = static_cast<char>(byte());
      // The extra field: a zip64 record (id 1) carries the sizes the header gives as 0xFFFFFFFF (Info-ZIP
      // writes one for data from a pipe, whatever its size), and makes the descriptor's sizes 8 bytes.
      bool zip64 = false;
      std::size_t at = 0;
      while (at + 4 <= extra_length) {
        const std::uint16_t id = u16();
        const std::uint16_t size = u16();
        at += 4;
        if (at + size > extra_length) corrupt(fmt::format("entry {}: a malformed extra field", name));
        std::size_t used = 0;
        if (id == 0x0001U) {
          zip64 = true;
          if (uncompressed == 0xFFFFFFFFU && used + 8 <= size) {
            (void)u64();
            used += 8;
          }
          if (compressed == 0xFFFFFFFFU && used + 8 <= size) {
            compressed = u64();
            used += 8;
          }
        }
        skip(size - used);
        at += size;
      }
      skip(extra_length - at);
      const bool descriptor = (flags & 0x08U) != 0;
      if ((flags & 0x01U) != 0) corrupt(fmt::format("entry {} is encrypted", name));
      if (method != 0 && method != 8) {
        corrupt(
            fmt::format("entry {}: compression method {} (parley reads stored and deflated entries)", name, method));
      }
      if (method == 0 && descriptor) corrupt(fmt::format("entry {}: stored without its size", name));
      if (compressed == 0xFFFFFFFFU && method == 0) corrupt(fmt::format("entry {}: stored without its size", name));
      // Folders, and the resource forks macOS adds (__MACOSX/._NAME), are read past, not as events.
      const bool events = !name.ends_with('/') && !name.starts_with("__MACOSX/");
      if (events) ++entries;
      Reader reader(fmt::format("{}:{}", path_.string(), name), options, sink);
      std::uint32_t actual = 0;  // the CRC-32 of what was read
      const auto checked = [&](char* out, std::size_t got) {
        actual = static_cast<std::uint32_t>(crc32(actual, reinterpret_cast<const Bytef*>(out), static_cast<uInt>(got)));
        return got;
      };
      const auto use = [&](auto&& fill) {
        if (events) {
          stream_lines(reader, fill);
          return;
        }
        std::vector<char> scratch(kBlock);
        while (fill(scratch.data(), scratch.size()) != 0) {
        }
      };
      if (method == 0) {
        std::uint64_t left = compressed;
        use([&](char* out, std::size_t capacity) {
          const std::size_t got = take(out, static_cast<std::size_t>(std::min<std::uint64_t>(capacity, left)));
          left -= got;
          return checked(out, got);
        });
      } else {
        inflate_entry(name, checked, use);
      }
      if (descriptor) {
        std::uint32_t first = u32();
        if (first == 0x08074b50U) first = u32();  // the optional signature
        crc = first;
        skip(zip64 ? 16 : 8);  // the sizes
      }
      if (actual != crc)
        corrupt(fmt::format("entry {}: CRC-32 {:08x} where the archive says {:08x}", name, actual, crc));
      const ReadCounts counts = reader.counts();
      total.rows += counts.rows;
      total.skipped += counts.skipped;
      total.bytes += counts.bytes;
    }
    if (entries == 0) corrupt("no entries");
    return total;
  }

 private:
  // Inflates the entry at the read position, handing `use` the function that fills a buffer with the
  // next inflated bytes (0 at the entry's end).
  template <typename Checked, typename Use>
  void inflate_entry(const std::string& name, const Checked& checked, const Use& use) {
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) corrupt("zlib could not start");
    const std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&z, inflateEnd);
    bool ended = false;
    use([&](char* out, std::size_t capacity) -> std::size_t {
      if (ended) return 0;
      z.next_out = reinterpret_cast<Bytef*>(out);
      const auto room = static_cast<uInt>(std::min<std::size_t>(capacity, std::size_t{1} << 30U));
      z.avail_out = room;
      while (z.avail_out == room && !ended) {  // until some output, or the entry's end
        if (pos_ == end_ && !refill())
          corrupt(fmt::format("entry {} ends before its data does (a truncated download?)", name));
        z.next_in = in_.data() + pos_;
        z.avail_in = static_cast<uInt>(end_ - pos_);
        const int status = ::inflate(&z, Z_NO_FLUSH);
        pos_ = end_ - z.avail_in;
        if (status == Z_STREAM_END) {
          ended = true;
        } else if (status != Z_OK && status != Z_BUF_ERROR) {
          corrupt(fmt::format("entry {}: {}", name, z.msg != nullptr ? z.msg : "the deflated data are corrupt"));
        }
      }
      return checked(out, room - z.avail_out);
    });
  }

  bool refill() {
    pos_ = 0;
    end_ = std::fread(in_.data(), 1, in_.size(), file_);
    if (end_ == 0 && std::ferror(file_) != 0) read_failed(path_);
    return end_ > 0;
  }
  unsigned char byte() {
    if (pos_ == end_ && !refill()) corrupt("it ends inside a header (a truncated download?)");
    return in_[pos_++];
  }
  std::uint16_t u16() {
    const unsigned low = byte();
    return static_cast<std::uint16_t>(low | (static_cast<unsigned>(byte()) << 8U));
  }
  std::uint32_t u32() {
    const std::uint32_t low = u16();
    return low | (static_cast<std::uint32_t>(u16()) << 16U);
  }
  std::uint64_t u64() {
    const std::uint64_t low = u32();
    return low | (static_cast<std::uint64_t>(u32()) << 32U);
  }
  void skip(std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) (void)byte();
  }
  std::size_t take(char* out, std::size_t n) {
    if (n == 0) return 0;
    if (pos_ == end_ && !refill()) corrupt("a stored entry ends before its data do (a truncated download?)");
    const std::size_t got = std::min(n, end_ - pos_);
    std::memcpy(out, in_.data() + pos_, got);
    pos_ += got;
    return got;
  }
  [[noreturn]] void corrupt(const std::string& what) const {
    throw ScenarioError(diagnostic_at(path_.string(), 1, 1, "zip", "not a zip archive parley can read: " + what));
  }

  std::FILE* file_;
  std::filesystem::path path_;
  std::vector<unsigned char> in_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

}  // namespace

ReadCounts read_event_text(std::string_view text, const std::string& name, const ReadOptions& options,
                           const EventSink& sink) {
  Reader reader(name, options, sink);
  const std::size_t rest = lines(text, reader);
  if (rest < text.size()) reader.line(text.substr(rest));
  reader.add_bytes(text.size());
  return reader.counts();
}

ReadCounts read_events(const std::filesystem::path& path, const ReadOptions& options, const EventSink& sink) {
  const File file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int error = errno;
    if (error == ENOENT) throw InputNotFoundError(fmt::format("{}: no such file", path.string()));
    throw InputNotFoundError(fmt::format("{}: cannot be read: {}", path.string(), std::strerror(error)));
  }
  std::array<char, 4> magic{};
  const std::size_t got = std::fread(magic.data(), 1, magic.size(), file.get());
  if (got == 4 && std::memcmp(magic.data(), "PK\x03\x04", 4) == 0) {
    std::rewind(file.get());
    return ZipReader(file.get(), path).read(options, sink);
  }
  std::rewind(file.get());
  Reader reader(path.string(), options, sink);
  stream_lines(reader, [&](char* out, std::size_t capacity) {
    const std::size_t read = std::fread(out, 1, capacity, file.get());
    if (read == 0 && std::ferror(file.get()) != 0) read_failed(path);
    return read;
  });
  return reader.counts();
}

}  // namespace parley::io::events

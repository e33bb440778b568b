#include "archive.hpp"

#include <zlib.h>

#include <cstdint>
#include <limits>

#include "parley/errors.hpp"

namespace parley::serve {
namespace {

void put16(std::string& out, std::uint32_t value) {
  out += static_cast<char>(value & 0xffU);
  out += static_cast<char>((value >> 8U) & 0xffU);
}

void put32(std::string& out, std::uint32_t value) {
  put16(out, value & 0xffffU);
  put16(out, value >> 16U);
}

std::uint32_t checked32(std::size_t size) {
  if (size >= std::numeric_limits<std::uint32_t>::max()) {
    throw OutputError("the run folder is too large for a zip archive (4 GB)");
  }
  return static_cast<std::uint32_t>(size);
}

constexpr std::uint32_t kDosDate = (1U << 5U) | 1U;  // 1980-01-01: the archive does not depend on the clock

}  // namespace

std::string zip_archive(const std::vector<ArchiveEntry>& entries) {
  std::string out;
  std::string directory;
  for (const auto& entry : entries) {
    const auto crc =
        static_cast<std::uint32_t>(::crc32_z(0, reinterpret_cast<const Bytef*>(entry.data.data()), entry.data.size()));
    const std::uint32_t size = checked32(entry.data.size());
    const std::uint32_t offset = checked32(out.size());
    // The fields the local header and the central directory share: version, flags (bit 11: UTF-8
    // names), method (stored), time, date, CRC-32, sizes, the name's length.
    std::string common;
    put16(common, 20);
    put16(common, 1U << 11U);
    put16(common, 0);
    put16(common, 0);
    put16(common, kDosDate);
    put32(common, crc);
    put32(common, size);
    put32(common, size);
    put16(common, static_cast<std::uint32_t>(entry.name.size()));
    put16(common, 0);  // extra field length
    put32(out, 0x04034b50U);
    out += common;
    out += entry.name;
    out += entry.data;
    put32(directory, 0x02014b50U);
    put16(directory, (3U << 8U) | 20U);  // made by: Unix, 2.0
    directory += common;
    put16(directory, 0);                // comment length
    put16(directory, 0);                // disk
    put16(directory, 0);                // internal attributes
    put32(directory, 0100644U << 16U);  // external: a regular file, rw-r--r--
    put32(directory, offset);
    directory += entry.name;
  }
  const std::uint32_t directory_offset = checked32(out.size());
  out += directory;
  checked32(out.size());
  put32(out, 0x06054b50U);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);
  return out;
}

}  // namespace parley::serve

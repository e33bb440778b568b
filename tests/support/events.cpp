#include "support/events.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <stdexcept>

namespace parley::test {
namespace {

std::string joined(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t k = 0; k < fields.size(); ++k) line += (k == 0 ? "" : "\t") + fields[k];
  return line + "\n";
}

void put16(std::string& out, unsigned value) {
  out += static_cast<char>(value & 0xFFU);
  out += static_cast<char>((value >> 8U) & 0xFFU);
}

void put32(std::string& out, std::uint32_t value) {
  put16(out, value & 0xFFFFU);
  put16(out, value >> 16U);
}

std::string deflated(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  return out;
}

}  // namespace

std::string gdelt2_row(const std::string& id, const std::string& date, const std::string& source_code,
                       const std::string& source, const std::string& target_code, const std::string& target,
                       const std::string& code, const std::string& url) {
  std::vector<std::string> f(61);
  f[0] = id;
  f[1] = date;
  f[5] = source_code;
  f[7] = source;
  f[15] = target_code;
  f[17] = target;
  f[25] = "1";
  f[26] = code;
  f[27] = code.substr(0, 3);
  f[28] = code.substr(0, 2);
  f[29] = "1";
  f[30] = "0.0";
  f[31] = "2";
  f[32] = "1";
  f[33] = "2";
  f[34] = "-1.5";
  f[53] = "PK";
  f[59] = "20201113000000";
  f[60] = url;
  return joined(f);
}

std::string icews_header() {
  return joined({"Event ID",       "Event Date", "Source Name",     "Source Sectors", "Source Country",
                 "Event Text",     "CAMEO Code", "Intensity",       "Target Name",    "Target Sectors",
                 "Target Country", "Story ID",   "Sentence Number", "Publisher",      "City",
                 "District",       "Province",   "Country",         "Latitude",       "Longitude"});
}

std::string icews_row(const std::string& id, const std::string& date, const std::string& source,
                      const std::string& source_sectors, const std::string& source_country, const std::string& code,
                      const std::string& intensity, const std::string& target, const std::string& target_sectors,
                      const std::string& target_country, const std::string& story) {
  return joined({id,        date,   source,         source_sectors, source_country, "Consult", code,
                 intensity, target, target_sectors, target_country, story,          "1",       "Publisher",
                 "NA",      "NA",   "NA",           "Pakistan",     "33.7",         "73.1"});
}

std::string zip_archive(const std::vector<ZipEntry>& entries) {
  std::string out;
  std::string directory;
  for (const ZipEntry& entry : entries) {
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(entry.data.data()), static_cast<uInt>(entry.data.size())));
    const std::string body = entry.deflate ? deflated(entry.data) : entry.data;
    const unsigned flags = entry.descriptor ? 0x08U : 0U;
    const unsigned method = entry.deflate ? 8U : 0U;
    const auto offset = static_cast<std::uint32_t>(out.size());
    put32(out, 0x04034b50U);
    put16(out, 20);
    put16(out, flags);
    put16(out, method);
    put16(out, 0);     // time
    put16(out, 0x21);  // 1980-01-01
    put32(out, entry.descriptor ? 0 : crc);
    put32(out, entry.zip64 ? 0xFFFFFFFFU : entry.descriptor ? 0 : static_cast<std::uint32_t>(body.size()));
    put32(out, entry.zip64 ? 0xFFFFFFFFU : entry.descriptor ? 0 : static_cast<std::uint32_t>(entry.data.size()));
    put16(out, static_cast<unsigned>(entry.name.size()));
    put16(out, entry.zip64 ? 20 : 0);
    out += entry.name;
    if (entry.zip64) {  // id 1, 16 bytes: the uncompressed and compressed sizes (0 when a descriptor follows)
      put16(out, 1);
      put16(out, 16);
      for (const std::size_t size : {entry.data.size(), body.size()}) {
        put32(out, entry.descriptor ? 0 : static_cast<std::uint32_t>(size));
        put32(out, 0);
      }
    }
    out += body;
    if (entry.descriptor) {
      put32(out, 0x08074b50U);
      put32(out, crc);
      for (const std::size_t size : {body.size(), entry.data.size()}) {
        put32(out, static_cast<std::uint32_t>(size));
        if (entry.zip64) put32(out, 0);
      }
    }
    put32(directory, 0x02014b50U);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, flags);
    put16(directory, method);
    put16(directory, 0);
    put16(directory, 0x21);
    put32(directory, crc);
    put32(directory, static_cast<std::uint32_t>(body.size()));
    put32(directory, static_cast<std::uint32_t>(entry.data.size()));
    put16(directory, static_cast<unsigned>(entry.name.size()));
    put16(directory, 0);  // extra
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += entry.name;
  }
  const auto start = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50U);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<unsigned>(entries.size()));
  put16(out, static_cast<unsigned>(entries.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, start);
  put16(out, 0);
  return out;
}

TempFile::TempFile(const std::string& name, const std::string& bytes)
    : path_(std::filesystem::temp_directory_path() /
            (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + name)) {
  std::ofstream(path_, std::ios::binary) << bytes;
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace parley::test

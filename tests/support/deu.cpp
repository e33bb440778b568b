#include "support/deu.hpp"

#include <fstream>

namespace parley::test {
namespace {

constexpr const char* kHeader = "prnr\tisnr\tprname\tintro\tpcom\tpfr\tscom\tsfr\trp\tout\n";
constexpr const char* kCapabilities = "\t\t\t\t4.1\t2.8\t\t\t\t\n";

}  // namespace

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::filesystem::path deu_file(const std::filesystem::path& directory, const std::string& rows) {
  const auto path = directory / "data.tsv";
  std::filesystem::create_directories(directory);
  write_file(path, std::string(kHeader) + kCapabilities + rows);
  return path;
}

}  // namespace parley::test

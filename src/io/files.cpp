#include "parley/io/files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "parley/errors.hpp"

namespace parley::io {

std::string read_text_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw InputNotFoundError(fmt::format("{}: no such file", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) throw InputNotFoundError(fmt::format("{}: cannot read the file", path.string()));
  return buffer.str();
}

void write_text_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) throw OutputError(fmt::format("{}: cannot write the file", path.string()));
}

void make_output_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    throw OutputError(fmt::format("{}: cannot create the output folder: {}", directory.string(), error.message()));
  }
}

}  // namespace parley::io

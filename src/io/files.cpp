#include "parley/io/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "parley/errors.hpp"

namespace parley::io {

std::string read_text_file(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    throw InputNotFoundError(fmt::format("{}: no such file", path.string()));
  }
  if (status.type() == std::filesystem::file_type::directory) {
    throw InputNotFoundError(fmt::format("{}: a folder, not a file", path.string()));
  }
  if (status.type() != std::filesystem::file_type::regular) {
    throw InputNotFoundError(
        fmt::format("{}: not a regular file (parley reads files, not devices or pipes)", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) throw InputNotFoundError(fmt::format("{}: cannot read the file", path.string()));
  return buffer.str();
}

namespace {

std::string read_stream(std::istream& in, const std::string& name) {
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxStreamBytes) {
      throw InputNotFoundError(
          fmt::format("{}: more than {} MiB from a pipe; write it to a file first", name, kMaxStreamBytes >> 20));
    }
  }
  if (in.bad()) throw InputNotFoundError(fmt::format("{}: cannot read", name));
  return text;
}

}  // namespace

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string read_input_text(const std::string& path) {
  if (path == "-") return read_stream(std::cin, input_name(path));
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::fifo) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputNotFoundError(fmt::format("{}: cannot open the pipe", path));
    return read_stream(in, path);
  }
  if (status.type() == std::filesystem::file_type::directory) {
    const bool run_folder = std::filesystem::is_regular_file(std::filesystem::path(path) / "run.json", error);
    throw InputNotFoundError(
        run_folder ? fmt::format("{}: a run's output folder, not a scenario file (`parley report {}` draws its "
                                 "report; its scenario.json holds the scenario it ran)",
                                 path, path)
                   : fmt::format("{}: a folder, not a scenario file", path));
  }
  return read_text_file(path);
}

namespace {

[[noreturn]] void cannot_write(const std::filesystem::path& path, int cause) {
  throw OutputError(fmt::format("{}: cannot write the file: {}", path.string(), std::strerror(cause)));
}

}  // namespace

// Into a temporary file beside `path`, then renamed over it: a reader (or a run killed half-way)
// sees the old file or the new one, never part of one; and a symbolic link planted at `path` is
// replaced, not followed.
void write_text_file(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const std::filesystem::path temporary =
      folder / fmt::format(".{}.parley-{}.tmp", path.filename().string(), static_cast<long>(::getpid()));
  const int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW;
  int fd = ::open(temporary.c_str(), flags, 0666);
  if (fd < 0 && errno == EEXIST) {  // left by a process of the same number that was killed
    ::unlink(temporary.c_str());
    fd = ::open(temporary.c_str(), flags, 0666);
  }
  if (fd < 0) cannot_write(path, errno);
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      const int cause = written < 0 ? errno : EIO;
      ::close(fd);
      ::unlink(temporary.c_str());
      cannot_write(path, cause);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  if (::close(fd) != 0) {
    const int cause = errno;
    ::unlink(temporary.c_str());
    cannot_write(path, cause);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int cause = errno;
    ::unlink(temporary.c_str());
    cannot_write(path, cause);
  }
}

void make_output_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    throw OutputError(fmt::format("{}: cannot create the output folder: {}", directory.string(), error.message()));
  }
}

}  // namespace parley::io

#include "support/process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

namespace parley::test {
namespace {

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

// The directories this test process made, removed when it ends so that runs of the suite do not
// pile up in the temporary folder. PARLEY_KEEP_TEST_DIRS=1 keeps them, to look at after a failure.
// (A child forked by start_parley ends with _exit and removes nothing.)
class MadeDirectories {
 public:
  MadeDirectories() = default;
  MadeDirectories(const MadeDirectories&) = delete;
  MadeDirectories& operator=(const MadeDirectories&) = delete;
  ~MadeDirectories() {
    if (std::getenv("PARLEY_KEEP_TEST_DIRS") != nullptr) return;
    for (const auto& directory : directories_) {
      std::error_code ignored;
      std::filesystem::remove_all(directory, ignored);
    }
  }
  void add(const std::filesystem::path& directory) {
    const std::lock_guard<std::mutex> lock(mutex_);
    directories_.push_back(directory);
  }

 private:
  std::mutex mutex_;
  std::vector<std::filesystem::path> directories_;
};

MadeDirectories& made_directories() {
  static MadeDirectories made;
  return made;
}

}  // namespace

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::filesystem::path source_dir() {
  return PARLEY_SOURCE_DIR;
}

std::filesystem::path fresh_directory(const std::string& name) {
  const auto directory =
      std::filesystem::temp_directory_path() / ("parley-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  made_directories().add(directory);
  return directory;
}

Outcome run_parley(const std::vector<std::string>& args, const std::filesystem::path& directory) {
  return run_program(PARLEY_BINARY, args, directory);
}

Outcome run_program(const std::string& program, const std::vector<std::string>& args,
                    const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  const auto out_file = directory / ".stdout";
  const auto err_file = directory / ".stderr";
  std::string command = "cd " + shell_quote(directory.string()) + " && " + shell_quote(program);
  for (const auto& arg : args) command += " " + shell_quote(arg);
  command += " </dev/null >" + shell_quote(out_file.string()) + " 2>" + shell_quote(err_file.string());
  const int status = std::system(command.c_str());
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = read_text(out_file);
  outcome.err = read_text(err_file);
  return outcome;
}

}  // namespace parley::test

namespace parley::test {

pid_t start_parley(const std::vector<std::string>& args, const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  const std::string out_file = (directory / ".stdout").string();
  const std::string err_file = (directory / ".stderr").string();
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  // The child: run the binary in `directory` with its output in files.
  if (::chdir(directory.c_str()) != 0) ::_exit(127);
  if (std::freopen(out_file.c_str(), "w", stdout) == nullptr ||
      std::freopen(err_file.c_str(), "w", stderr) == nullptr) {
    ::_exit(127);
  }
  std::vector<std::string> storage{PARLEY_BINARY};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  ::execv(PARLEY_BINARY, argv.data());
  ::_exit(127);
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1000;
}

}  // namespace parley::test

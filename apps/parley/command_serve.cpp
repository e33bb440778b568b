// `parley serve [OPTIONS]`: the web workbench. It is its own binary, parley-serve beside this one
// (apps/serve), so that `parley` links no HTTP, TLS or compression library; this command runs it.

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli_common.hpp"

namespace parley::cli {
namespace {

class ServeCommand final : public Command {
 public:
  explicit ServeCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "serve", "The workbench in the browser: edit, run, Monte Carlo, compare (`parley serve --help`)");
    app_->allow_extras();
    app_->prefix_command();
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override { exec_serve(app_->remaining()); }

 private:
  CLI::App* app_ = nullptr;
};

}  // namespace

void exec_serve(const std::vector<std::string>& args) {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  const auto server = (error ? std::filesystem::path(".") : self.parent_path()) / "parley-serve";
  if (!std::filesystem::exists(server, error)) {
    throw InputNotFoundError(fmt::format(
        "{}: not found: parley serve runs it, and it is built with the rest when libcpp-httplib-dev and the page's "
        "npm packages are installed (scripts/install-deps.sh; cmake -DPARLEY_WITH_SERVE=ON)",
        server.string()));
  }
  std::vector<std::string> words{server.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::cout.flush();
  ::execv(server.c_str(), argv.data());
  throw InputNotFoundError(fmt::format("{}: cannot run it: {}", server.string(), std::strerror(errno)));
}

std::unique_ptr<Command> make_serve_command(CLI::App& parent) {
  return std::make_unique<ServeCommand>(parent);
}

}  // namespace parley::cli

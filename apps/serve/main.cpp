// parley-serve, run as `parley serve`: the web workbench (docs/web.md). Prints the address with its
// token and serves until Ctrl-C or SIGTERM.

#include <fmt/format.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <array>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "parley/errors.hpp"
#include "server.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, for posix_spawnp

namespace {

// Opens `url` in the desktop's browser, when there is one; says so when there is not. The token never
// goes on a command line, where other users of the machine could read it (ps): the browser opens a
// file only this user can read, which sends it on to the address (as Jupyter does).
void open_browser(const std::string& url) {
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::string path =
      std::string(runtime != nullptr && *runtime != '\0' ? runtime : "/tmp") + "/parley-serve-XXXXXX.html";
  const int file = ::mkstemps(path.data(), 5);  // created 0600
  const std::string page = fmt::format(
      "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={0}\">"
      "<title>parley serve</title><a href=\"{0}\">Open the parley workbench</a>\n",
      url);
  if (file < 0 || ::write(file, page.data(), page.size()) != static_cast<ssize_t>(page.size())) {
    std::cerr << "parley serve: --open: cannot write the page that opens the workbench; open the address above\n";
    if (file >= 0) ::close(file);
    return;
  }
  ::close(file);
  pid_t child = 0;
  std::string program = "xdg-open";
  std::array<char*, 3> argv{program.data(), path.data(), nullptr};
  if (::posix_spawnp(&child, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    std::cerr << "parley serve: --open: no xdg-open here; open the address above yourself\n";
    return;
  }
  std::thread([child] { ::waitpid(child, nullptr, 0); }).detach();  // no zombie left behind
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("parley serve: the scenario workbench in the browser (docs/web.md)", "parley serve");
  parley::serve::ServerOptions options;
  bool open = false;
  std::size_t max_body_mb = options.max_body >> 20U;
  long time_limit = options.jobs.time_limit.count();
  app.add_option("--host", options.host, "Address to listen on; another than localhost prints a warning")
      ->capture_default_str();
  app.add_option("--port", options.port, "Port (0: any free one)")->capture_default_str()->check(CLI::Range(0, 65535));
  app.add_flag("--open", open, "Open the workbench in the desktop's browser");
  app.add_option("--jobs", options.jobs.running, "Runs computed at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app.add_option("--queue", options.jobs.queued, "Runs that may wait; more are refused (503)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  app.add_option("--time-limit", time_limit, "Seconds a Monte Carlo job may run before it is stopped")
      ->capture_default_str()
      ->check(CLI::Range(1L, 86400L));
  app.add_option("--max-body", max_body_mb, "Largest request, in MB")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  app.add_option("-j,--threads", options.threads, "Cores the runs share (default: every core)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : static_cast<int>(parley::ExitCode::usage);
  }
  options.max_body = max_body_mb << 20U;
  options.jobs.time_limit = std::chrono::seconds(time_limit);

  // Ctrl-C and SIGTERM reach one thread, which stops the server; the others never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    parley::serve::Server server(options);
    server.bind();
    if (!parley::serve::loopback_host(options.host)) {
      std::cerr << fmt::format(
          "parley serve: warning: listening on {}: anyone who can reach this address and has the token can run "
          "models here\n",
          options.host);
    }
    std::cout << fmt::format("parley serve: the workbench is at\n\n    {}\n\nCtrl-C stops it.\n", server.url())
              << std::flush;
    if (open) open_browser(server.url());
    // The first signal stops the server, again and again until it has: one that came before it
    // started listening must not be lost. A second ends the process at once.
    std::atomic<bool> listening{true};
    std::thread stopper([&] {
      const timespec wait{0, 100'000'000};
      bool stopping = false;
      while (listening) {
        if (sigtimedwait(&signals, nullptr, &wait) > 0) {
          if (stopping) std::_Exit(static_cast<int>(parley::ExitCode::interrupted));
          stopping = true;
        }
        if (stopping) server.stop();
      }
    });
    server.listen();
    listening = false;  // when listen ended on its own
    stopper.join();
  } catch (const parley::Error& error) {
    std::cerr << "parley serve: error: " << error.what() << '\n';
    return static_cast<int>(error.exit_code());
  }
  return 0;
}

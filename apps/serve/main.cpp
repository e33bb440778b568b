// parley-serve, run as `parley serve`: the web workbench (docs/web.md). Prints the address with its
// token and serves until Ctrl-C or SIGTERM.

#include <fmt/format.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "parley/errors.hpp"
#include "server.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, for posix_spawnp

namespace {

// Opens `url` in the desktop's browser, when there is one; says so when there is not.
void open_browser(const std::string& url) {
  pid_t child = 0;
  std::string program = "xdg-open";
  std::array<char*, 3> argv{program.data(), const_cast<char*>(url.c_str()), nullptr};  // NOLINT
  if (::posix_spawnp(&child, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    std::cerr << "parley serve: --open: no xdg-open here; open the address above yourself\n";
  }
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
    std::atomic<bool> listening{true};
    std::thread stopper([&] {
      const timespec wait{0, 200'000'000};
      while (listening) {
        if (sigtimedwait(&signals, nullptr, &wait) > 0) {
          server.stop();
          return;
        }
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

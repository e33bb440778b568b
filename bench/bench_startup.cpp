// Start-up: the whole process of `parley --version` (loading, static initialisers, the command line's
// set-up), started and waited for. hyperfine gives the same figure from the shell
// (docs/benchmarks.md, "Start-up").

#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sys/wait.h>

#include <vector>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere else

namespace {

void spawn_and_wait(const char* program, std::vector<char*> argv) {
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", 1, 0);  // O_WRONLY
  pid_t pid = 0;
  if (posix_spawn(&pid, program, &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
  }
  posix_spawn_file_actions_destroy(&actions);
}

void BM_StartupVersion(benchmark::State& state) {
  static char program[] = PARLEY_BINARY;
  static char version[] = "--version";
  for (auto _ : state) spawn_and_wait(program, {program, version});
}

BENCHMARK(BM_StartupVersion)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

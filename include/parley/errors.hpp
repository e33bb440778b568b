#pragma once
// One error hierarchy for the whole engine. Each family carries the exit code (sysexits) that
// `main` maps it to, in one place; a failed run never exits 0.

#include <stdexcept>
#include <string>
#include <vector>

namespace parley {

enum class ExitCode : int {
  ok = 0,
  usage = 64,         // EX_USAGE: a bad command line
  data = 65,          // EX_DATAERR: a malformed scenario or data file
  no_input = 66,      // EX_NOINPUT: a file or scenario that does not exist
  software = 70,      // EX_SOFTWARE: a model failed; a bug
  cant_create = 73,   // EX_CANTCREAT: an output file cannot be written
  config = 78,        // EX_CONFIG: a bad model name or parameter
  interrupted = 130,  // 128 + SIGINT: stopped by Ctrl-C or SIGTERM; `--resume` continues
};

// Where something is in an input file. line and column start at 1; 0 means "unknown".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

// One problem found in an input, printed like a compiler error:
// `file:line:column: key.path: message`.
struct Diagnostic {
  Location location;
  std::string path;
  std::string message;

  [[nodiscard]] std::string to_string() const;
};

// A diagnostic built in one place (GCC 12 warns falsely about braced temporaries of it).
[[nodiscard]] Diagnostic diagnostic_at(std::string file, int line, int column, std::string path, std::string message);

// What an error is about, in terms every front end has, so that each words it its own way: the CLI
// as its flags (`-m nash`, `-p nash.x=1`, `--at 2020-01-01`, `--resume`), a binding as its arguments.
enum class Subject {
  none,
  model,      // a model name as selected (MODEL or MODEL@LABEL)
  parameter,  // a parameter assignment (MODEL.NAME=VALUE)
  date,       // the date a run is at
  resume,     // continuing a stored run
  threads,    // the number of threads asked for
};

// A change that would fix the error: select this model, resume the run, ...
struct Remedy {
  Subject subject = Subject::none;
  std::string value;
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message), detail_(message) {}
  // An error about `value` given for `subject`; `detail` follows the value (": ..." or " is ...").
  // `context` says where it happened, before everything else (e.g. "case d04240: ").
  Error(Subject subject, std::string value, const std::string& detail, Remedy remedy = {}, std::string context = {})
      : std::runtime_error(context + value + detail),
        subject_(subject),
        value_(std::move(value)),
        detail_(detail),
        remedy_(std::move(remedy)),
        context_(std::move(context)) {}
  [[nodiscard]] virtual ExitCode exit_code() const noexcept = 0;

  [[nodiscard]] Subject subject() const noexcept { return subject_; }
  [[nodiscard]] const std::string& value() const noexcept { return value_; }
  // The message after the subject's value (all of it when the error has no subject).
  [[nodiscard]] const std::string& detail() const noexcept { return detail_; }
  [[nodiscard]] const Remedy& remedy() const noexcept { return remedy_; }
  // Where the error happened, before everything else (e.g. "case d04240: "); "" for none.
  [[nodiscard]] const std::string& context() const noexcept { return context_; }

 private:
  Subject subject_ = Subject::none;
  std::string value_;
  std::string detail_;
  Remedy remedy_;
  std::string context_;
};

// A scenario or data file is malformed. Holds every problem found in one pass.
class ScenarioError : public Error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  explicit ScenarioError(Diagnostic diagnostic);
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::data; }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// A bad model name, parameter name or parameter value.
class ConfigError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::config; }
};

// A bad command line: an option value that cannot be parsed, a date before the scenario starts.
class UsageError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::usage; }
};

// A file or embedded scenario that does not exist.
class InputNotFoundError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::no_input; }
};

// A model could not produce a result for a valid input: a defect, reported as such.
class ModelError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::software; }
};

// A model stops where the tool it reproduces stops on this input (e.g. smp where KTAB aborts):
// the input, not parley, is at fault.
class UnsolvableError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::data; }
};

// Long work stopped before it finished, on request (a cancel, a time limit): nothing is wrong with the
// input, and nothing partial is returned.
class InterruptedError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::interrupted; }
};

// An output file or folder cannot be written.
class OutputError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::cant_create; }
};

// Throws an error of the same family and structure as `error`, with `context` (e.g. "case d04240: ")
// before what it says, so that the blame and the exit code survive. A ScenarioError keeps its
// diagnostics, which already name their file.
[[noreturn]] void rethrow_with_context(const Error& error, const std::string& context);

}  // namespace parley

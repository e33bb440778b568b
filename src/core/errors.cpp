#include "parley/errors.hpp"

#include <fmt/format.h>

namespace parley {
namespace {

std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& diagnostic : diagnostics) {
    if (!text.empty()) text += '\n';
    text += diagnostic.to_string();
  }
  return text;
}

}  // namespace

namespace {

// A message of reasonable length: one that quotes a huge bad value (a 2 MB cell) keeps its start
// and its end, cut at character boundaries, and says how much was left out.
std::string shortened(const std::string& message) {
  constexpr std::size_t kMost = 1000;
  constexpr std::size_t kHead = 600;
  constexpr std::size_t kTail = 200;
  if (message.size() <= kMost) return message;
  const auto continuation = [&](std::size_t at) { return (static_cast<unsigned char>(message[at]) & 0xC0U) == 0x80U; };
  std::size_t head = kHead;
  while (head > 0 && continuation(head)) --head;
  std::size_t tail = message.size() - kTail;
  while (tail < message.size() && continuation(tail)) ++tail;
  return fmt::format("{} [… {} bytes left out …] {}", message.substr(0, head), tail - head, message.substr(tail));
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string prefix = location.file;
  if (location.line > 0) prefix += fmt::format(":{}:{}", location.line, location.column);
  if (!prefix.empty()) prefix += ": ";
  if (!path.empty()) prefix += shortened(path) + ": ";
  return prefix + shortened(message);
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : Error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

ScenarioError::ScenarioError(Diagnostic diagnostic) : ScenarioError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

Diagnostic diagnostic_at(std::string file, int line, int column, std::string path, std::string message) {
  Diagnostic diagnostic;
  diagnostic.location = {std::move(file), line, column};
  diagnostic.path = std::move(path);
  diagnostic.message = std::move(message);
  return diagnostic;
}

namespace {

template <typename Family>
[[noreturn]] void rethrow_as(const Error& error, const std::string& context) {
  throw Family(error.subject(), error.value(), error.detail(), error.remedy(), context + error.context());
}

}  // namespace

void rethrow_with_context(const Error& error, const std::string& context) {
  if (const auto* scenario = dynamic_cast<const ScenarioError*>(&error)) throw *scenario;
  if (dynamic_cast<const ConfigError*>(&error) != nullptr) rethrow_as<ConfigError>(error, context);
  if (dynamic_cast<const UsageError*>(&error) != nullptr) rethrow_as<UsageError>(error, context);
  if (dynamic_cast<const InputNotFoundError*>(&error) != nullptr) rethrow_as<InputNotFoundError>(error, context);
  if (dynamic_cast<const UnsolvableError*>(&error) != nullptr) rethrow_as<UnsolvableError>(error, context);
  if (dynamic_cast<const OutputError*>(&error) != nullptr) rethrow_as<OutputError>(error, context);
  rethrow_as<ModelError>(error, context);
}

}  // namespace parley

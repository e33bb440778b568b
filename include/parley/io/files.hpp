#pragma once
// Whole files in and out, with the errors (and exit codes) every command uses.

#include <cstddef>
#include <filesystem>
#include <string>

namespace parley::io {

// Throws InputNotFoundError when the file does not exist, is not a regular file or cannot be read.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

// A scenario or data file as a command line names it: `-` is standard input, and a named pipe
// (`parley run <(sed ... base.yaml)`) is read to its end, both up to kMaxStreamBytes; a folder is
// refused with a message that says what to do with it (a run's output folder: `parley report`).
// Otherwise as read_text_file. Throws InputNotFoundError.
[[nodiscard]] std::string read_input_text(const std::string& path);
inline constexpr std::size_t kMaxStreamBytes = std::size_t{256} << 20;

// How a file read by read_input_text is named in messages: "<stdin>" for `-`.
[[nodiscard]] std::string input_name(const std::string& path);

// Writes atomically: a temporary file in the same folder, renamed into place (a symbolic link at
// `path` is replaced, never followed). Throws OutputError, with the system's reason, when it cannot.
void write_text_file(const std::filesystem::path& path, const std::string& content);

// Creates the folder and its parents if needed; throws OutputError when it cannot.
void make_output_directory(const std::filesystem::path& directory);

}  // namespace parley::io

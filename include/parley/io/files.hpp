#pragma once
// Whole files in and out, with the errors (and exit codes) every command uses.

#include <filesystem>
#include <string>

namespace parley::io {

// Throws InputNotFoundError when the file does not exist, is not a regular file or cannot be read.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

// Writes atomically: a temporary file in the same folder, renamed into place (a symbolic link at
// `path` is replaced, never followed). Throws OutputError, with the system's reason, when it cannot.
void write_text_file(const std::filesystem::path& path, const std::string& content);

// Creates the folder and its parents if needed; throws OutputError when it cannot.
void make_output_directory(const std::filesystem::path& directory);

}  // namespace parley::io

#pragma once
// A zip archive of a few files, stored uncompressed (PKWARE APPNOTE 6.3, no zip64: each file and
// the whole archive under 4 GB), for downloading a run folder in one piece.

#include <string>
#include <vector>

namespace parley::serve {

struct ArchiveEntry {
  std::string name;  // a relative path with '/' separators
  std::string data;
};

// Throws OutputError when an entry or the archive is too large for a zip without zip64.
[[nodiscard]] std::string zip_archive(const std::vector<ArchiveEntry>& entries);

}  // namespace parley::serve

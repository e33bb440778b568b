#pragma once
// Event data for tests: GDELT 2.0 rows, ICEWS rows, and zip archives of them.

#include <filesystem>
#include <string>
#include <vector>

namespace parley::test {

// A GDELT 2.0 row: 61 tab-separated fields, the given ones set; ends with a newline.
[[nodiscard]] std::string gdelt2_row(const std::string& id, const std::string& date, const std::string& source_code,
                                     const std::string& source, const std::string& target_code,
                                     const std::string& target, const std::string& code,
                                     const std::string& url = "http://example.org/a");

// ICEWS's header row, and a row of it: 20 tab-separated fields, NA where not given.
[[nodiscard]] std::string icews_header();
[[nodiscard]] std::string icews_row(const std::string& id, const std::string& date, const std::string& source,
                                    const std::string& source_sectors, const std::string& source_country,
                                    const std::string& code, const std::string& intensity, const std::string& target,
                                    const std::string& target_sectors, const std::string& target_country,
                                    const std::string& story = "1");

// A zip archive of the entries, each deflated or stored, with its sizes and CRC in the local header or
// after the data (a data descriptor, as streaming zip writers do).
struct ZipEntry {
  std::string name;
  std::string data;
  bool deflate = true;
  bool descriptor = false;
  bool zip64 = false;  // sizes in a zip64 extra field (and the descriptor), as Info-ZIP writes data from a pipe
};
[[nodiscard]] std::string zip_archive(const std::vector<ZipEntry>& entries);

// A file in the temporary folder, named after the running test and `name`, removed at the end of scope.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& bytes);
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile();
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace parley::test

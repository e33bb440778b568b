#pragma once
// Small DEU III files for the tests of `import`, `backtest` and `calibrate`: two actors (com, fr)
// with a capability row, then the rows given.

#include <filesystem>
#include <string>

namespace parley::test {

void write_file(const std::filesystem::path& path, const std::string& text);

// Writes DIRECTORY/data.tsv and returns its path. A row: prnr, isnr, prname, intro, pcom, pfr,
// scom, sfr, rp, out, tab-separated.
std::filesystem::path deu_file(const std::filesystem::path& directory, const std::string& rows);

}  // namespace parley::test

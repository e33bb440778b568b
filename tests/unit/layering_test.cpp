// The layers the build is made of, in dependency order — core, uncertainty, models, runner (with the
// ensemble), io, report, then the front ends — and the rule that keeps them apart: a file includes
// only headers of its own layer or of layers before it; public headers (include/parley/) include
// only public headers; front ends (apps/, python/src/) include only public headers and their own. This test reads
// every #include and fails on a back edge.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace parley {
namespace {

namespace fs = std::filesystem;

const fs::path kSource{PARLEY_SOURCE_DIR};

enum Layer { core, uncertainty, models, runner, io, report, apps };

const std::map<std::string, Layer> kFolders{{"core", core},     {"uncertainty", uncertainty}, {"models", models},
                                            {"runner", runner}, {"ensemble", runner},         {"io", io},
                                            {"report", report}};

// Each public header's layer: the layer that implements it. A new public header must be added here.
const std::map<std::string, Layer> kPublic{
    {"analysis", core},    {"date", core},          {"errors", core},     {"interval", core},
    {"limits", core},      {"model", core},         {"outputs", core},    {"parameters", core},
    {"problem", core},     {"rng", core},           {"scenario", core},   {"source_ref", core},
    {"text", core},        {"timeline", core},      {"validate", core},   {"version", core},
    {"what_if", core},     {"registry", models},    {"answer", runner},   {"backtest", runner},
    {"calibrate", runner}, {"distributor", runner}, {"ensemble", runner}, {"montecarlo", runner},
    {"run", runner},       {"sensitivity", runner}, {"report", report},   {"compare", report}};

struct Include {
  std::string header;
  int line = 0;
};

std::vector<Include> includes_of(const fs::path& file) {
  std::vector<Include> found;
  // Read by hand: GCC 12 warns falsely inside <regex> under the sanitizers' -O2.
  std::ifstream in(file);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view rest(line);
    const auto skip_blanks = [&] {
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    };
    skip_blanks();
    if (!rest.starts_with('#')) continue;
    rest.remove_prefix(1);
    skip_blanks();
    if (!rest.starts_with("include")) continue;
    rest.remove_prefix(7);
    skip_blanks();
    if (!rest.starts_with('"')) continue;
    rest.remove_prefix(1);
    const auto end = rest.find('"');
    if (end != std::string_view::npos) found.push_back({std::string(rest.substr(0, end)), number});
  }
  return found;
}

// The layer of a quoted include; nullopt for one that is not the library's (a local file of apps/).
std::optional<Layer> layer_of_include(const std::string& header) {
  if (header.starts_with("parley/io/")) return io;
  if (header.starts_with("parley/")) {
    const std::string name = fs::path(header).stem().string();
    const auto found = kPublic.find(name);
    return found == kPublic.end() ? std::nullopt : std::optional<Layer>(found->second);
  }
  const auto slash = header.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto found = kFolders.find(header.substr(0, slash));
  return found == kFolders.end() ? std::nullopt : std::optional<Layer>(found->second);
}

std::vector<fs::path> files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".cpp" || extension == ".hpp" || extension == ".in")) {
      files.push_back(entry.path());
    }
  }
  return files;
}

std::string where(const fs::path& file, const Include& include) {
  return fs::relative(file, kSource).string() + ":" + std::to_string(include.line) + ": \"" + include.header + "\"";
}

TEST(Layering, EveryPublicHeaderHasALayer) {
  for (const auto& file : files_under(kSource / "include" / "parley")) {
    if (file.parent_path().filename() == "io") continue;
    const std::string name = file.stem().stem().string();  // version.hpp.in -> version
    EXPECT_TRUE(kPublic.contains(name)) << file << ": add it to kPublic with the layer that implements it";
  }
}

TEST(Layering, PublicHeadersIncludeOnlyPublicHeadersOfTheirLayerOrBefore) {
  for (const auto& file : files_under(kSource / "include" / "parley")) {
    const bool in_io = file.parent_path().filename() == "io";
    const Layer own = in_io ? io : kPublic.at(file.stem().stem().string());
    for (const auto& include : includes_of(file)) {
      EXPECT_TRUE(include.header.starts_with("parley/")) << where(file, include) << ": not a public header";
      const auto layer = layer_of_include(include.header);
      ASSERT_TRUE(layer.has_value()) << where(file, include);
      EXPECT_LE(*layer, own) << where(file, include) << ": a back edge";
    }
  }
}

TEST(Layering, LibraryFilesIncludeOnlyTheirLayerOrBefore) {
  std::size_t checked = 0;
  for (const auto& [folder, own] : kFolders) {
    for (const auto& file : files_under(kSource / "src" / folder)) {
      for (const auto& include : includes_of(file)) {
        const auto layer = layer_of_include(include.header);
        ASSERT_TRUE(layer.has_value()) << where(file, include) << ": not a header of the library";
        EXPECT_LE(*layer, own) << where(file, include) << ": a back edge";
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(Layering, FrontEndsUseThePublicApiOnly) {
  std::size_t checked = 0;
  for (const auto& front_end : {kSource / "apps", kSource / "python" / "src"}) {
    for (const auto& file : files_under(front_end)) {
      for (const auto& include : includes_of(file)) {
        const bool own =
            include.header.find('/') == std::string::npos && fs::exists(file.parent_path() / include.header);
        EXPECT_TRUE(own || include.header.starts_with("parley/")) << where(file, include) << ": not the public API";
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace parley

// The docs' generated tables stay equal to what the code says: each docs/models/NAME.md holds the
// output of `parley models NAME --format markdown`, and docs/scenario-format.md the output of
// `parley scenarios --keys PART` for every part, between markers. Regenerate with
// scripts/generate-docs.sh.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace parley::test {

TEST(Docs, ModelPagesCarryTheRegistrysParameterTables) {
  const auto directory = fresh_directory("docs");
  const auto list = run_parley({"models", "--json"}, directory);
  ASSERT_EQ(list.exit_code, 0);
  for (const auto& model : nlohmann::json::parse(list.out)) {
    const std::string name = model["name"];
    const auto page = source_dir() / "docs" / "models" / (name + ".md");
    ASSERT_TRUE(std::filesystem::exists(page)) << page << " is missing";
    const auto table = run_parley({"models", name, "--format", "markdown"}, directory);
    const std::string begin = "<!-- BEGIN GENERATED: parley models " + name + " --format markdown -->\n";
    const std::string expected = begin + table.out + "<!-- END GENERATED -->";
    EXPECT_NE(read_text(page).find(expected), std::string::npos)
        << page << " is out of date; run scripts/generate-docs.sh";
  }
}

TEST(Docs, TheScenarioFormatCarriesTheSchemasKeyTables) {
  const auto directory = fresh_directory("docs-keys");
  const std::string page = read_text(source_dir() / "docs" / "scenario-format.md");
  for (const char* part : {"top", "source", "actor", "stance", "issue", "scale", "relation", "event", "effect",
                           "uncertainty", "override", "claim"}) {
    const auto table = run_parley({"scenarios", "--keys", part}, directory);
    ASSERT_EQ(table.exit_code, 0) << table.err;
    const std::string expected = std::string("<!-- BEGIN GENERATED: parley scenarios --keys ") + part + " -->\n" +
                                 table.out + "<!-- END GENERATED -->";
    EXPECT_NE(page.find(expected), std::string::npos)
        << "docs/scenario-format.md's table of " << part << " is out of date; run scripts/generate-docs.sh";
  }
  const auto unknown = run_parley({"scenarios", "--keys", "actr"}, directory);
  EXPECT_EQ(unknown.exit_code, 64);
  EXPECT_NE(unknown.err.find("did you mean 'actor'"), std::string::npos) << unknown.err;
}

namespace {

// docs/reliability.md names, for each promise, the test that shows it: every test and file it names exists.
TEST(Docs, EveryTestTheReliabilityPageNamesExists) {
  const std::string page = read_text(source_dir() / "docs" / "reliability.md");
  std::string tests;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() / "tests")) {
    if (entry.path().extension() == ".cpp") tests += read_text(entry.path());
  }
  // Backticked spans: `Suite.Name` is a test, `tests/...` a file. (No std::regex: GCC 12 warns falsely
  // inside it under the sanitizers.)
  std::size_t named = 0;
  for (std::size_t open = page.find('`'); open != std::string::npos; open = page.find('`', open + 1)) {
    const std::size_t close = page.find('`', open + 1);
    if (close == std::string::npos) break;
    const std::string span = page.substr(open + 1, close - open - 1);
    open = close;
    const bool path = std::all_of(span.begin(), span.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '/' || c == '.' || c == '-';
    });
    if (span.starts_with("tests/") && path) {
      EXPECT_TRUE(std::filesystem::exists(source_dir() / span)) << "docs/reliability.md names " << span;
      continue;
    }
    const std::size_t dot = span.find('.');
    const bool word =
        !span.empty() && std::isupper(static_cast<unsigned char>(span[0])) != 0 && dot != std::string::npos &&
        dot + 1 < span.size() && std::isupper(static_cast<unsigned char>(span[dot + 1])) != 0 &&
        std::all_of(span.begin(), span.end(),
                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.'; }) &&
        std::count(span.begin(), span.end(), '.') == 1;
    if (!word) continue;
    const std::string declared = "TEST(" + span.substr(0, dot) + ", " + span.substr(dot + 1) + ")";
    EXPECT_NE(tests.find(declared), std::string::npos) << "docs/reliability.md names " << span << ", no such test";
    ++named;
  }
  EXPECT_GT(named, 15U);
}

}  // namespace
}  // namespace parley::test

// The docs' parameter tables are generated from the registry: each docs/models/NAME.md holds the
// output of `parley models NAME --format markdown` between markers. Regenerate with
// scripts/generate-docs.sh.

#include <gtest/gtest.h>

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

}  // namespace parley::test

// The docs' generated tables stay equal to what the code says: each docs/models/NAME.md holds the
// output of `parley models NAME --format markdown`, and docs/scenario-format.md the output of
// `parley scenarios --keys PART` for every part, between markers. Regenerate with
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

}  // namespace parley::test

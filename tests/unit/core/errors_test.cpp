// Library errors carry what they are about, so that each front end words them its own way.

#include "parley/errors.hpp"

#include <gtest/gtest.h>

#include "parley/run.hpp"

namespace parley {
namespace {

template <typename Call>
ConfigError config_error(Call call) {
  try {
    call();
  } catch (const ConfigError& error) {
    return error;
  }
  ADD_FAILURE() << "no ConfigError";
  return ConfigError("none");
}

TEST(Errors, ModelSelectionErrorsNameTheirSubjectAndRemedy) {
  const ConfigError bad = config_error([] { (void)select_models({}, {"nash.utility"}, 3); });
  EXPECT_EQ(bad.subject(), Subject::parameter);
  EXPECT_EQ(bad.value(), "nash.utility");
  EXPECT_TRUE(bad.detail().starts_with(": write a parameter as MODEL.NAME=VALUE"));
  EXPECT_EQ(std::string(bad.what()), bad.value() + bad.detail());

  const ConfigError unselected =
      config_error([] { (void)select_models({"compromise"}, {"nash.utility=quadratic"}, 3); });
  EXPECT_EQ(unselected.subject(), Subject::parameter);
  EXPECT_EQ(unselected.remedy().subject, Subject::model);
  EXPECT_EQ(unselected.remedy().value, "nash");

  const ConfigError label = config_error([] { (void)select_models({"nash@a b"}, {}, 3); });
  EXPECT_EQ(label.subject(), Subject::model);
  EXPECT_EQ(label.value(), "nash@a b");
}

TEST(Errors, ContextKeepsTheFamilyAndTheStructure) {
  const ConfigError original(Subject::parameter, "x.y=1", ": bad", {Subject::model, "x"});
  try {
    rethrow_with_context(original, "case c1: ");
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.context(), "case c1: ");
    EXPECT_EQ(error.subject(), Subject::parameter);
    EXPECT_EQ(error.value(), "x.y=1");
    EXPECT_EQ(error.remedy().value, "x");
    EXPECT_EQ(std::string(error.what()), "case c1: x.y=1: bad");
    EXPECT_EQ(error.exit_code(), ExitCode::config);
    return;
  }
  FAIL() << "not rethrown as a ConfigError";
}

// A message quoting a huge value keeps its start and end, cut at character boundaries.
TEST(Errors, AHugeMessageIsShortened) {
  const std::string value(2'000'000, 'x');
  const std::string text = diagnostic_at("f.csv", 3, 4, "cell", "'é" + value + "é' is not a number").to_string();
  EXPECT_LT(text.size(), 1200U);
  EXPECT_TRUE(text.starts_with("f.csv:3:4: cell: 'é")) << text.substr(0, 40);
  EXPECT_TRUE(text.ends_with("é' is not a number")) << text.substr(text.size() - 40);
  EXPECT_NE(text.find(" bytes left out …]"), std::string::npos);
  EXPECT_EQ(diagnostic_at("f", 1, 1, "", "short").to_string(), "f:1:1: short");
}

}  // namespace
}  // namespace parley

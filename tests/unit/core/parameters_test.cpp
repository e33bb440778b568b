#include "parley/parameters.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "parley/errors.hpp"
#include "parley/registry.hpp"
#include "parley/run.hpp"

namespace parley {
namespace {

const std::vector<ParameterSpec> kSpecs{
    {.name = "rounds",
     .type = ParameterType::integer,
     .default_value = "10",
     .min = 1,
     .max = 1000,
     .description = "r"},
    {.name = "tolerance", .type = ParameterType::real, .default_value = "0.001", .min = 0, .description = "t"},
    {.name = "verbose", .type = ParameterType::boolean, .default_value = "false", .description = "v"},
    {.name = "variant",
     .type = ParameterType::choice,
     .default_value = "a",
     .choices = {"a", "b"},
     .description = "c"}};

std::string config_error(const std::vector<std::pair<std::string, std::string>>& assignments) {
  try {
    (void)resolve_parameters("toy", kSpecs, assignments);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST(Parameters, DefaultsComeFromTheSpecs) {
  const auto values = resolve_parameters("toy", kSpecs, {});
  EXPECT_EQ(values.integer("rounds"), 10);
  EXPECT_DOUBLE_EQ(values.real("tolerance"), 0.001);
  EXPECT_FALSE(values.boolean("verbose"));
  EXPECT_EQ(values.choice("variant"), "a");
}

TEST(Parameters, AssignmentsOverrideDefaults) {
  const auto values = resolve_parameters("toy", kSpecs, {{"rounds", "5"}, {"variant", "b"}, {"verbose", "true"}});
  EXPECT_EQ(values.integer("rounds"), 5);
  EXPECT_EQ(values.choice("variant"), "b");
  EXPECT_TRUE(values.boolean("verbose"));
}

TEST(Parameters, BadAssignmentsAreConfigErrorsThatNameTheParameter) {
  EXPECT_EQ(config_error({{"rouns", "5"}}),
            "toy.rouns: unknown parameter of model 'toy' (did you mean 'rounds'?); valid: rounds, tolerance, verbose, "
            "variant");
  EXPECT_EQ(config_error({{"rounds", "five"}}), "toy.rounds: 'five' is not an integer");
  EXPECT_EQ(config_error({{"rounds", "0"}}), "toy.rounds: 0 is outside [1, 1000]");
  EXPECT_EQ(config_error({{"tolerance", "nan"}}), "toy.tolerance: 'nan' is not a finite number");
  EXPECT_EQ(config_error({{"verbose", "yes"}}), "toy.verbose: 'yes' is not a boolean (true or false)");
  EXPECT_EQ(config_error({{"variant", "c"}}), "toy.variant: 'c' is not one of: a, b");
}

TEST(Registry, EveryDefaultParsesAndEveryModelIsFound) {
  for (const auto& info : model_registry()) {
    EXPECT_NO_THROW((void)resolve_parameters(info.name, info.parameters, {})) << info.name;
    EXPECT_EQ(&find_model(info.name), &info);
    EXPECT_FALSE(info.summary.empty());
    EXPECT_FALSE(info.reference.empty());
  }
  EXPECT_THROW((void)find_model("compromize"), ConfigError);
}

TEST(SelectModels, AssignmentsMustNameASelectedModel) {
  EXPECT_THROW((void)select_models({"compromise"}, {"nash.utility=quadratic"}, 3), ConfigError);
  EXPECT_THROW((void)select_models({}, {"nash.utility"}, 3), ConfigError);
  EXPECT_THROW((void)select_models({}, {"utility=quadratic"}, 3), ConfigError);
  const auto selected = select_models({"nash"}, {"nash.utility=quadratic"}, 3);
  ASSERT_EQ(selected.size(), 1u);
  EXPECT_EQ(selected[0].parameters.choice("utility"), "quadratic");
  EXPECT_EQ(select_models({}, {}, 2).size(), model_registry().size());
  const auto single = std::count_if(model_registry().begin(), model_registry().end(),
                                    [](const ModelInfo& info) { return !info.needs_multiple_issues; });
  EXPECT_EQ(select_models({}, {}, 1).size(), static_cast<std::size_t>(single));
  EXPECT_THROW((void)select_models({"exchange"}, {}, 1), ConfigError);  // needs two issues
}

}  // namespace parley

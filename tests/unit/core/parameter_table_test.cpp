// A parameter declared once: its spec (default from the struct, range, choices) and the typed
// options that resolved values bind to.

#include "core/parameter_table.hpp"

#include <gtest/gtest.h>

#include "parley/errors.hpp"

namespace parley {
namespace {

enum class Shape { round, square, flat };
constexpr EnumName<Shape> kShapeNames[]{{Shape::round, "round"}, {Shape::square, "square"}, {Shape::flat, "flat"}};
constexpr std::span<const EnumName<Shape>> names_of(Shape /*tag*/) {
  return kShapeNames;
}

struct Toy {
  int rounds = 10;
  double tolerance = 1e-9;
  bool verbose = false;
  Shape shape = Shape::square;
  Shape edge = Shape::flat;
  std::optional<Shape> override_shape;
  bool strict = true;
  std::string ids = "a,b";
};

ParameterTable<Toy> toy_table() {
  ParameterTable<Toy> table;
  table.integer("rounds", &Toy::rounds, 1, 1000, "r")
      .real("tolerance", &Toy::tolerance, 0.0, std::nullopt, "t")
      .boolean("verbose", &Toy::verbose, "v")
      .choice("shape", &Toy::shape, "s")
      .choice("edge", &Toy::edge, {Shape::flat, Shape::round}, "e")
      .choice("override", &Toy::override_shape, "inherit", "o")
      .choice("strict", &Toy::strict, "lenient", "strict", "x")
      .text("ids", &Toy::ids, "i");
  return table;
}

TEST(ParameterTable, SpecsTakeTheirDefaultsFromTheStruct) {
  const auto specs = toy_table().specs();
  ASSERT_EQ(specs.size(), 8u);
  EXPECT_EQ(specs[0].name, "rounds");
  EXPECT_EQ(specs[0].type, ParameterType::integer);
  EXPECT_EQ(specs[0].default_value, "10");
  EXPECT_EQ(specs[0].min, 1.0);
  EXPECT_EQ(specs[0].max, 1000.0);
  EXPECT_EQ(specs[1].default_value, "1e-9");
  EXPECT_EQ(specs[1].min, 0.0);
  EXPECT_FALSE(specs[1].max.has_value());
  EXPECT_EQ(specs[2].default_value, "false");
  EXPECT_EQ(specs[3].default_value, "square");
  EXPECT_EQ(specs[3].choices, (std::vector<std::string>{"round", "square", "flat"}));
  EXPECT_EQ(specs[4].choices, (std::vector<std::string>{"flat", "round"}));
  EXPECT_EQ(specs[5].default_value, "inherit");
  EXPECT_EQ(specs[5].choices, (std::vector<std::string>{"inherit", "round", "square", "flat"}));
  EXPECT_EQ(specs[6].default_value, "strict");
  EXPECT_EQ(specs[6].choices, (std::vector<std::string>{"lenient", "strict"}));
  EXPECT_EQ(specs[7].type, ParameterType::text);
  EXPECT_EQ(specs[7].default_value, "a,b");
}

TEST(ParameterTable, DefaultsBindToADefaultStruct) {
  const auto table = toy_table();
  const Toy toy = table.bind(resolve_parameters("toy", table.specs(), {}));
  EXPECT_EQ(toy.rounds, 10);
  EXPECT_EQ(toy.tolerance, 1e-9);
  EXPECT_FALSE(toy.verbose);
  EXPECT_EQ(toy.shape, Shape::square);
  EXPECT_EQ(toy.edge, Shape::flat);
  EXPECT_FALSE(toy.override_shape.has_value());
  EXPECT_TRUE(toy.strict);
  EXPECT_EQ(toy.ids, "a,b");
}

TEST(ParameterTable, AssignmentsBindToTheirFields) {
  const auto table = toy_table();
  const Toy toy = table.bind(resolve_parameters("toy", table.specs(),
                                                {{"rounds", "7"},
                                                 {"tolerance", "0.5"},
                                                 {"verbose", "true"},
                                                 {"shape", "flat"},
                                                 {"edge", "round"},
                                                 {"override", "square"},
                                                 {"strict", "lenient"},
                                                 {"ids", ""}}));
  EXPECT_EQ(toy.rounds, 7);
  EXPECT_EQ(toy.tolerance, 0.5);
  EXPECT_TRUE(toy.verbose);
  EXPECT_EQ(toy.shape, Shape::flat);
  EXPECT_EQ(toy.edge, Shape::round);
  EXPECT_EQ(toy.override_shape, Shape::square);
  EXPECT_FALSE(toy.strict);
  EXPECT_EQ(toy.ids, "");
}

TEST(ParameterTable, ValuesOutsideTheDeclarationAreRejected) {
  const auto specs = toy_table().specs();
  EXPECT_THROW((void)resolve_parameters("toy", specs, {{"edge", "square"}}), ConfigError);  // not allowed here
  EXPECT_THROW((void)resolve_parameters("toy", specs, {{"rounds", "0"}}), ConfigError);
  EXPECT_THROW((void)resolve_parameters("toy", specs, {{"tolerance", "-1"}}), ConfigError);
  EXPECT_THROW((void)resolve_parameters("toy", specs, {{"strict", "true"}}), ConfigError);
}

TEST(ParameterTable, EnumNamesGoBothWays) {
  EXPECT_EQ(enum_name(Shape::flat), "flat");
  EXPECT_EQ(enum_value<Shape>("round"), Shape::round);
  EXPECT_FALSE(enum_value<Shape>("Round").has_value());
}

TEST(ParameterTable, RealDefaultsReadBack) {
  EXPECT_EQ(format_parameter_real(1e-9), "1e-9");
  EXPECT_EQ(format_parameter_real(1e-4), "0.0001");
  EXPECT_EQ(format_parameter_real(0.05), "0.05");
  EXPECT_EQ(format_parameter_real(1.0), "1");
  EXPECT_EQ(format_parameter_real(1e300), "1e300");
  EXPECT_EQ(format_parameter_real(2.5e-300), "2.5e-300");
  for (const double value : {1e-9, 0.1, 1.0 / 3.0, 6.02e23, 1e-5}) {
    EXPECT_EQ(std::stod(format_parameter_real(value)), value);
  }
}

}  // namespace
}  // namespace parley
